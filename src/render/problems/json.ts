/** Validation results as JSON: every file read and every problem with its line and column. */
import type { ProblemList } from '../../model/problems.js';

export function renderProblemsJson(list: ProblemList): string {
  const problems = list.problems.map(({ file, line, column, message }) => ({ file, line: line ?? null, column: column ?? null, message }));
  return `${JSON.stringify({ tool: list.tool, command: list.command, valid: list.problems.length === 0, files: list.files, problems }, null, 2)}\n`;
}
