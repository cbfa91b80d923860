/**
 * Text for XML and HTML: the five special characters escaped, and every control
 * character (those XML 1.0 forbids, DEL and the C1 range HTML treats as errors) and
 * every bidirectional override shown as a visible escape, as on a terminal, so a name
 * can neither break the document nor make the page show its text in another order.
 */
import { visibleEscape, withVisibleFormatting } from './sanitize.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Not characters at all in XML 1.0: removed. */
const NONCHARACTER = /[\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return withVisibleFormatting(text)
    .replace(CONTROL, visibleEscape)
    .replace(NONCHARACTER, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
