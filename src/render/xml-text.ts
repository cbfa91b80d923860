/**
 * Text for XML and HTML: the five special characters escaped, characters XML 1.0
 * forbids removed, and bidirectional overrides shown as visible escapes, so a name
 * cannot make the page show its text in another order than it is written.
 */
import { withVisibleFormatting } from './sanitize.js';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return withVisibleFormatting(text)
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
