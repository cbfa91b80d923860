/**
 * Errors a user can cause are values, not exceptions: a file, an optional position
 * and one line of text. The CLI prints them as `FILE:LINE:COL message` and exits 2.
 */

export interface SourcePosition {
  line: number;
  col: number;
}

export interface LocatedError {
  file: string;
  position?: SourcePosition;
  message: string;
}

/** Thrown only to unwind to the CLI boundary, which prints the errors and exits 2. */
export class UserError extends Error {
  readonly errors: readonly LocatedError[];

  constructor(errors: LocatedError | readonly LocatedError[]) {
    const list = Array.isArray(errors) ? errors : [errors as LocatedError];
    super(list.map(formatLocatedError).join('\n'));
    this.name = 'UserError';
    this.errors = list;
  }
}

export function formatLocatedError(error: LocatedError): string {
  const where = error.position ? `${error.file}:${error.position.line}:${error.position.col}` : `${error.file}:`;
  return `${where} ${oneLine(error.message)}`;
}

/** Collapse a message to a single printable line: one error, one line. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
