/**
 * Input files are UTF-8 text. A file in another encoding is refused with its name
 * (UTF-16 and UTF-32 from a byte-order mark or the pattern of zero bytes, Latin-1 or
 * Windows-1252 from the first byte that is not UTF-8), never read as mojibake that
 * then "validates" with missing or garbled values.
 */
import type { SourcePosition } from './located-error.js';

export type Decoded = { ok: true; text: string } | { ok: false; message: string; position?: SourcePosition };

const SAVE_AS = 'save it as UTF-8 and try again';

export function decodeText(bytes: Uint8Array): Decoded {
  const foreign = foreignEncoding(bytes);
  if (foreign !== undefined) return { ok: false, message: `the file is ${foreign}, not UTF-8: ${SAVE_AS}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notUtf8(bytes);
  }
  if (text.includes('\u0000')) {
    const at = positionOfOffset(bytes, bytes.indexOf(0));
    return { ok: false, message: 'the file holds zero bytes: it is binary, not text', position: at };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** UTF-32 and UTF-16, by their byte-order marks or, without one, by zero bytes beside ASCII letters. */
function foreignEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32 (little-endian)';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 (big-endian)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 (little-endian)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 (big-endian)';
  // Without a mark: ASCII text in UTF-16 has a zero in every other byte.
  const sample = Math.min(bytes.length, 512) & ~1;
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'UTF-16 (little-endian)';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'UTF-16 (big-endian)';
  return undefined;
}

function notUtf8(bytes: Uint8Array): Decoded {
  const offset = firstInvalidUtf8(bytes);
  const byte = bytes[offset] ?? 0;
  // A lone byte from 0xA0 up is how Latin-1 and Windows-1252 write letters such as é, ü or ñ; 0x80-0x9F are Windows-1252's punctuation.
  const likely = byte >= 0x80 ? ' (it looks like Latin-1 or Windows-1252)' : '';
  return {
    ok: false,
    message: `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here is not UTF-8${likely}; ${SAVE_AS}`,
    position: positionOfOffset(bytes, offset),
  };
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return i;
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters, counting a multi-byte sequence once) of a byte offset. */
function positionOfOffset(bytes: Uint8Array, offset: number): SourcePosition {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      line++;
      col = 1;
    } else if ((byte & 0xc0) !== 0x80) {
      col++;
    }
  }
  return { line, col };
}
