/**
 * The hostile run of issue 10, replayed: files. Each case runs the built pes as a user
 * would and asserts what the user sees (exit code, one clear line, no stack trace) and
 * what is on disk before and after, byte for byte. Nothing is lost: a write that fails
 * leaves the old file as it was; an input of the run is never written; a device or a
 * pipe is written as a stream, never replaced; nothing hangs on a pipe or /dev/zero.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../../src/model/labels.js';
import { BIN, expectNoStackTrace, expectOneLineError, pes, ROOT } from '../helpers/cli.js';
import { fifo, scratch, smallDisk, snapshot, unwritableFolder } from '../helpers/disk.js';

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const RESPONSES = join(ROOT, 'examples/responses/mature-coalition');
const FORMS = join(ROOT, 'examples/forms/mature-coalition-workshop-2026.csv');
/** Response files the import of FORMS writes (the shipped responses are that import), by name. */
const IMPORTED = readdirSync(RESPONSES).sort();

/** A folder with the example partnership as p.yaml. */
function workspace(): string {
  const dir = scratch();
  cpSync(MATURE, join(dir, 'p.yaml'));
  return dir;
}

/** pes with a deadline: a command that would hang fails the test instead of stalling it. */
function pesWithin(args: string[], cwd: string, seconds = 20) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: seconds * 1000, env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw new Error(`pes ${args.join(' ')} did not answer within ${seconds} s`);
  return result;
}

const releases: (() => void)[] = [];
afterAll(() => {
  for (const release of releases.splice(0)) release();
});

