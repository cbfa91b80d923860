/** Word-wraps prose for the terminal, indenting every line. */
export function wrap(text: string, width: number, indent = ''): string {
  const available = Math.max(width - indent.length, 20);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > available) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

/** Wraps a list of short items, never breaking inside one. */
export function wrapItems(items: readonly string[], width: number, indent = '', separator = ' · '): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const candidate = line === '' ? item : `${line}${separator}${item}`;
    if (line !== '' && indent.length + candidate.length > width) {
      lines.push(indent + line + separator.trimEnd());
      line = item;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}
