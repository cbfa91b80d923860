/**
 * The hostile run of issue 10, replayed for `pes survey` in a real pseudo-terminal:
 * two surveys cannot take one response file; a full disk stops the survey with a clear
 * line and keeps the last good file; --resume never continues another partnership's
 * answers; a workshop leaves nothing of one respondent for the next, not even in the
 * scrollback; text from a rubric cannot drive the terminal.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { expectNoStackTrace, ROOT } from '../helpers/cli.js';
import { scratch, smallDisk } from '../helpers/disk.js';
import { answerProfile, answerStatement as answer, CLOSES_PRINCIPLE, showing, STATEMENTS } from '../helpers/survey-answers.js';
import { TerminalSession } from '../helpers/terminal.js';

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const sessions: TerminalSession[] = [];
const releases: (() => void)[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});
afterAll(() => {
  for (const release of releases.splice(0)) release();
});

function start(dir: string, args: string[], wrapper?: string[]): TerminalSession {
  // Wide enough that no message wraps: each is matched as the one line it is.
  const session = TerminalSession.start(['survey', MATURE, '--dir', 'responses', ...args], { cwd: dir, width: 400, ...(wrapper?.length ? { wrapper } : {}) });
  sessions.push(session);
  return session;
}

function responses(dir: string): { file: string; answers: unknown[]; partnership: string }[] {
  return readdirSync(join(dir, 'responses'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const response = parse(readFileSync(join(dir, 'responses', name), 'utf8')) as { answers: Record<string, unknown>; partnership: string };
      return { file: name, answers: Object.values(response.answers), partnership: response.partnership };
    });
}

describe('pes survey against a hostile run', { timeout: 180_000 }, () => {
  it('two surveys cannot take one response file: the second is refused while the first runs, and takes over once it is gone', async () => {
    const dir = scratch();
    const first = start(dir, []);
    await answerProfile(first);
    await answer(first, 1, '4');
    await answer(first, 2, '2');
    await first.waitFor(showing(3));
    const { file } = responses(dir)[0]!;
    const id = file.replace(/\.yaml$/, '');

    const any = start(dir, ['--resume']);
    expect(await any.exited()).toEqual({ exitCode: 2, signal: 0 });
    expect(any.screen()).toMatch(/no unfinished response of "Cedar Valley Food Security Coalition" to resume \(1 unfinished response is being answered in another survey right now\)/);
    const named = start(dir, ['--resume', id]);
    expect(await named.exited()).toEqual({ exitCode: 2, signal: 0 });
    expect(named.screen()).toMatch(new RegExp(`${id}\\.yaml: refused: another pes survey \\(process ${first.pid}\\) is answering this response right now`));
    expectNoStackTrace(named.screen());

    // The first survey is killed: its lock is stale, and the next --resume continues its answers.
    process.kill(first.pid, 'SIGKILL');
    await first.exited();
    const again = start(dir, ['--resume']);
    await again.waitFor(new RegExp(`Welcome back: 2 of ${STATEMENTS} statements already answered\\.`));
    await answer(again, 3, '5');
    await again.waitFor(showing(4));
    expect(responses(dir)).toEqual([{ file, answers: [4, 2, 5], partnership: 'Cedar Valley Food Security Coalition' }]);
  });

  it('a full disk stops the survey with one clear line and keeps the last good file', async () => {
    const disk = smallDisk(64);
    releases.push(() => disk.release());
    const session = start(disk.dir, [], disk.prefix);
    await answerProfile(session);
    await answer(session, 1, '3');
    await answer(session, 2, '3');
    await session.waitFor(showing(3));
    disk.fill();
    // With a file-size limit instead of a full disk, the file grows until an answer no longer fits.
    const typed: number[] = [3, 3];
    for (let position = 3; position <= STATEMENTS && !(await Promise.race([session.exited().then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 300))])); position++) {
      await session.waitFor(new RegExp(`${showing(position).source}|the survey stopped`));
      if (/the survey stopped/.test(session.screen())) break;
      const key = String((position % 5) + 1);
      typed.push(Number(key));
      session.send(key);
      if (CLOSES_PRINCIPLE.has(position)) {
        const screen = await session.waitFor(/^\? Anything to add about|the survey stopped/m);
        if (/the survey stopped/.test(screen)) break;
        session.send('Enter');
      }
    }
    expect(await session.exited()).toEqual({ exitCode: 2, signal: 0 });
    const screen = session.screen();
    expect(screen).toMatch(/^responses\/r-[0-9a-f]{8}\.yaml: the survey stopped: cannot write the file: (no space left on the device|over the largest file size allowed here); the answers before this one are kept in responses\/r-[0-9a-f]{8}\.yaml\. Continue, once that is fixed, with: pes survey .* --resume r-[0-9a-f]{8}$/m);
    expectNoStackTrace(session.screen());
    const kept = responses(disk.dir);
    expect(kept).toHaveLength(1);
    // Every answer but the one that did not fit, in order; the file is whole, not cut off.
    expect(kept[0]!.answers).toEqual(typed.slice(0, -1));
    expect(readdirSync(join(disk.dir, 'responses')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it("--resume never continues another partnership's response", async () => {
    const dir = scratch();
    const example = join(ROOT, 'examples/responses/mature-coalition', readdirSync(join(ROOT, 'examples/responses/mature-coalition'))[0]!);
    const text = readFileSync(example, 'utf8')
      .replace(/^partnership: .*$/m, 'partnership: Riverside Housing Alliance')
      .replace(/^ {2}id: .*$/m, '  id: r-0ther000')
      .replace('complete: true', 'complete: false')
      .replace(/^ {2}solution-finding: .*\n/m, '');
    mkdirSync(join(dir, 'responses'));
    writeFileSync(join(dir, 'responses', 'r-0ther000.yaml'), text);
    const named = start(dir, ['--resume', 'r-0ther000']);
    expect(await named.exited()).toEqual({ exitCode: 2, signal: 0 });
    expect(named.screen()).toMatch(/responses\/r-0ther000\.yaml:1:1 these answers are about "Riverside Housing Alliance", not "Cedar Valley Food Security Coalition"; resume them with that partnership's file/);
    const any = start(dir, ['--resume']);
    expect(await any.exited()).toEqual({ exitCode: 2, signal: 0 });
    expect(any.screen()).toMatch(/no unfinished response of "Cedar Valley Food Security Coalition" to resume/);
    expect(readFileSync(join(dir, 'responses', 'r-0ther000.yaml'), 'utf8')).toBe(text);
  });

  it('--workshop: the next respondent sees nothing of the last one, on the screen or in the scrollback', async () => {
    const dir = scratch();
    const session = start(dir, ['--workshop']);
    await answerProfile(session);
    for (let position = 1; position <= STATEMENTS; position++) await answer(session, position, '5');
    await session.waitFor(/Thank you\. Your answers, by principle/);
    await session.waitFor(/Next respondent: press Enter/);
    session.send('Enter');
    await session.waitFor(/Which organisation are you with\?/);
    expect(session.everything()).not.toMatch(new RegExp(`Thank you|Your answers|\\[${STATEMENTS}/${STATEMENTS}\\]|Strongly agree`));
    // Ctrl-C when the room is done clears the last summary too.
    await answerProfile(session);
    for (let position = 1; position <= STATEMENTS; position++) await answer(session, position, '1');
    await session.waitFor(/Next respondent: press Enter/);
    session.send('C-c');
    expect(await session.exited()).toEqual({ exitCode: 0, signal: 0 });
    expect(session.everything()).not.toMatch(/Thank you|Strongly disagree/);
  });

  it("a rubric's intro, scale and don't-know text cannot change the title or write to the clipboard", async () => {
    const dir = scratch();
    const rubric = readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8')
      .replace(/^ {2}intro: >-\n( {4}.*\n)+/m, '  intro: "\\e]0;Hijacked\\a This short survey asks how our partnership works."\n')
      .replace(/^( {4}- )Strongly agree$/m, '$1"Strongly agree\\e]52;c;ZXZpbA==\\a"')
      .replace(/^( {2}dont_know: )(.*)$/m, '$1"\\e[2J$2"');
    writeFileSync(join(dir, 'r.yaml'), rubric);
    const titles: string[] = [];
    const session = TerminalSession.start(['survey', MATURE, '--dir', 'responses', '--rubric', 'r.yaml'], { cwd: dir });
    sessions.push(session);
    session.onTitle((title) => titles.push(title));
    await answerProfile(session);
    const screen = await session.waitFor(showing(1));
    expect(screen).toContain('\\x1b]0;Hijacked\\x07');
    expect(screen).toContain('Strongly agree\\x1b]52;c;ZXZpbA==\\x07');
    expect(screen).toContain('\\x1b[2J');
    expect(titles).toEqual([]);
  });
});
