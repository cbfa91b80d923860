/**
 * Text as hostile files hold it, for the property suites: line breaks, control
 * characters and escape sequences, bidirectional marks and overrides, line and paragraph
 * separators, non-ASCII letters, CJK and emoji, and the characters each destination's
 * syntax is made of (Markdown, HTML, CSV, formulas, workflow commands, links, email).
 */
import fc from 'fast-check';

const FRAGMENTS = [
  '\n', '\r\n', '\r', '\t', '\u0000', '\u0007', '\u0008', '\u001b', '\u001b[31m', '\u001b]0;title\u0007', '\u001b]52;c;ZXZpbA==\u0007', '\u009b', '\u007f',
  '\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029',
  'é', 'ß', 'Ø', 'ı', '調査', 'アンケート', 'مرحبا', 'שלום', '🙂', '👩‍👩‍👧', '\u0301', '\ufeff',
  '<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '&amp;', '"', "'", '`', '*', '_', '[link](https://evil.example)', '![x](https://evil.example/p.png)',
  '|', '#', '- ', '1. ', '>', '~', '\\', 'https://evil.example', 'www.evil.example', 'anna@example.org', 'mailto:x@y.z',
  '=cmd|\' /C calc\'!A0', '+1', '-2', '@SUM(1)', ';=1+1', ',', '::error file=evil.yaml::pwned', '%0A', '%25', '::',
];

/** A string of hostile fragments and random characters, up to `maxLength` pieces. */
export const hostileText = (maxLength = 8) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { minLength: 1, maxLength }).map((parts) => parts.join(''));

/** Raw characters no terminal, Markdown or annotation output may carry (tab and line feed are layout, allowed). */
export const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
