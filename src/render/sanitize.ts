/**
 * User-written text must not be able to rewrite a terminal: control characters
 * (ESC sequences, carriage returns, bells, OSC clipboard writes) are shown as
 * visible escapes instead of being sent to the terminal.
 */
// C0 controls except tab, DEL, and C1 controls (0x80-0x9f, which some terminals treat as ESC-equivalents).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
