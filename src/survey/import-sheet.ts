/**
 * An export as a grid of text cells, whatever file it came in: CSV as spreadsheets and
 * forms tools write it (cells separated by ",", ";" or a tab; UTF-8 with or without a
 * byte-order mark, or UTF-16 with one, as Excel's "Unicode text" is saved), or an `.xlsx`
 * workbook (import-xlsx.ts). Each row keeps the line (CSV) or row number (workbook) a
 * user would look for it at.
 */
import { decodeText } from '../load/decode-text.js';
import { UserError, type LocatedError } from '../load/located-error.js';

export type Separator = ',' | ';' | '\t';

export interface SheetRow {
  cells: string[];
  /** Line (CSV) or row (workbook), 1-based, where the row starts. */
  line: number;
}

export interface Sheet {
  /**
   * Every row from the first, each time it is iterated. A CSV file is parsed as it is read,
   * so a large export is never held as cells all at once; a syntax error is thrown as a
   * UserError when the iteration reaches it.
   */
  rows: Iterable<SheetRow>;
  /** The cell separator of a CSV file. */
  separator?: Separator;
  /** How the file was encoded, when it was not plain UTF-8. */
  encoding?: 'UTF-16 (little-endian)' | 'UTF-16 (big-endian)';
}

export type SheetRead = { ok: true; sheet: Sheet } | { ok: false; error: LocatedError };

/** Rows past the header that an export may hold (a setting: --max-rows), checked before the cells are parsed. */
export function readCsvSheet(file: string, bytes: Uint8Array, maxRows: number): SheetRead {
  const decoded = decodeExport(bytes);
  if (!decoded.ok) return { ok: false, error: { file, ...(decoded.position ? { position: decoded.position } : {}), message: decoded.message } };
  const text = decoded.text;
  let lineCount = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCount++;
  // Up to three header rows (Qualtrics): the limit counts respondents, not header lines.
  if (lineCount - 3 > maxRows) {
    return { ok: false, error: { file, message: `refused: about ${lineCount - 1} rows, over the limit of ${maxRows} respondents (raise it with --max-rows)` } };
  }
  const separator = separatorOf(text);
  const rows = { [Symbol.iterator]: () => csvRows(text, separator, file) };
  return { ok: true, sheet: { rows, separator, ...(decoded.encoding ? { encoding: decoded.encoding } : {}) } };
}

/**
 * RFC 4180 records: a cell in double quotes may hold the separator, line breaks and doubled
 * quotes; a quote inside an unquoted cell is kept as written, as spreadsheets read it. A
 * line ends at LF, CRLF or CR (a CRLF inside a quoted cell is one line break, stored as LF).
 * Blank lines are skipped. Written for speed: a large export has millions of cells, and a
 * general parser spent most of an import's time here.
 */
function* csvRows(text: string, separator: Separator, file: string): Generator<SheetRow> {
  const SEPARATOR = separator.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const length = text.length;
  let at = 0;
  let line = 1;
  while (at < length) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(at) === QUOTE) {
        // A quoted cell: up to the quote that is not doubled.
        const openedOn = line;
        let cell = '';
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw new UserError({ file, position: { line: openedOn, col: 1 }, message: 'CSV: a quoted cell opens on this line and is never closed' });
          cell += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            cell += '"';
            from = close + 2;
            continue;
          }
          at = close + 1;
          break;
        }
        if (cell.includes('\r')) cell = cell.replace(/\r\n?/g, '\n');
        for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
        const next = text.charCodeAt(at);
        if (at < length && next !== SEPARATOR && next !== LF && next !== CR) {
          // "a"b: text after the closing quote belongs to the same cell, as spreadsheets read it.
          let end = at;
          for (let code = text.charCodeAt(end); end < length && code !== SEPARATOR && code !== LF && code !== CR; code = text.charCodeAt(++end));
          cell += text.slice(at, end);
          at = end;
        }
        cells.push(cell);
      } else {
        let end = at;
        for (let code = text.charCodeAt(end); end < length && code !== SEPARATOR && code !== LF && code !== CR; code = text.charCodeAt(++end));
        cells.push(text.slice(at, end));
        at = end;
      }
      if (at >= length) break;
      const code = text.charCodeAt(at);
      if (code === SEPARATOR) {
        at++;
        continue;
      }
      // A line break ends the record.
      at += code === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (cells.length === 1 && cells[0] === '') continue;
    yield { cells, line: startLine };
  }
}

type DecodedExport = { ok: true; text: string; encoding?: Sheet['encoding'] } | { ok: false; message: string; position?: { line: number; col: number } };

/** UTF-16 with its byte-order mark is what Excel writes as "Unicode text"; everything else must be UTF-8. */
function decodeExport(bytes: Uint8Array): DecodedExport {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] !== 0 ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16 === undefined) return decodeText(bytes);
  let text: string;
  try {
    text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `the file starts as UTF-16 but is not valid UTF-16; save it as "CSV UTF-8" and try again` };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'the file holds zero characters: it is binary, not text' };
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: utf16 === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)' };
}

/**
 * The cell separator, from the header row: ",", or ";" as spreadsheets write CSV where
 * the decimal mark is a comma (most of Europe), or a tab (Excel's "Unicode text"). The one
 * that splits the header into the most cells, outside quotes, wins; a tie keeps ",".
 */
function separatorOf(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if ((char === '\n' || char === '\r') && !quoted) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}
