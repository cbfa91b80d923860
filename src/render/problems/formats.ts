/** Where the renderer of validation problems for each format lives; each is imported only when asked for. */
import type { ProblemFormat, ProblemList } from '../../model/problems.js';

export type ProblemRenderer = (list: ProblemList, options: { maxAnnotations?: number }) => string;

/** The machine formats problems are written in; table stays the `FILE:LINE:COL message` lines on standard error. */
export async function problemRendererFor(format: Exclude<ProblemFormat, 'table'>): Promise<ProblemRenderer> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).renderProblemsJson;
    case 'github':
      return (await import('./github.js')).renderProblemsGithub;
    case 'sarif':
      return (await import('./sarif.js')).renderProblemsSarif;
    case 'junit':
      return (await import('./junit.js')).renderProblemsJunit;
  }
}
