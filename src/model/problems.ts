/**
 * What `pes validate` found, and what a refused `pes assess` found: every file it read and
 * every problem, each with its file and, where it has one, its line and column. Machine
 * formats (JSON, GitHub annotations, SARIF, JUnit) are drawn from this one object,
 * as reports are drawn from the report.
 */

export interface FileProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface CheckedFile {
  file: string;
  valid: boolean;
  /** Lines in the file, when it could be read: the span of a problem on the whole file. */
  lines?: number;
  /** For a valid file: how much it describes. */
  counts?: { partners: number; teams: number; metrics: number; decisions: number };
  /** For a valid file: values still to fill in (read as not described). */
  placeholders?: { line: number; column: number; value: string }[];
}

export interface ProblemList {
  tool: { name: string; version: string };
  /** The command that found them: validate, or assess (which refuses to score an invalid file). */
  command: 'validate' | 'assess';
  files: CheckedFile[];
  problems: FileProblem[];
}

/** The formats problems can be written in: the machine formats CI reads. The others (markdown, html, csv) keep the plain lines. */
export const PROBLEM_FORMATS = ['table', 'json', 'github', 'sarif', 'junit'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];
