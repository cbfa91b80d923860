/**
 * The exit-code contract: 0 success, 1 a gate failed, 2 a usage or input error
 * (printed as `FILE:LINE:COL message` lines, never a stack trace). Anything else
 * is a bug in pes: it is reported as such, mapped to TypeScript lines, exit 70.
 */
import { formatLocatedError, hasBrand, isUserError, type LocatedError } from '../load/located-error.js';
import { terminalSafe } from '../text/sanitize.js';
import { startShortRun } from './compiler-tiers.js';

export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_BUG = 70;

/** Errors printed at most (two files' worth of problems); beyond this a count says how many more there were. */
export const MAX_ERRORS_SHOWN = 100;

const GATE_FAILURE = Symbol.for('partnership-health.GateFailure');

export class GateFailure extends Error {
  readonly [GATE_FAILURE] = true;

  constructor(readonly reasons: readonly string[]) {
    super(reasons.join('\n'));
    this.name = 'GateFailure';
  }
}

/** Brand check, as for UserError: the class may come from another bundle. */
function isGateFailure(error: unknown): error is GateFailure {
  return hasBrand(error, GATE_FAILURE);
}

/** User errors on standard error, one `FILE:LINE:COL message` line each. */
export function printUserErrors(errors: readonly LocatedError[]): void {
  // Messages quote what the user wrote; control characters in it must not reach the terminal raw.
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((entry) => terminalSafe(formatLocatedError(entry)));
  if (errors.length > MAX_ERRORS_SHOWN) shown.push(`... and ${errors.length - MAX_ERRORS_SHOWN} more errors`);
  process.stderr.write(`${shown.join('\n')}\n`);
}

export async function runCommand(action: () => Promise<void> | void): Promise<void> {
  try {
    await action();
  } catch (error) {
    process.exitCode = await exitCodeFor(error);
  }
}

/**
 * runCommand for a command that reads its inputs, prints and exits, which is over
 * before optimized code would pay back its compiling (see compiler-tiers.ts).
 * The command's code is loaded first: V8 will not use Node's code cache for a
 * built-in module compiled after a flag has changed, which makes node:crypto three
 * times as slow to load. Not for the interactive survey or the workshop server,
 * which live for minutes.
 */
export async function runShortCommand<Command>(load: () => Promise<Command>, run: (command: Command) => Promise<void> | void): Promise<void> {
  await runCommand(async () => {
    const command = await load();
    startShortRun();
    await run(command);
  });
}

/** Prints what the user needs to know about `error` and returns the exit code it means. */
export async function exitCodeFor(error: unknown): Promise<number> {
  if (isUserError(error)) {
    printUserErrors(error.errors);
    return EXIT_USAGE;
  }
  if (isGateFailure(error)) {
    process.stderr.write(`${error.reasons.map((reason) => `gate failed: ${terminalSafe(reason)}`).join('\n')}\n`);
    return EXIT_GATE_FAILED;
  }
  const { reportBug } = await import('./bug-report.js');
  process.stderr.write(reportBug(error));
  return EXIT_BUG;
}
