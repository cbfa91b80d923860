/** What the terminal can take: colour (NO_COLOR, FORCE_COLOR, --color/--no-color, TTY) and width. */

export function colorEnabled(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout, env = process.env): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (flag === true) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Reports written to a pipe or file are laid out for a common 100-column page. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY && stream.columns ? stream.columns : 100;
}
