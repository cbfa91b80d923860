/**
 * `extends: pes-27`: a custom rubric that says only what it changes. Loaded the way
 * `--rubric` loads it, and run through the built binary, the way a user would.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../src/load/located-error.js';
import { CHECKS } from '../../src/checks/index.js';
import { loadRubric } from '../../src/load/rubric.js';
import type { BuiltinRubrics } from '../../src/load/rubric-extends.js';
import type { Rubric } from '../../src/model/rubric.js';
import { expectOneLineError, pes, ROOT } from '../helpers/cli.js';

const BASE_TEXT = readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8');
const BUILTINS: BuiltinRubrics = { ids: ['pes-27'], read: (id) => (id === 'pes-27' ? { file: 'pes-27 (built in)', text: BASE_TEXT } : undefined) };

const base = await loadRubric('rubrics/pes-27.yaml', BASE_TEXT, CHECKS);
if (!base.ok) throw new Error(base.errors.map(formatLocatedError).join('\n'));
const BASE: Rubric = base.rubric;

async function extended(text: string): Promise<Rubric> {
  const loaded = await loadRubric('mine.yaml', text, CHECKS, BUILTINS);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLocatedError).join('\n'));
  return loaded.rubric;
}

async function errorsFor(text: string): Promise<string[]> {
  const loaded = await loadRubric('mine.yaml', text, CHECKS, BUILTINS);
  if (loaded.ok) throw new Error('expected the rubric to be refused');
  return loaded.errors.map(formatLocatedError);
}

/** The practice of the base rubric that uses `check` once, and that check's position in it. */
function practiceUsingOnce(): { practice: Rubric['practices'][number]; index: number; param: string; value: number } {
  for (const practice of BASE.practices) {
    for (const [index, use] of practice.checks.entries()) {
      const once = practice.checks.filter((other) => other.check === use.check).length === 1;
      const numeric = Object.entries(use.params).find(([, value]) => typeof value === 'number' && value > 0 && value < 1);
      if (once && numeric) return { practice, index, param: numeric[0], value: numeric[1] as number };
    }
  }
  throw new Error('no practice in the base rubric has a check with a share parameter');
}

/** A practice written in full, as a rubric that adds one must write it. */
function newPractice(number: number): string {
  return [
    '  - id: shared-data-agreement',
    `    number: ${number}`,
    `    principle: ${BASE.principles[0]!.id}`,
    '    title: A data-sharing agreement partners have signed',
    '    short: Data agreement',
    '    weight: 1',
    '    good: Every partner that shares data has signed the same short agreement.',
    '    statement: I know what happens to the data my organisation shares here.',
    '    question: What happens to the data we share?',
    '    basis: Partners share data only when they trust how it is used.',
    '    checks:',
    '      - check: fieldsPresent',
    '        params: { within: partnership.brand, fields: [name, logo], what: brand, met_at: 2, partly_at: 1 }',
    '        basis: The agreement is written down.',
    '        fix: Write the agreement down under governance.',
    '    advice: { strong: Review the agreement once a year. }',
  ].join('\n');
}

