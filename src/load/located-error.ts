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

const USER_ERROR = Symbol.for('partnership-health.UserError');

/** Thrown only to unwind to the CLI boundary, which prints the errors and exits 2. */
export class UserError extends Error {
  readonly errors: readonly LocatedError[];
  readonly [USER_ERROR] = true;

  constructor(errors: LocatedError | readonly LocatedError[]) {
    const list = Array.isArray(errors) ? errors : [errors as LocatedError];
    super(list.map(formatLocatedError).join('\n'));
    this.name = 'UserError';
    this.errors = list;
  }
}

/**
 * True for a UserError from any bundle. Each command is bundled on its own, so the
 * class a command throws is not the very class the CLI wiring holds: check the brand.
 */
export function isUserError(error: unknown): error is UserError {
  return hasBrand(error, USER_ERROR);
}

/** True when `value` carries `brand`, a Symbol.for key shared by every bundle. */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

export function formatLocatedError(error: LocatedError): string {
  const where = error.position ? `${error.file}:${error.position.line}:${error.position.col}` : `${error.file}:`;
  return `${where} ${oneLine(error.message)}`;
}

/** Collapse a message to a single printable line: one error, one line. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
