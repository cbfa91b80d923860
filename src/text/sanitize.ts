/**
 * User-written text must not be able to rewrite a terminal or hide what it says:
 * control characters (ESC sequences, carriage returns, bells, OSC clipboard writes)
 * and the invisible controls that reorder or break text (bidirectional overrides and
 * isolates such as U+202E, line and paragraph separators) are shown as visible escapes
 * instead of being sent on.
 */
// C0 controls except tab, DEL, and C1 controls (0x80-0x9f, which some terminals treat as ESC-equivalents).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
/** Bidirectional marks, embeddings, overrides and isolates, and the Unicode line and paragraph separators. */
export const INVISIBLE_FORMAT = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE = new RegExp(`${CONTROL.source}|${INVISIBLE_FORMAT.source}`, 'g');

/** `\x1b` for a control character, `\u202e` for a format character: what it is, in plain ASCII. */
export function visibleEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visibleEscape);
}

/** Only the format characters made visible: for destinations that handle control characters their own way. */
export function withVisibleFormatting(text: string): string {
  return text.replace(INVISIBLE_FORMAT, visibleEscape);
}
