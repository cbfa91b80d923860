/**
 * Standard output and what the terminal can take: colour (NO_COLOR, FORCE_COLOR,
 * --color/--no-color, TTY) and width.
 */

let closedPipeHandled = false;

export function stdoutIsTerminal(): boolean {
  return process.stdout.isTTY === true;
}

export function writeStdout(text: string): void {
  if (!closedPipeHandled) {
    closedPipeHandled = true;
    // `pes assess | head` closes the pipe early; that is not an error worth a trace.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.stdout.write(text);
}

export function colorEnabled(flag: boolean | undefined): boolean {
  const env = process.env;
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (flag === true) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stdoutIsTerminal();
}

/** The terminal's width; reports written to a pipe or file are laid out for a common 100-column page. */
export function terminalWidth(fallback = 100): number {
  return stdoutIsTerminal() && process.stdout.columns ? process.stdout.columns : fallback;
}
