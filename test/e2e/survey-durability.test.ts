/**
 * Nothing lost: the survey killed (SIGKILL) at a random moment, fifty times over,
 * always resumes with every answer whose next question had appeared; respondents
 * answering at the same time into one folder never overwrite each other.
 */
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { answerProfile, CLOSES_PRINCIPLE, showing, STATEMENTS } from '../helpers/survey-answers.js';
import { TerminalSession } from '../helpers/terminal.js';

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const sessions: TerminalSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

function start(dir: string, resume: boolean): TerminalSession {
  const session = TerminalSession.start(['survey', MATURE, '--dir', 'responses', ...(resume ? ['--resume'] : [])], { cwd: dir });
  sessions.push(session);
  return session;
}

/** Response files, oldest first (by modification time); a temp file a kill left behind is not one. */
function answersOnDisk(dir: string): { file: string; answers: unknown[]; complete: boolean }[] {
  if (!existsSync(join(dir, 'responses'))) return [];
  return readdirSync(join(dir, 'responses'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({ file, modified: statSync(join(dir, 'responses', file)).mtimeMs }))
    .sort((a, b) => a.modified - b.modified)
    .map(({ file }) => {
      const response = parse(readFileSync(join(dir, 'responses', file), 'utf8')) as { answers: Record<string, unknown>; complete: boolean };
      return { file, answers: Object.values(response.answers), complete: response.complete };
    });
}

describe('the survey under SIGKILL', { timeout: 600_000 }, () => {
  it('resumes with every acknowledged answer intact, 50 kills at random questions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-kill-'));
    // Seeded, so a failure names the case that reproduces it.
    const plan = fc.sample(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5 })), { numRuns: 50, seed: 20261125 });
    const expected: unknown[] = [];
    let resume = false;
    let currentFile: string | undefined;
    const leftovers: string[] = [];
    for (const [iteration, [acknowledged, key]] of plan.entries()) {
      const before = new Set(answersOnDisk(dir).map((file) => file.file));
      const session = start(dir, resume);
      if (!resume) await answerProfile(session);
      let position = expected.length + 1;
      await session.waitFor(showing(position));
      const remaining = readdirSync(join(dir, 'responses'));
      expect(leftovers.filter((file) => remaining.includes(file)), 'temp files of killed runs are cleared').toEqual([]);
      leftovers.length = 0;
      for (let i = 0; i < acknowledged && position <= STATEMENTS; i++) {
        session.send(String(((key + i) % 5) + 1));
        expected.push(((key + i) % 5) + 1);
        if (CLOSES_PRINCIPLE.has(position)) {
          await session.waitFor(/^\? Anything to add about/m);
          session.send('Enter');
        }
        position++;
        if (position <= STATEMENTS) await session.waitFor(showing(position));
      }
      // One more answer in flight at the moment of the kill: it may or may not be saved.
      let inFlight: number | undefined;
      if (position <= STATEMENTS) {
        inFlight = (key % 5) + 1;
        session.send(String(inFlight));
      }
      if (position <= STATEMENTS) {
        process.kill(session.pid, 'SIGKILL');
        expect(await session.exited()).toMatchObject({ signal: 9 });
      } else {
        // Every statement answered: the survey finishes on its own.
        expect(await session.exited()).toEqual({ exitCode: 0, signal: 0 });
      }
      session.close();
      // Whatever temp file the last run left, the next start clears away.
      leftovers.push(...readdirSync(join(dir, 'responses')).filter((file) => file.endsWith('.tmp')));

      // A fresh respondent's file is the one that was not there before; a resumed one keeps its file.
      const files = answersOnDisk(dir);
      if (!resume) currentFile = files.find((file) => !before.has(file.file))!.file;
      const current = files.find((file) => file.file === currentFile)!;
      expect(current.answers.slice(0, expected.length), `iteration ${iteration}`).toEqual(expected);
      if (current.answers.length > expected.length) {
        expect(current.answers.length).toBe(expected.length + 1);
        expect(current.answers.at(-1)).toBe(inFlight);
        expected.push(inFlight);
      }
      resume = expected.length < STATEMENTS;
      if (!resume) {
        // That respondent is done; the next kills hit a new one.
        expected.length = 0;
      }
    }
  });
});

describe('respondents at the same time', { timeout: 300_000 }, () => {
  it('three surveys into one folder keep three complete, separate response files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-concurrent-'));
    const running = [1, 2, 3].map((respondent) => ({ respondent, session: start(dir, false) }));
    await Promise.all(running.map(({ session }) => answerProfile(session)));
    for (let position = 1; position <= STATEMENTS; position++) {
      for (const { respondent, session } of running) {
        await session.waitFor(showing(position));
        session.send(String(respondent));
      }
      if (CLOSES_PRINCIPLE.has(position)) {
        for (const { session } of running) {
          await session.waitFor(/^\? Anything to add about/m);
          session.send('Enter');
        }
      }
    }
    for (const { session } of running) expect(await session.exited()).toEqual({ exitCode: 0, signal: 0 });
    const files = answersOnDisk(dir);
    expect(files).toHaveLength(3);
    const answerSets = files.map((file) => file.answers.join(''));
    expect(answerSets.sort()).toEqual(['1', '2', '3'].map((answer) => answer.repeat(STATEMENTS)));
    expect(files.every((file) => file.complete)).toBe(true);
  });
});
