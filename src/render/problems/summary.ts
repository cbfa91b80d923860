/** The one-line account of a valid file: what it describes and what is still to fill in. */
import type { CheckedFile } from '../../model/problems.js';

export function validSummary(file: CheckedFile): string {
  const counts = file.counts ? Object.entries(file.counts).map(([what, count]) => `${count} ${what}`) : [];
  const placeholders = file.placeholders ?? [];
  const lines = [...new Set(placeholders.map((placeholder) => placeholder.line))];
  const unfinished =
    placeholders.length > 0 ? `; ${placeholders.length} placeholder${placeholders.length === 1 ? '' : 's'} to fill in (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})` : '';
  return `valid${counts.length > 0 ? ` (${counts.join(', ')})` : ''}${unfinished}`;
}
