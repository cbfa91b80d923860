/**
 * Standard output and what the terminal can take: colour (NO_COLOR, FORCE_COLOR,
 * --color/--no-color, TTY) and width.
 *
 * Output to a pipe or file is written with plain synchronous writes: touching
 * process.stdout there loads Node's stream and net modules, about 3 ms of a 65 ms
 * start-up, for nothing a one-shot command needs.
 */
import { fstatSync, writeSync } from 'node:fs';

let isTerminal: boolean | undefined;
/** Once the stream has been used, everything goes through it, so output stays in order. */
let streaming = false;

export function stdoutIsTerminal(): boolean {
  if (isTerminal === undefined) {
    let characterDevice = false;
    try {
      characterDevice = fstatSync(1).isCharacterDevice();
    } catch {
      // stdout closed: certainly not a terminal.
    }
    // Only a character device can be a terminal; /dev/null is one too, so the stream decides.
    isTerminal = characterDevice && process.stdout.isTTY === true;
  }
  return isTerminal;
}

export function writeStdout(text: string): void {
  if (!streaming && !stdoutIsTerminal()) {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') exitOnClosedPipe();
      if (code !== 'EAGAIN') throw error;
      // A non-blocking pipe is full: the stream queues the rest and waits for it to drain.
      stdoutStream().write(bytes.subarray(written));
      return;
    }
  }
  stdoutStream().write(text);
}

function stdoutStream(): NodeJS.WriteStream {
  if (!streaming) {
    streaming = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') exitOnClosedPipe();
      throw error;
    });
  }
  return process.stdout;
}

/** `pes assess | head` closes the pipe early; that is not an error worth a trace. */
function exitOnClosedPipe(): never {
  process.exit(process.exitCode ?? 0);
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
