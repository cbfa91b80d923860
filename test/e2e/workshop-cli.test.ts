/**
 * `pes workshop` as a command: how it fails (one line, exit 2), what it prints, the
 * date its results carry, and that no other command pays for it at start-up.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workshopAsOf } from '../../src/cli/workshop.js';
import { expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';
import { http, startWorkshop, type RunningWorkshop } from '../helpers/workshop.js';

const STATEMENTS = (await builtinRubric()).practices.length;

const MATURE = 'examples/mature-coalition.yaml';
const scratch = () => mkdtempSync(join(tmpdir(), 'pes-workshop-cli-'));
const running: RunningWorkshop[] = [];
afterEach(async () => {
  for (const workshop of running.splice(0)) if (workshop.child.exitCode === null) await workshop.kill9();
});

describe('pes workshop on the command line', { timeout: 60_000 }, () => {
  it('is listed in the help, and loads only when it runs: the CLI wiring holds no server, no QR encoder, no page', () => {
    expect(pes(['--help']).stdout).toMatch(/^ {2}workshop \[options\] \[file\] +run the survey live in a room/m);
    const wiring = readFileSync(join(ROOT, 'dist/pes.cjs'), 'utf8');
    for (const marker of ['createServer', 'qrcode', 'text/event-stream', 'Reveal results']) expect(wiring).not.toContain(marker);
    expect(readFileSync(join(ROOT, 'dist/cmd-workshop.cjs'), 'utf8')).toContain('text/event-stream');
    for (const command of ['assess', 'validate', 'survey']) expect(readFileSync(join(ROOT, `dist/cmd-${command}.cjs`), 'utf8')).not.toContain('text/event-stream');
  });

  it.each([
    [['--port', '70000'], 'pes: option \'--port <n>\' argument \'70000\' is invalid. expected a port from 0 to 65535, got "70000"\n'],
    [['--max-participants', '0'], 'pes: option \'--max-participants <n>\' argument \'0\' is invalid. expected a positive number, got "0"\n'],
    [['--as-of', '2026-13-40'], 'pes: --as-of expects a date written YYYY-MM-DD (or "today"), got "2026-13-40"\n'],
    [['--host', '10.254.254.254'], 'pes: --host 10.254.254.254 is not an address of this computer\n'],
  ])('refuses %j with one line and exit 2', (extra, message) => {
    const result = pes(['workshop', MATURE, '--dir', scratch(), '--port', '0', ...extra]);
    expect(result).toMatchObject({ status: 2, stderr: message });
  });

  it('refuses a partnership file that does not load, and a folder holding a file that is not a response, each with its location', () => {
    const missing = pes(['workshop', 'no-such.yaml', '--dir', scratch()]);
    expect(missing).toMatchObject({ status: 2, stderr: 'no-such.yaml: cannot read the file: no such file or directory\n' });
    const dir = scratch();
    cpSync(join(ROOT, 'examples/responses/mature-coalition'), dir, { recursive: true });
    writeFileSync(join(dir, 'notes.yaml'), 'shopping: [eggs]\n');
    const foreign = pes(['workshop', MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', '0']);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toBe(`${dir}/notes.yaml:1:1 not a pes survey response (no \`pes_response:\` marker); refusing to read or overwrite it\n`);
    expectNoStackTrace(foreign.stderr);
    const others = scratch();
    cpSync(join(ROOT, 'examples/responses/mature-coalition'), others, { recursive: true });
    const other = pes(['workshop', 'examples/struggling-alliance.yaml', '--dir', others, '--host', '127.0.0.1', '--port', '0']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/gforms-[0-9a-f]{16}\.yaml:1:1 these answers are about "Cedar Valley Food Security Coalition", not "Clearwater Textile Alliance"/);
    // A workshop that could not start leaves nothing behind in the folder.
    expect(readdirSync(others).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('says plainly when the port is taken by another program', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = pes(['workshop', MATURE, '--dir', scratch(), '--host', '127.0.0.1', '--port', String(port)]);
      expect(result).toMatchObject({ status: 2, stderr: `pes: port ${port} is in use by another program; choose another with --port N (phones that joined earlier need the same port)\n` });
    } finally {
      blocker.close();
    }
  });

  it('prints the join address, the code, a QR code and the projector link, then serves them', async () => {
    const dir = scratch();
    const workshop = await startWorkshop([MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', '0', '--min-group-size', '4']);
    running.push(workshop);
    const { stdout } = workshop.output();
    expect(stdout).toMatch(new RegExp(`^pes workshop · Cedar Valley Food Security Coalition\\n${STATEMENTS} statements · answers saved in .+ · results as of \\d{4}-\\d{2}-\\d{2} · groups under 4 never shown\\n`));
    expect(workshop.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(stdout).toContain(`or open ${workshop.base} and type the code ${workshop.code}`);
    expect(stdout).toContain('Rehearsal: only this computer can open these addresses.');
    // The QR code: rows of block characters, at least 25 modules wide.
    expect(stdout.split('\n').filter((line) => /^ {2}[█▀▄ ]{25,}$/.test(line)).length).toBeGreaterThan(10);
    expect(workshop.facilitatorUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${workshop.port}/facilitator\\?key=[\\w-]{32}$`));
    expect((await http(workshop.joinUrl)).status).toBe(200);
    const stopped = await workshop.stop();
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toContain(`Workshop stopped. 0 responses saved in ${dir} (0 complete).`);
    expect(stopped.stdout).toMatch(/Assess them with: pes assess examples\/mature-coalition\.yaml --responses \S+ --as-of \d{4}-\d{2}-\d{2} --min-group-size 4\n$/);
  });
});

describe('the date of the results', () => {
  it('is the file’s as_of, unless that is before the day the answers are given, when it is that day; --as-of decides over both', () => {
    expect(workshopAsOf(undefined, '2026-06-30', '2026-06-30')).toEqual({ asOf: '2026-06-30', note: null });
    expect(workshopAsOf(undefined, '2027-01-31', '2026-06-30')).toEqual({ asOf: '2027-01-31', note: null });
    expect(workshopAsOf(undefined, '2026-06-30', '2026-12-02').asOf).toBe('2026-12-02');
    expect(workshopAsOf(undefined, '2026-06-30', '2026-12-02').note).toContain('as_of 2026-06-30');
    expect(workshopAsOf(undefined, undefined, '2026-12-02').asOf).toBe('2026-12-02');
    expect(workshopAsOf('2026-07-01', '2026-06-30', '2026-12-02')).toEqual({ asOf: '2026-07-01', note: null });
    expect(workshopAsOf('today', '2027-01-31', '2026-12-02')).toEqual({ asOf: '2026-12-02', note: null });
  });
});
