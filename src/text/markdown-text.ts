/**
 * User-written text in Markdown: characters that would start emphasis, code,
 * links, tables or raw HTML are escaped, URLs and email addresses are kept from turning into links,
 * and line breaks are folded so a value cannot end a table row or open a block.
 */
import { withCodeSpans } from './code-spans.js';
import { terminalSafe } from './sanitize.js';

// "@" too: GitHub turns an email address in plain text into a mailto: link.
const INLINE = /[\\`*_[\]<>|~@]/g;

export function escapeMarkdown(text: string, position: 'inline' | 'line-start' = 'inline'): string {
  // Control characters become visible escapes first, so a report shown with `cat` cannot drive the terminal.
  const escaped = terminalSafe(text.replace(/[\r\n]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(INLINE, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : `\\${char}`))
    .replace(/:\/\//g, '\\:\\/\\/')
    // Any "www.", even inside a word: marked links the www.example.org of "xwww.example.org".
    .replace(/www\./gi, (match) => `${match.slice(0, 3)}\\.`);
  // At the start of a line, "#", "-", "+", "=" or "1." would open a heading, list or rule.
  return position === 'line-start' ? escaped.replace(/^([#+\-=]|\d+[.)])/, '\\$1') : escaped;
}

/**
 * A code span as Markdown shows it. Its text may come from a file too (a name written with
 * backticks), so control and bidi characters are made visible there as everywhere else.
 */
export function markdownCodeSpan(literal: string): string {
  return `\`${terminalSafe(literal.replace(/[\r\n]+/g, ' '))}\``;
}

/** Rubric prose: escaped, with its `key` spans kept as code spans. */
export function markdownProse(text: string, codeSpan: (literal: string) => string = markdownCodeSpan): string {
  return withCodeSpans(text, escapeMarkdown, codeSpan);
}
