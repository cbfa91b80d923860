/**
 * The one order for text in reports: by Unicode code point. It is the same in every
 * locale (`localeCompare` is not: "ö" sorts after "z" in Swedish, beside "o" in German),
 * so a report is the same bytes wherever it is made.
 */
export function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/**
 * UTF-16 order is code point order except that surrogates (characters past U+FFFF)
 * come before U+E000-U+FFFF; shifting both ranges restores code point order.
 */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
