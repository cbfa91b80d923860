/**
 * No injection anywhere: one hostile partnership file (names that are HTML, Markdown
 * links and images, spreadsheet formulas, terminal escape sequences, a clipboard
 * write and a forged workflow command) rendered to every destination.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPartnership } from '../../src/load/partnership.js';
import { parseResponse } from '../../src/survey/response-file.js';
import { importCsv } from '../../src/survey/import.js';
import { pes } from '../helpers/cli.js';
import { partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const HOSTILE = 'test/fixtures/partnerships/hostile.yaml';
const assess = (format: string, extra: string[] = []) => {
  const result = pes(['assess', HOSTILE, '--format', format, ...extra]);
  expect(result.status).toBe(0);
  return result.stdout;
};
// ESC, BEL and the other C0 controls except tab and newline; C1 controls too.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('hostile names are text in every destination', () => {
  it('terminal: escape sequences and bells are shown as visible escapes, never sent raw', () => {
    for (const output of [assess('table', ['--width', '300']), assess('table', ['--width', '300', '--color'])]) {
      // Colour codes pes adds itself are fine; the partner's own ESC must not survive.
      const withoutOwnColour = output.replace(/\u001b\[[0-9;]*m/g, '');
      expect(withoutOwnColour).not.toMatch(RAW_CONTROL);
      // Long findings wrap inside the table: read the text across its lines and borders.
      const text = withoutOwnColour.replace(/[│\s]+/g, ' ');
      expect(text).toContain('Bell\\x07 and \\x1b[31mred\\x1b[0m and \\x1b]52;c;ZXZpbA==\\x07 clipboard');
    }
  });

  it('error messages: a key with escape sequences is quoted visibly on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-inject-'));
    writeFileSync(join(dir, 'p.yaml'), 'partnership:\n  name: x\n  "\\e]52;c;ZXZpbA==\\a": 1\n');
    const result = pes(['validate', 'p.yaml'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toContain('unknown key "\\x1b]52;c;ZXZpbA==\\x07"');
  });

  it('Markdown: rendered by a real Markdown parser, names make no tags, links, images or extra table cells', async () => {
    const markdown = assess('markdown');
    expect(markdown).not.toMatch(RAW_CONTROL);
    const html = await marked.parse(markdown);
    expect(html).not.toMatch(/<script|<img|<a |<[^>]*onerror=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Every row of the practice table keeps the header's number of cells, pipes in names notwithstanding.
    // The practice table opens the collapsed block of every practice, after its <summary> line.
    const table = markdown.split('</summary>')[1]!.split('\n\n')[1]!.split('\n');
    expect(table[0]).toMatch(/^\| # \| Practice \|/);
    const cells = (row: string) => row.split(/(?<!\\)\|/).length;
    for (const row of table) expect(cells(row), row).toBe(cells(table[0]!));
  });

  it('HTML: escaped text under a policy that forbids scripts (the browser test runs it in Chromium)', () => {
    const html = assess('html');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('CSV: no cell a spreadsheet would run as a formula', () => {
    const rows = parseCsv(assess('csv')) as string[][];
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('SARIF and JSON: valid JSON that carries the names exactly, with control characters escaped', () => {
    for (const format of ['sarif', 'json']) {
      const output = assess(format);
      expect(output).not.toMatch(RAW_CONTROL);
      expect(output).toContain('Bell\\u0007 and \\u001b[31mred');
      expect(() => JSON.parse(output)).not.toThrow();
    }
  });

  it('GitHub annotations: a name cannot start a workflow command of its own', () => {
    const lines = assess('github').trimEnd().split('\n');
    // Past the cap, one summary notice, then the annotations left out as plain log lines, which start with the file's name.
    const summary = lines.findIndex((line) => line.includes('title=Partnership health%3A annotations left out::'));
    for (const [index, line] of lines.entries()) {
      expect(line).toMatch(summary === -1 || index <= summary ? /^::(error|warning|notice) / : /^test\/fixtures\/partnerships\/hostile\.yaml:\d+:\d+ (error|warning|notice): /);
      expect(line).not.toMatch(RAW_CONTROL);
    }
    expect(lines.some((line) => line.startsWith('::error file=evil.yaml'))).toBe(false);
  });

  it('JUnit: well-formed XML text with the characters XML forbids removed', () => {
    const xml = assess('junit');
    // Carriage returns and line feeds are legal XML text; escape, bell and the like are removed.
    expect(xml.replace(/\r/g, '')).not.toMatch(RAW_CONTROL);
    expect(xml).not.toMatch(/<img|<script/);
  });
});

describe('keys that would reach an object prototype', () => {
  it('__proto__, constructor and prototype in YAML are rejected as unknown keys and change no object', async () => {
    const text = 'partnership:\n  name: x\n__proto__:\n  polluted: true\nconstructor: 1\npartners:\n  - id: a\n    name: A\n    sector: public\n    tier: core\n    joined: 2024-01-01\n    prototype: {}\n';
    const loaded = await loadPartnership('p.yaml', text);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      const messages = loaded.errors.map((error) => error.message);
      expect(messages[0]).toMatch(/^__proto__: unknown key "__proto__" \(allowed: as_of, partnership, /);
      expect(messages[1]).toMatch(/^constructor: unknown key "constructor" \(allowed: /);
      expect(messages[2]).toMatch(/^partners\[0\]\.prototype: unknown key "prototype"/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('__proto__ in a response file or a CSV header reaches no object', async () => {
    const rubric = await builtinRubric();
    const response = await parseResponse(
      'r.yaml',
      'pes_response: 1\nrubric: pes-27\npartnership: x\nrespondent: { id: r1 }\ndate: 2026-01-01\ncomplete: false\nanswers:\n  __proto__: 5\n',
      rubric,
    );
    expect(response.ok).toBe(false);
    const imported = importCsv('__proto__,constructor,1\n"{""polluted"":true}",x,4\n', rubric, { file: 'f.csv', date: '2026-01-01', partnership: partnership(), maxRows: 10 });
    expect(imported.ignoredColumns).toEqual(['__proto__', 'constructor']);
    expect(imported.responses[0]!.answers).toEqual({ 'align-on-purpose': 4 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
