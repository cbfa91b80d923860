import { parse as parseCsv } from 'csv-parse/sync';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../../src/model/order.js';
import { FORMATS } from '../../src/render/formats.js';
import { pes, ROOT } from '../helpers/cli.js';

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const RESPONSES = join(ROOT, 'examples/responses/mature-coalition');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pes-files-'));
}

describe('files are safe', () => {
  it('leaves no temporary file behind, and writes nothing when the target folder does not exist', () => {
    const dir = scratch();
    expect(pes(['assess', MATURE, '--format', 'html', '--output', 'r.html'], { cwd: dir }).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['r.html']);
    const missing = pes(['assess', MATURE, '--format', 'html', '--output', 'no/such/dir/r.html'], { cwd: dir });
    expect(missing).toMatchObject({ status: 2, stderr: 'no/such/dir/r.html: cannot write the file: no such file or directory\n' });
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it('refuses to write over its input, even through a symbolic link', () => {
    const dir = scratch();
    cpSync(MATURE, join(dir, 'p.yaml'));
    symlinkSync(join(dir, 'p.yaml'), join(dir, 'link.yaml'));
    const result = pes(['assess', 'p.yaml', '--output', 'link.yaml', '--force'], { cwd: dir });
    expect(result).toMatchObject({ status: 2, stderr: 'link.yaml: refused: the output would overwrite an input file\n' });
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toBe(readFileSync(MATURE, 'utf8'));
  });

  it('never resumes into, or overwrites, a file that is not a response', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'responses'));
    writeFileSync(join(dir, 'responses', 'notes.yaml'), 'minutes: keep these\n');
    const import_ = pes(['survey', 'import', join(ROOT, 'examples/forms/mature-coalition-workshop-2026.csv'), '--partnership', MATURE, '--dir', 'responses'], { cwd: dir });
    expect(import_.status).toBe(0);
    expect(readFileSync(join(dir, 'responses', 'notes.yaml'), 'utf8')).toBe('minutes: keep these\n');
    const again = pes(['survey', 'import', join(ROOT, 'examples/forms/mature-coalition-workshop-2026.csv'), '--partnership', MATURE, '--dir', 'responses'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/: 0 new, 16 already there/);
    expect(readFileSync(join(dir, 'responses', 'notes.yaml'), 'utf8')).toBe('minutes: keep these\n');
    expect(readdirSync(join(dir, 'responses'))).toHaveLength(17);
  });
});

describe('privacy', () => {
  const copyWithName = () => {
    const dir = scratch();
    cpSync(RESPONSES, join(dir, 'responses'), { recursive: true });
    const file = join(dir, 'responses', readdirSync(join(dir, 'responses'))[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('  role: ', '  name: Wilhelmina Quist\n  role: '));
    return join(dir, 'responses');
  };

  it('shows no comment, name or respondent id in any format unless comments are asked for', () => {
    const responses = copyWithName();
    for (const format of FORMATS) {
      const output = pes(['assess', MATURE, '--responses', responses, '--format', format]).stdout;
      expect(output, format).not.toContain('Wilhelmina');
      expect(output, format).not.toMatch(/gforms-[0-9a-f]{16}/);
      expect(output, format).not.toContain('at my store nobody has heard it');
    }
  });

  it('with --include-comments shows the comments, sorted and without names', () => {
    const responses = copyWithName();
    for (const format of ['json', 'markdown', 'html', 'table']) {
      const output = pes(['assess', MATURE, '--responses', responses, '--format', format, '--include-comments']).stdout;
      expect(output, format).toContain('at my store nobody has heard it');
      expect(output, format).not.toContain('Wilhelmina');
    }
    const report = JSON.parse(pes(['assess', MATURE, '--responses', responses, '--format', 'json', '--include-comments']).stdout) as {
      survey: { comments: { principle: string; texts: string[] }[] };
    };
    const alignment = report.survey.comments.find((entry) => entry.principle === 'alignment')!;
    expect(alignment.texts).toEqual([...alignment.texts].sort(byCodePoint));
  });

  it('honours the minimum group size in every format that shows groups', () => {
    for (const minimum of ['3', '5']) {
      const json = JSON.parse(pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'json', '--min-group-size', minimum]).stdout) as {
        practices: { perception: { groups: { n: number }[] } | null }[];
        survey: { dimensions: { shown: { respondents: number }[] }[] };
      };
      for (const dimension of json.survey.dimensions) for (const group of dimension.shown) expect(group.respondents).toBeGreaterThanOrEqual(Number(minimum));
      for (const practice of json.practices) for (const group of practice.perception?.groups ?? []) expect(group.n).toBeGreaterThanOrEqual(Number(minimum));
      const csv = parseCsv(pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'csv', '--min-group-size', minimum]).stdout, { columns: true }) as Record<string, string>[];
      const groups = csv.filter((row) => row.record === 'group');
      expect(groups.length).toBeGreaterThan(0);
      for (const row of groups) expect(Number(row.group_n)).toBeGreaterThanOrEqual(Number(minimum));
    }
    expect(existsSync(RESPONSES)).toBe(true);
  });
});
