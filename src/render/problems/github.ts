/** Validation problems as GitHub annotations on their lines, within GitHub's per-step limits; a valid file gets a notice. */
import type { ProblemList } from '../../model/problems.js';
import { DEFAULT_MAX_ANNOTATIONS } from '../../model/defaults.js';
import { type CandidateAnnotation, cappedAnnotations } from '../annotation-cap.js';
import { validSummary } from './summary.js';

const TITLE = 'Partnership file';

export function renderProblemsGithub(list: ProblemList, options: { maxAnnotations?: number }): string {
  const candidates: CandidateAnnotation[] = list.problems.map((problem, rank) => ({
    level: 'error',
    file: problem.file,
    line: problem.line,
    column: problem.column,
    title: `${TITLE}: does not validate`,
    message: problem.message,
    ref: problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file,
    rank,
  }));
  for (const file of list.files) {
    if (file.valid) candidates.push({ level: 'notice', file: file.file, title: TITLE, message: validSummary(file), ref: file.file, rank: candidates.length });
  }
  return `${cappedAnnotations(candidates, options.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS, `${TITLE}: annotations left out`).join('\n')}\n`;
}
