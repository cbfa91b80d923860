/** Runs the built `pes` binary as a subprocess, the way a user or a CI job does. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/pes', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function pes(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user error is one line per problem, never a stack trace. */
export function expectNoStackTrace(stderr: string): void {
  if (/^\s+at .+(:\d+:\d+|\(native\))\)?$/m.test(stderr) || stderr.includes('internal error')) {
    throw new Error(`stderr holds a stack trace or internal error:\n${stderr}`);
  }
}

/** A refused command: exit 2 and exactly one line on standard error, matching `message`; no stack trace. */
export function expectOneLineError(result: CliResult, message: RegExp): void {
  expectNoStackTrace(result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${result.stderr}`);
  if (!message.test(lines[0]!)) throw new Error(`stderr does not match ${message}:\n${result.stderr}`);
  if (result.status !== 2) throw new Error(`expected exit 2, got ${result.status}; stderr:\n${result.stderr}`);
}
