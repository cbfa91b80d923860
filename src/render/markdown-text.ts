/**
 * User-written text in Markdown: characters that would start emphasis, code,
 * links, tables or raw HTML are escaped, URLs are kept from turning into links,
 * and line breaks are folded so a value cannot end a table row or open a block.
 */
const INLINE = /[\\`*_[\]<>|~]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(INLINE, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : `\\${char}`))
    .replace(/:\/\//g, '\\:\\/\\/')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`)
    .replace(/^([#+\-=]|\d+[.)])/, '\\$1');
}
