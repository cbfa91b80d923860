/**
 * A boxed table for the terminal: fixed column widths, cells of several lines, and rows
 * whose text spans every column but the first (the findings under a practice). The
 * cells arrive wrapped to their width; a line that is still too long is broken, never cut.
 *
 * Drawn here rather than with cli-table3, which took 140 ms to lay out the 27 practices
 * with their spanning findings rows (20 ms without them), against well under 1 ms here.
 */
import { visibleLength } from './wrap.js';

export interface BoxColumn {
  /** Width including one space of padding on each side. */
  width: number;
  align: 'left' | 'right';
}

export type BoxRow = { cells: string[] } | { first: string; span: string };

export function renderBox(columns: readonly BoxColumn[], head: readonly string[], rows: readonly BoxRow[]): string {
  const widths = columns.map((column) => column.width);
  const spanWidth = widths.slice(1).reduce((sum, width) => sum + width, 0) + widths.length - 2;
  const rule = (left: string, middle: string, right: string, parts: readonly number[]) => `${left}${parts.map((width) => '─'.repeat(width)).join(middle)}${right}`;
  const lines = [rule('┌', '┬', '┐', widths), ...cellLines(head, columns), rule('├', '┼', '┤', widths)];
  for (const row of rows) {
    if ('cells' in row) lines.push(...cellLines(row.cells, columns));
    else lines.push(...cellLines([row.first, row.span], [columns[0]!, { width: spanWidth, align: 'left' }]));
  }
  const last = rows.at(-1);
  lines.push(rule('└', '┴', '┘', last && !('cells' in last) ? [widths[0]!, spanWidth] : widths));
  return lines.join('\n');
}

function cellLines(cells: readonly string[], columns: readonly BoxColumn[]): string[] {
  const split = cells.map((cell, index) => cell.split('\n').flatMap((line) => breakLong(line, columns[index]!.width - 2)));
  const height = Math.max(...split.map((cell) => cell.length));
  const lines: string[] = [];
  for (let line = 0; line < height; line++) {
    const parts = split.map((cell, index) => {
      const text = cell[line] ?? '';
      const room = ' '.repeat(Math.max(0, columns[index]!.width - 2 - visibleLength(text)));
      return ` ${columns[index]!.align === 'right' ? room + text : text + room} `;
    });
    lines.push(`│${parts.join('│')}│`);
  }
  return lines;
}

/** A line wider than its cell is broken at the width (only plain text is ever that long: words wider than a column). */
function breakLong(line: string, width: number): string[] {
  if (visibleLength(line) <= width || width < 1) return [line];
  const pieces: string[] = [];
  for (let start = 0; start < line.length; start += width) pieces.push(line.slice(start, start + width));
  return pieces;
}
