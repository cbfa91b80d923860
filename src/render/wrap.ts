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
