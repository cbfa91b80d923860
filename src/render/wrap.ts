/** Word-wraps prose for the terminal to a width, measuring what is visible (colour codes take no room). */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/** Wraps `text` to `width` columns: the first line starts with `indent`, the others with `hanging` (default: the same). */
export function wrap(text: string, width: number, indent = '', hanging = indent): string {
  const lines: string[] = [];
  let line = '';
  let lead = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const available = Math.max(width - lead.length, 10);
    if (line !== '' && visibleLength(line) + 1 + visibleLength(word) > available) {
      lines.push(lead + line);
      lead = hanging;
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(lead + line);
  return lines.join('\n');
}

/** The line as written when it fits (spacing kept), else wrapped like `wrap`. */
export function fitOrWrap(text: string, width: number, indent = '', hanging = indent): string {
  return indent.length + visibleLength(text) <= width && !text.includes('\n') ? indent + text : wrap(text, width, indent, hanging);
}

/**
 * Wraps a list of short items, never breaking inside one. A line that goes on below
 * ends with the separator's mark, and the mark counts in its width: a mark past the
 * edge would wrap to a line of its own.
 */
export function wrapItems(items: readonly string[], width: number, indent = '', separator = ' · '): string {
  const mark = separator.trimEnd();
  const lines: string[] = [];
  let line = '';
  items.forEach((item, index) => {
    const candidate = line === '' ? item : `${line}${separator}${item}`;
    const room = width - indent.length - (index === items.length - 1 ? 0 : visibleLength(mark));
    if (line !== '' && visibleLength(candidate) > room) {
      lines.push(indent + line + mark);
      line = item;
    } else {
      line = candidate;
    }
  });
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}