describe('a rubric that extends pes-27', () => {
  it('is the built-in rubric when it changes nothing but its version', async () => {
    const rubric = await extended('extends: pes-27\nversion: 1.0.0-ours\n');
    expect(rubric.version).toBe('1.0.0-ours');
    expect({ ...rubric, version: BASE.version }).toEqual(BASE);
  });

  it('changes one threshold of one check and keeps the check\'s other parameters and the other checks', async () => {
    const { practice, index, param, value } = practiceUsingOnce();
    const changed = value / 2;
    const use = practice.checks[index]!;
    const rubric = await extended(
      ['extends: pes-27', 'practices:', `  - id: ${practice.id}`, '    checks:', `      - check: ${use.check}`, `        params: { ${param}: ${changed} }`, ''].join('\n'),
    );
    const after = rubric.practices.find((candidate) => candidate.id === practice.id)!;
    expect(after.checks[index]!.params).toEqual({ ...use.params, [param]: changed });
    expect(after.checks.filter((_, i) => i !== index)).toEqual(practice.checks.filter((_, i) => i !== index));
    expect(rubric.practices.filter((candidate) => candidate.id !== practice.id)).toEqual(BASE.practices.filter((candidate) => candidate.id !== practice.id));
  });

  it('merges a scoring setting into the base scoring, key by key', async () => {
    const rubric = await extended(`extends: pes-27\nscoring:\n  bands: { strong: ${BASE.scoring.bands.strong + 5} }\n`);
    expect(rubric.scoring).toEqual({ ...BASE.scoring, bands: { ...BASE.scoring.bands, strong: BASE.scoring.bands.strong + 5 } });
  });

  it('adds a practice written in full, and removes one by id', async () => {
    const number = Math.max(...BASE.practices.map((practice) => practice.number)) + 1;
    const last = BASE.practices.at(-1)!;
    const rubric = await extended(`extends: pes-27\npractices:\n${newPractice(number)}\n  - id: ${last.id}\n    remove: true\n`);
    expect(rubric.practices).toHaveLength(BASE.practices.length);
    expect(rubric.practices.map((practice) => practice.id)).toContain('shared-data-agreement');
    expect(rubric.practices.map((practice) => practice.id)).not.toContain(last.id);
  });

  it('says which check is meant when a practice uses the same check twice', async () => {
    const practice = BASE.practices.find((candidate) => candidate.checks.some((use, i) => candidate.checks.findIndex((other) => other.check === use.check) !== i))!;
    const repeated = practice.checks.find((use, i) => practice.checks.findIndex((other) => other.check === use.check) !== i)!.check;
    const positions = practice.checks.flatMap((use, i) => (use.check === repeated ? [i + 1] : []));
    const text = `extends: pes-27\npractices:\n  - id: ${practice.id}\n    checks:\n      - check: ${repeated}\n        weight: 2\n`;
    expect(await errorsFor(text)).toEqual([
      `mine.yaml:5:16 practices[0].checks[0].check: the base practice uses ${repeated} ${positions.length} times (checks ${positions.join(', ')}); add \`at: N\` to say which`,
    ]);
    const rubric = await extended(text.replace('        weight: 2', `        at: ${positions[1]}\n        weight: 2`));
    const after = rubric.practices.find((candidate) => candidate.id === practice.id)!;
    expect(after.checks.map((use) => use.weight)).toEqual(practice.checks.map((use, i) => (i === positions[1]! - 1 ? 2 : use.weight)));
  });

  it('locates a problem of the merged rubric on the line of the extending file that caused it', async () => {
    const { practice, index } = practiceUsingOnce();
    const use = practice.checks[index]!;
    const errors = await errorsFor(['extends: pes-27', 'practices:', `  - id: ${practice.id}`, '    checks:', `      - check: ${use.check}`, '        params: { no_such_setting: 1 }', ''].join('\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^mine\\.yaml:6:19 .*unknown parameter "no_such_setting" for ${use.check}$`));
    // A new practice missing what a practice must have: at that practice's entry, not at line 1.
    const missing = await errorsFor(`extends: pes-27\nversion: x\npractices:\n  - id: half-written\n    number: 99\n`);
    expect(missing.every((error) => error.startsWith('mine.yaml:4:5 '))).toBe(true);
    expect(missing.join('\n')).toMatch(/title: missing/);
  });

  it('refuses an unknown base, an entry without an id and a bad remove, each on its line', async () => {
    expect(await errorsFor('extends: pes-28\n')).toEqual(['mine.yaml:1:10 extends: no built-in rubric "pes-28"; did you mean "pes-27"?']);
    expect(await errorsFor('extends: coalition-40\n')).toEqual(['mine.yaml:1:10 extends: no built-in rubric "coalition-40" (built in: pes-27)']);
    expect(await errorsFor('extends: 27\n')).toEqual(['mine.yaml:1:10 extends: names the built-in rubric this one changes, such as "pes-27" (built in: pes-27)']);
    expect(await errorsFor('extends: pes-27\npractices:\n  - number: 3\n    weight: 2\n')).toEqual([
      'mine.yaml:3:5 practices[0]: in a rubric that extends another, each entry of practices is matched by its id: give it an `id`',
    ]);
    expect(await errorsFor('extends: pes-27\npractices:\n  - id: not-a-practice\n    remove: true\n')).toEqual([
      'mine.yaml:3:9 practices[0].id: the base rubric has no practice "not-a-practice" to remove',
    ]);
    expect(await errorsFor(`extends: pes-27\nprinciples:\n  - id: ${BASE.principles[0]!.id}\n    remove: yes\n`)).toEqual([
      'mine.yaml:4:13 principles[0].remove: write `remove: true` to drop this entry, or leave the key out',
    ]);
  });
});

describe('pes with --rubric FILE that extends pes-27', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pes-extends-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const practice11 = BASE.practices.find((practice) => practice.checks.some((use) => use.check === 'teamsRelaunchedAfterTurnover'))!;
  const relaunchAfter = (share: number) =>
    write(`relaunch-${share}.yaml`, `extends: pes-27\npractices:\n  - id: ${practice11.id}\n    checks:\n      - check: teamsRelaunchedAfterTurnover\n        params: { turnover_threshold: ${share} }\n`);
  const practiceOf = (stdout: string, id: string) => (JSON.parse(stdout) as { practices: { id: string; score: number; band: string }[] }).practices.find((p) => p.id === id)!;

  it('scores with the changed threshold: a team that has turned over a third needs no relaunch at a 90% rule', () => {
    const strict = pes(['assess', 'examples/mature-coalition.yaml', '--format', 'json', '--rubric', relaunchAfter(0.15)]);
    const lenient = pes(['assess', 'examples/mature-coalition.yaml', '--format', 'json', '--rubric', relaunchAfter(0.9)]);
    const builtin = pes(['assess', 'examples/mature-coalition.yaml', '--format', 'json']);
    expect([strict.status, lenient.status, builtin.status]).toEqual([0, 0, 0]);
    expect(practiceOf(strict.stdout, practice11.id)).toEqual(practiceOf(builtin.stdout, practice11.id));
    expect(practiceOf(lenient.stdout, practice11.id).score).toBeGreaterThan(practiceOf(strict.stdout, practice11.id).score);
  });

  it('asks the added practice in the survey template and reports on it', () => {
    const number = Math.max(...BASE.practices.map((practice) => practice.number)) + 1;
    const rubric = write('added.yaml', `extends: pes-27\nversion: 1.0.0-data\npractices:\n${newPractice(number)}\n`);
    const template = pes(['survey', 'template', '--rubric', rubric, '--format', 'csv']);
    expect(template.status).toBe(0);
    expect(template.stdout).toContain('I know what happens to the data my organisation shares here.');
    const report = pes(['assess', 'examples/mature-coalition.yaml', '--format', 'json', '--rubric', rubric]);
    expect(report.status).toBe(0);
    const parsed = JSON.parse(report.stdout) as { practices: { id: string }[]; rubric: { version: string } };
    expect(parsed.practices).toHaveLength(BASE.practices.length + 1);
    expect(parsed.rubric.version).toBe('1.0.0-data');
  });

  it('counts the added practice in every command and format, and no example response is complete without it', () => {
    // The cheap form of adding a practice to the rubric: nothing a user runs may carry the old count.
    const number = Math.max(...BASE.practices.map((practice) => practice.number)) + 1;
    const total = BASE.practices.length + 1;
    const rubric = write('counted.yaml', `extends: pes-27\npractices:\n${newPractice(number)}\n`);
    const responses = join(ROOT, 'examples/responses/mature-coalition');
    const assess = (format: string) => {
      const result = pes(['assess', 'examples/mature-coalition.yaml', '--responses', responses, '--rubric', rubric, '--format', format, '--width', '120']);
      expect(result.stderr, format).toBe('');
      expect(result.status, format).toBe(0);
      return result.stdout;
    };
    expect(pes(['rubric', '--rubric', rubric]).stdout).toMatch(new RegExp(`^ *${number} {2}A data-sharing agreement partners have signed`, 'm'));
    const report = JSON.parse(assess('json')) as { practices: unknown[]; overall: { total: number }; survey: { respondents: number; complete: number } };
    expect(report.practices).toHaveLength(total);
    expect(report.overall.total).toBe(total);
    // The example responses answer the built-in statements only: against this rubric none is complete.
    expect(report.survey).toMatchObject({ respondents: readdirSync(responses).length, complete: 0 });
    expect(assess('table')).toMatch(new RegExp(`│ +${number} │ Data agreement`));
    expect((parse(assess('csv'), { columns: true }) as { record: string }[]).filter((row) => row.record === 'practice')).toHaveLength(total);
    expect(assess('junit')).toMatch(new RegExp(`<testsuites [^>]*tests="${total}"`));
    expect((JSON.parse(assess('sarif')) as { runs: { tool: { driver: { rules: unknown[] } } }[] }).runs[0]!.tool.driver.rules).toHaveLength(total);
    expect(assess('markdown')).toContain('Data agreement');
    expect(assess('html')).toContain('Data agreement');
    const paper = pes(['survey', 'template', '--rubric', rubric, '--format', 'markdown']).stdout;
    expect(paper.match(/^\| \d+ \| /gm)).toHaveLength(total);
  });

  it('refuses an unknown base in one line, exit 2', () => {
    expectOneLineError(pes(['assess', 'examples/mature-coalition.yaml', '--rubric', write('typo.yaml', 'extends: pes27\n')]), /typo\.yaml:1:10 extends: no built-in rubric "pes27"; did you mean "pes-27"\?$/);
  });
});