describe('a full disk', () => {
  const disk = smallDisk(96);
  releases.push(() => disk.release());
  const run = (args: string[]) => spawnSync(disk.prefix[0] ?? process.execPath, [...disk.prefix.slice(1), ...(disk.prefix.length ? [process.execPath] : []), BIN, ...args], { cwd: disk.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it(`--output over an existing report: exit 2, the old report untouched, no temporary file left (${disk.kind})`, () => {
    writeFileSync(join(disk.dir, 'report.json'), '{"old": "report"}\n');
    disk.fill();
    const before = snapshot(disk.dir);
    // The survey responses make the report far larger than the disk.
    const result = run(['assess', MATURE, '--responses', RESPONSES, '--format', 'json', '--output', 'report.json', '--force']);
    expectOneLineError(result, /^report\.json: cannot write the file: (no space left on the device|over the largest file size allowed here)$/);
    expect(snapshot(disk.dir)).toEqual(before);
  });

  it('--output to a new file: exit 2 and no file, not a truncated one', () => {
    const before = snapshot(disk.dir);
    const result = run(['assess', MATURE, '--responses', RESPONSES, '--format', 'html', '--output', 'new.html']);
    expectOneLineError(result, /^new\.html: cannot write the file: /);
    expect(snapshot(disk.dir)).toEqual(before);
  });

  it('survey import on a full disk writes no response at all', () => {
    const before = snapshot(disk.dir);
    const result = run(['survey', 'import', FORMS, '--partnership', MATURE, '--dir', 'responses']);
    expect(result.status).toBe(2);
    expectNoStackTrace(result.stderr);
    expect(result.stderr).toMatch(/responses\/gforms-[0-9a-f]{16}\.yaml: cannot write the file: /);
    expect(snapshot(disk.dir)).toEqual(before);
  });
});

describe('/dev/full as the output', () => {
  it('exit 2: no space left', () => {
    expectOneLineError(pes(['assess', MATURE, '--format', 'json', '--output', '/dev/full']), /^\/dev\/full: cannot write to it: no space left on the device$/);
  });
});

describe('the inputs of a run are never outputs', () => {
  it('the .pesrc.yaml in use', () => {
    const dir = workspace();
    writeFileSync(join(dir, '.pesrc.yaml'), 'format: json\n');
    const before = snapshot(dir);
    expectOneLineError(pes(['assess', 'p.yaml', '--output', '.pesrc.yaml', '--force'], { cwd: dir }), /^\.pesrc\.yaml: refused: the output would overwrite an input file$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a response file named in --responses, and one inside a --responses folder', () => {
    const dir = workspace();
    cpSync(RESPONSES, join(dir, 'responses'), { recursive: true });
    const one = join('responses', readdirSync(join(dir, 'responses'))[0]!);
    const before = snapshot(dir);
    expectOneLineError(pes(['assess', 'p.yaml', '--responses', one, '--format', 'json', '--output', one, '--force'], { cwd: dir }), /refused: the output would overwrite an input file$/);
    expectOneLineError(pes(['assess', 'p.yaml', '--responses', 'responses', '--format', 'json', '--output', one, '--force'], { cwd: dir }), /refused: the output would overwrite an input file$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the rubric, the baseline, and a trend report; through a second name (hard link) too', () => {
    const dir = workspace();
    cpSync(join(ROOT, 'rubrics/pes-27.yaml'), join(dir, 'rubric.yaml'));
    cpSync(join(ROOT, 'examples/audits/cedar-valley-2025.json'), join(dir, 'base.json'));
    linkSync(join(dir, 'base.json'), join(dir, 'same-file.json'));
    const before = snapshot(dir);
    expectOneLineError(pes(['assess', 'p.yaml', '--rubric', 'rubric.yaml', '--format', 'json', '--output', 'rubric.yaml', '--force'], { cwd: dir }), /^rubric\.yaml: refused: the output would overwrite an input file$/);
    expectOneLineError(pes(['assess', 'p.yaml', '--baseline', 'base.json', '--format', 'json', '--output', 'same-file.json', '--force'], { cwd: dir }), /refused: the output would overwrite an input file$/);
    expectOneLineError(pes(['trend', 'base.json', '--format', 'json', '--output', 'base.json', '--force'], { cwd: dir }), /refused: the output would overwrite an input file$/);
    expectOneLineError(pes(['survey', 'template', '--rubric', 'rubric.yaml', '--output', 'rubric.yaml', '--force'], { cwd: dir }), /refused: the output would overwrite an input file$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an input named through a link and `..` (read after the link, as the system does)', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'data/sub'), { recursive: true });
    cpSync(MATURE, join(dir, 'data/p.yaml'));
    mkdirSync(join(dir, 'work'));
    symlinkSync(join(dir, 'data/sub'), join(dir, 'work/link'));
    const before = snapshot(dir);
    // work/link/../p.yaml is data/p.yaml to the system; as text it would be work/p.yaml, which does not exist.
    expectOneLineError(
      pes(['assess', 'link/../p.yaml', '--format', 'json', '--output', '../data/p.yaml', '--force'], { cwd: join(dir, 'work') }),
      /data\/p\.yaml: refused: the output would overwrite an input file$/,
    );
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('devices, pipes and links are written through, never replaced', () => {
  it('--output /dev/null --force leaves /dev/null a device', () => {
    const result = pes(['assess', MATURE, '--format', 'json', '--output', '/dev/null', '--force']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('--output /dev/stdout, or a link to it, writes the report to standard output and keeps the link', () => {
    const dir = workspace();
    symlinkSync('/dev/stdout', join(dir, 'out'));
    for (const target of ['/dev/stdout', 'out']) {
      const result = pes(['assess', 'p.yaml', '--format', 'json', '--output', target, '--force'], { cwd: dir });
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: REPORT_SCHEMA_VERSION });
    }
    expect(lstatSync(join(dir, 'out')).isSymbolicLink()).toBe(true);
  });

  it('a named pipe as the output is written as a stream to its reader', () => {
    const dir = workspace();
    const pipe = fifo(join(dir, 'pipe'));
    const reader = spawnSync('sh', ['-c', `cat "${pipe}" > "${join(dir, 'read.json')}" & "${process.execPath}" "${BIN}" assess p.yaml --format json --output pipe; status=$?; wait; exit $status`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(reader.status, reader.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'read.json'), 'utf8'))).toMatchObject({ schemaVersion: REPORT_SCHEMA_VERSION });
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('a link to a report is written through: the link stays, the file it names gets the report', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', '2026.json'), 'old\n');
    symlinkSync('reports/2026.json', join(dir, 'latest.json'));
    expect(pes(['assess', 'p.yaml', '--format', 'json', '--output', 'latest.json', '--force'], { cwd: dir }).status).toBe(0);
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'reports', '2026.json'), 'utf8'))).toMatchObject({ schemaVersion: REPORT_SCHEMA_VERSION });
    expect(readdirSync(join(dir, 'reports'))).toEqual(['2026.json']);
  });

  it('a link to nothing, a folder, and a path through a file are refused with what they are', () => {
    const dir = workspace();
    symlinkSync('nowhere/report.json', join(dir, 'dangling.json'));
    mkdirSync(join(dir, 'folder'));
    const before = snapshot(dir);
    expectOneLineError(pes(['assess', 'p.yaml', '--format', 'json', '--output', 'dangling.json', '--force'], { cwd: dir }), /^dangling\.json: refused: a symbolic link to nothing/);
    expectOneLineError(pes(['assess', 'p.yaml', '--format', 'json', '--output', 'folder', '--force'], { cwd: dir }), /^folder: cannot write the file: it is a folder$/);
    expectOneLineError(pes(['assess', 'p.yaml', '--format', 'json', '--output', 'p.yaml/report.json'], { cwd: dir }), /^p\.yaml\/report\.json: cannot write the file: a part of the path is a file, not a folder$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a replaced file keeps its permissions', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'private.json'), 'old\n');
    chmodSync(join(dir, 'private.json'), 0o600);
    expect(pes(['assess', 'p.yaml', '--format', 'json', '--output', 'private.json', '--force'], { cwd: dir }).status).toBe(0);
    expect(statSync(join(dir, 'private.json')).mode & 0o777).toBe(0o600);
  });
});

describe('--output-dir', () => {
  it("'' , an existing file, a folder inside a file, an unwritable parent: one line each, exit 2, nothing written", () => {
    const dir = workspace();
    writeFileSync(join(dir, 'afile'), 'keep\n');
    const locked = unwritableFolder();
    releases.push(() => locked.release());
    const before = snapshot(dir);
    const multi = ['assess', 'p.yaml', '--format', 'json,html'];
    expectOneLineError(pes([...multi, '--output-dir', ''], { cwd: dir }), /^pes: --output-dir needs a folder name$/);
    expectOneLineError(pes([...multi, '--output-dir', 'afile'], { cwd: dir }), /^afile: cannot use it as the --output-dir folder: it is a file/);
    expectOneLineError(pes([...multi, '--output-dir', 'afile/reports'], { cwd: dir }), /^afile\/reports: cannot use it as the --output-dir folder/);
    expectOneLineError(pes([...multi, '--output-dir', join(locked.dir, 'reports')], { cwd: dir }), /reports: cannot create the --output-dir folder: (permission denied|the file system is read-only)$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('several formats are written all or none: one existing file stops them all', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'p.html'), 'my notes\n');
    const before = snapshot(dir);
    expectOneLineError(pes(['assess', 'p.yaml', '--format', 'json,html,sarif', '--output-dir', 'reports'], { cwd: dir }), /^reports\/p\.html: refused: the file exists \(use --force to overwrite it\)$/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('inputs that are not regular files never hang', () => {
  it('a FIFO as the partnership file, a response file, in the responses folder, and as the CSV', () => {
    const dir = workspace();
    cpSync(RESPONSES, join(dir, 'responses'), { recursive: true });
    fifo(join(dir, 'pipe.yaml'));
    fifo(join(dir, 'responses', 'zz-pipe.yaml'));
    fifo(join(dir, 'pipe.csv'));
    const expected = /is a named pipe \(FIFO\), not a regular file; pes reads only files \(save the content to a file first\)$/;
    expectOneLineError(pesWithin(['validate', 'pipe.yaml'], dir), expected);
    expectOneLineError(pesWithin(['assess', 'p.yaml', '--responses', 'pipe.yaml'], dir), expected);
    expectOneLineError(pesWithin(['assess', 'p.yaml', '--responses', 'responses'], dir), expected);
    expectOneLineError(pesWithin(['survey', 'import', 'pipe.csv', '--partnership', 'p.yaml', '--dir', 'out'], dir), expected);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('/dev/zero as the partnership file: refused at once, not read until memory runs out', () => {
    expectOneLineError(pesWithin(['validate', '/dev/zero'], ROOT), /^\/dev\/zero: is a device, not a regular file/);
  });

  it('a folder as the partnership file', () => {
    expectOneLineError(pes(['validate', 'examples']), /^examples: is a folder, not a file$/);
  });
});

describe('survey import', () => {
  const csv = readFileSync(FORMS, 'utf8');

  it('one export under two non-Latin names is the same respondents: the second import adds no one, even with --force', () => {
    const dir = workspace();
    writeFileSync(join(dir, '調査.csv'), csv);
    writeFileSync(join(dir, 'アンケート.csv'), csv);
    expect(pes(['survey', 'import', '調査.csv', '--partnership', 'p.yaml', '--dir', 'responses'], { cwd: dir }).status).toBe(0);
    const first = snapshot(join(dir, 'responses'));
    const second = pes(['survey', 'import', 'アンケート.csv', '--partnership', 'p.yaml', '--dir', 'responses', '--force'], { cwd: dir });
    expect(second.stdout).toMatch(/: 0 new, 16 already there/);
    expect(snapshot(join(dir, 'responses'))).toEqual(first);
    // Every respondent counted once.
    const report = JSON.parse(pes(['assess', 'p.yaml', '--responses', 'responses', '--format', 'json'], { cwd: dir }).stdout) as { survey: { respondents: number } };
    expect(report.survey.respondents).toBe(Object.keys(first).length);
  });

  it('--force replaces only what that import wrote: a hand-written or survey response of the same name is refused, and nothing is written', () => {
    const dir = workspace();
    expect(pes(['survey', 'import', FORMS, '--partnership', 'p.yaml', '--dir', 'responses'], { cwd: dir }).status).toBe(0);
    const victim = join(dir, 'responses', IMPORTED[4]!);
    writeFileSync(victim, readFileSync(victim, 'utf8').replace('source: pes survey import', 'source: pes survey'));
    const before = snapshot(dir);
    const result = pes(['survey', 'import', FORMS, '--partnership', 'p.yaml', '--dir', 'responses', '--force'], { cwd: dir });
    expectOneLineError(result, new RegExp(`${IMPORTED[4]!.replace('.', '\\.')}: refused: it is not a response written by an earlier import`));
    expect(snapshot(dir)).toEqual(before);
  });

  it('all or nothing: when one response cannot be written, none is', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'responses'));
    writeFileSync(join(dir, 'responses', IMPORTED[9]!), 'my notes\n');
    const before = snapshot(dir);
    const result = pes(['survey', 'import', FORMS, '--partnership', 'p.yaml', '--dir', 'responses'], { cwd: dir });
    expectOneLineError(result, new RegExp(`${IMPORTED[9]!.replace('.', '\\.')}: refused: the file exists`));
    expect(snapshot(dir)).toEqual(before);
  });

  it('an input of the run in the target folder is never replaced, even with --force', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'responses'));
    cpSync(MATURE, join(dir, 'responses', IMPORTED[0]!));
    const before = snapshot(dir);
    const result = pes(['survey', 'import', FORMS, '--partnership', `responses/${IMPORTED[0]!}`, '--dir', 'responses', '--force'], { cwd: dir });
    expectOneLineError(result, new RegExp(`${IMPORTED[0]!.replace('.', '\\.')}: refused: the output would overwrite an input file$`));
    expect(snapshot(dir)).toEqual(before);
  });

  it('an output folder under an unwritable parent: one line, exit 2', () => {
    const locked = unwritableFolder();
    releases.push(() => locked.release());
    const result = pes(['survey', 'import', FORMS, '--partnership', MATURE, '--dir', join(locked.dir, 'responses')]);
    expectOneLineError(result, /responses: cannot create the --dir folder: (permission denied|the file system is read-only)$/);
  });
});
