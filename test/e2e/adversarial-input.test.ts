/**
 * The hostile run of issue 10, replayed: inputs that crashed pes, slipped text through
 * unescaped, or gave a misleading answer. Each case runs the built pes and asserts what
 * the user sees: the exit code, one clear line, no stack trace, and output that carries
 * no raw control or bidirectional character.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_SCHEMA_VERSION } from '../../src/model/labels.js';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, expectOneLineError, pes, ROOT } from '../helpers/cli.js';
import { scratch } from '../helpers/disk.js';
import { builtinRubric, completeResponseFiles } from '../helpers/rubric.js';

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const RESPONSES = join(ROOT, 'examples/responses/mature-coalition');
const FORMS = join(ROOT, 'examples/forms/mature-coalition-workshop-2026.csv');
const SMALL = readFileSync(join(ROOT, 'test/fixtures/partnerships/small.yaml'), 'utf8');
// ESC, BEL and the other C0 controls except tab and newline, C1 controls, and the bidirectional and separator controls.
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b';

function withFile(name: string, content: string | Buffer): { dir: string; file: string } {
  const dir = scratch();
  writeFileSync(join(dir, name), content);
  return { dir, file: join(dir, name) };
}

/** The small fixture with its partnership renamed, for names that attack a destination. */
function named(name: string): { dir: string; file: string } {
  return withFile('p.yaml', SMALL.replace('name: Small Test Partnership', `name: ${JSON.stringify(name)}`));
}

describe('crashes on user input are gone', () => {
  it('--as-of 9999-12-31, as_of 9999-12-31 in the file, and 0000-01-01 all assess', () => {
    for (const asOf of ['9999-12-31', '0000-01-01']) {
      const result = pes(['assess', MATURE, '--as-of', asOf, '--format', 'json']);
      expect(result.status, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { asOf: string }).asOf).toBe(asOf);
    }
    const { file } = withFile('p.yaml', readFileSync(MATURE, 'utf8').replace(/^as_of: .*$/m, 'as_of: 9999-12-31'));
    const inFile = pes(['assess', file, '--format', 'table']);
    expect(inFile.status, inFile.stderr).toBe(0);
    expect(inFile.stdout).toContain('as of 9999-12-31');
  });

  it('a rubric check weight of 1e308 (or .inf, .nan) is refused where it is written, not turned into a NaN score that passes the gate', () => {
    const rubric = readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8');
    for (const weight of ['1e308', '.inf', '.nan']) {
      const { dir } = withFile('r.yaml', rubric.replace(/(- check: purposeIsConcise\n)/, `$1        weight: ${weight}\n`));
      const result = pes(['assess', MATURE, '--rubric', join(dir, 'r.yaml'), '--fail-under', '50'], { cwd: dir });
      expectOneLineError(result, /^r\.yaml:\d+:\d+ practices\[0\]\.checks\[0\]\.weight: /);
    }
  });

  it('numbers in the partnership file that would overflow a sum are refused with their location', () => {
    const { dir } = withFile('p.yaml', `${SMALL}metrics:\n  - { name: Readers, kind: outcome, baseline: -1e308, target: 1e308, current: 5, last_reported: 2026-05-01, cadence: quarterly }\n`);
    const result = pes(['validate', 'p.yaml'], { cwd: dir });
    expect(result.status).toBe(2);
    expectNoStackTrace(result.stderr);
    expect(result.stderr).toMatch(/^p\.yaml:\d+:\d+ metrics\[0\]\.baseline: must be at least -1000000000000000/m);
  });

  it("--fail-under '' and pes init --name '' are refused, and init writes nothing", () => {
    expect(pes(['assess', MATURE, '--fail-under', ''])).toMatchObject({ status: 2 });
    expect(pes(['assess', MATURE, '--fail-under', '']).stderr).toMatch(/expected a score from 0 to 100, got ""/);
    const dir = scratch();
    expectOneLineError(pes(['init', '--name', ''], { cwd: dir }), /^pes: --name needs the partnership's name/);
    expectOneLineError(pes(['init', '--name', '   '], { cwd: dir }), /^pes: --name needs/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--discussion', () => {
  const args = ['assess', MATURE, '--responses', RESPONSES, '--discussion'];

  it('writes to --output like every report, and prints nothing then', () => {
    const dir = scratch();
    const result = pes([...args, '--output', 'guide.txt'], { cwd: dir });
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'guide.txt'), 'utf8')).toMatch(/^Discussion guide: Cedar Valley Food Security Coalition\n/);
    expect(pes([...args, '--output', 'guide.txt'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'guide.txt: refused: the file exists (use --force to overwrite it)\n' });
    expectOneLineError(pes([...args, '--output-dir', 'out'], { cwd: dir }), /^pes: --discussion prints one guide: write it with --output FILE/);
  });

  it('keeps the gates: a failing gate still exits 1 after the guide', () => {
    const result = pes([...args, '--fail-under', '99']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Discussion guide: /);
    expect(result.stderr).toMatch(/^gate failed: overall score \d+ is below the minimum of 99; set by --fail-under 99\n$/);
  });
});

describe('baselines are input too', () => {
  const audit = readFileSync(join(ROOT, 'examples/audits/cedar-valley-2025.json'), 'utf8');

  it('a baseline whose as_of is not a date (here live Markdown) is refused at its line', () => {
    const { dir } = withFile('base.json', audit.replace('"asOf": "2025-06-30"', '"asOf": "<img src=x onerror=alert(1)>"'));
    const result = pes(['assess', MATURE, '--baseline', 'base.json', '--format', 'markdown'], { cwd: dir });
    expect(result.status).toBe(2);
    expectNoStackTrace(result.stderr);
    expect(result.stderr).toMatch(/^base\.json:\d+:\d+ asOf: expected a date written YYYY-MM-DD, got "<img src=x onerror=alert\(1\)>"$/m);
    expect(result.stdout).toBe('');
  });

  it('a report from a newer pes says so', () => {
    const newer = REPORT_SCHEMA_VERSION + 1;
    const { dir } = withFile('base.json', audit.replace(`"schemaVersion": ${REPORT_SCHEMA_VERSION}`, `"schemaVersion": ${newer}`));
    expectOneLineError(
      pes(['assess', MATURE, '--baseline', 'base.json'], { cwd: dir }),
      new RegExp(`^base\\.json:2:\\d+ made by a newer pes \\(report format ${newer}; this pes reads format ${REPORT_SCHEMA_VERSION}\\): upgrade pes`),
    );
    expectOneLineError(pes(['trend', 'base.json'], { cwd: dir }), /made by a newer pes/);
  });
});

describe('encodings are named, not misread', () => {
  const text = SMALL.replace('Valley Library', 'Bibliothèque de la Vallée');

  it('a Latin-1 file: refused at the first byte that is not UTF-8', () => {
    const { dir } = withFile('latin1.yaml', Buffer.from(text, 'latin1'));
    expectOneLineError(pes(['validate', 'latin1.yaml'], { cwd: dir }), /^latin1\.yaml:10:19 the file is not UTF-8: byte 0xE8 here is not UTF-8 \(it looks like Latin-1 or Windows-1252\); save it as UTF-8 and try again$/);
  });

  it('UTF-16 with and without a byte-order mark, UTF-32, a CSV in UTF-16 without its mark, a binary file', () => {
    const utf16 = Buffer.from(text, 'utf16le');
    const cases: [string, Buffer, RegExp][] = [
      ['bom.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]), /^bom\.yaml: the file is UTF-16 \(little-endian\), not UTF-8: save it as UTF-8 and try again$/],
      ['nobom.yaml', utf16, /^nobom\.yaml: the file is UTF-16 \(little-endian\), not UTF-8/],
      ['be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16).swap16()]), /^be\.yaml: the file is UTF-16 \(big-endian\)/],
      ['utf32.yaml', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), /^utf32\.yaml: the file is UTF-32 \(little-endian\)/],
      ['binary.yaml', Buffer.from('partnership:\n  name: x\u0000y\n'), /^binary\.yaml:2:10 the file holds zero bytes: it is binary, not text$/],
    ];
    for (const [name, bytes, message] of cases) {
      const { dir } = withFile(name, bytes);
      expectOneLineError(pes(['validate', name], { cwd: dir }), message);
    }
    // Excel's "Unicode text" has its byte-order mark and is read (test/survey/import-formats.test.ts); without the mark it is refused by name.
    const { dir } = withFile('forms.csv', Buffer.from(readFileSync(FORMS, 'utf8'), 'utf16le'));
    expectOneLineError(pes(['survey', 'import', 'forms.csv', '--partnership', MATURE, '--dir', 'responses'], { cwd: dir }), /^forms\.csv: the file is UTF-16 \(little-endian\)/);
    expect(existsSync(join(dir, 'responses'))).toBe(false);
    const marked = withFile('marked.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(FORMS, 'utf8'), 'utf16le')]));
    const imported = pes(['survey', 'import', 'marked.csv', '--partnership', MATURE, '--dir', 'responses'], { cwd: marked.dir });
    expect(imported.stdout).toMatch(/^imported 16 respondents into responses: 16 new, 0 already there \(Google Forms layout, UTF-16 \(little-endian\)\)/);
  });

  it("a CSV that separates cells with ';' is read as such, and the import says so", () => {
    const comma = scratch();
    expect(pes(['survey', 'import', FORMS, '--partnership', MATURE, '--dir', 'responses'], { cwd: comma }).status).toBe(0);
    const rows = parseCsv(readFileSync(FORMS, 'utf8')) as string[][];
    const semicolons = rows.map((row) => row.map((cell) => (/[";\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';')).join('\r\n');
    const dir = scratch();
    writeFileSync(join(dir, 'mature-coalition-workshop-2026.csv'), semicolons);
    const result = pes(['survey', 'import', 'mature-coalition-workshop-2026.csv', '--partnership', MATURE, '--dir', 'responses'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^imported 16 respondents into responses: 16 new, 0 already there \(Google Forms layout, cells separated by ';'\)/);
    for (const name of readdirSync(join(comma, 'responses'))) {
      expect(readFileSync(join(dir, 'responses', name), 'utf8'), name).toBe(readFileSync(join(comma, 'responses', name), 'utf8'));
    }
  });
});

describe('survey counts', () => {
  it("a response that says complete but lacks an answer is counted as incomplete", async () => {
    const rubric = await builtinRubric();
    const dir = scratch();
    cpSync(RESPONSES, join(dir, 'responses'), { recursive: true });
    // One response that answers every practice of the rubric, whatever the rubric the examples were written for.
    const file = join(dir, 'responses', readdirSync(join(dir, 'responses')).sort()[0]!);
    const text = readFileSync(file, 'utf8');
    const missing = rubric.practices.filter((practice) => !new RegExp(`^ {2}${practice.id}: `, 'm').test(text));
    writeFileSync(file, text.replace(/^answers:\n/m, `answers:\n${missing.map((practice) => `  ${practice.id}: 3\n`).join('')}`));
    const complete = (): number => (JSON.parse(pes(['assess', MATURE, '--responses', join(dir, 'responses'), '--format', 'json']).stdout) as { survey: { complete: number } }).survey.complete;
    const all = complete();
    expect(all).toBe(completeResponseFiles(join(dir, 'responses'), rubric));
    expect(all).toBeGreaterThan(0);
    const last = rubric.practices.at(-1)!.id;
    writeFileSync(file, readFileSync(file, 'utf8').replace(new RegExp(`^ {2}${last}: .*\n`, 'm'), ''));
    expect(readFileSync(file, 'utf8')).toMatch(/^complete: true$/m);
    expect(complete()).toBe(all - 1);
  });
});

describe('determinism', () => {
  it('the same bytes in every locale: comments and groups sort by code point, not by the locale', () => {
    const dir = scratch();
    cpSync(RESPONSES, join(dir, 'responses'), { recursive: true });
    const files = readdirSync(join(dir, 'responses')).sort();
    const words = ['zebra crossings', 'Öl und Wasser', 'apples', 'Zebra', 'öppna möten', 'Ärligt talat'];
    files.slice(0, words.length).forEach((name, index) => {
      const file = join(dir, 'responses', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^comments:\n(.*\n)*$/m, '').concat(`comments:\n  alignment: ${words[index]}\n`));
    });
    const run = (locale: string) => pes(['assess', MATURE, '--responses', join(dir, 'responses'), '--format', 'json', '--include-comments'], { env: { LC_ALL: locale, LANG: locale } });
    const outputs = ['C', 'sv_SE.UTF-8', 'de_DE.UTF-8', 'en_US.UTF-8'].map((locale) => run(locale));
    for (const output of outputs) expect(output.status, output.stderr).toBe(0);
    for (const output of outputs.slice(1)) expect(output.stdout).toBe(outputs[0]!.stdout);
    const alignment = (JSON.parse(outputs[0]!.stdout) as { survey: { comments: { principle: string; texts: string[] }[] } }).survey.comments.find((entry) => entry.principle === 'alignment')!;
    expect(alignment.texts.filter((text) => words.includes(text))).toEqual(['Zebra', 'apples', 'zebra crossings', 'Ärligt talat', 'Öl und Wasser', 'öppna möten']);
  });

  it('--as-of today is the date where the user is (TZ), not the date in UTC', () => {
    for (const zone of ['America/Adak', 'Pacific/Kiritimati', 'UTC']) {
      const local = () => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const before = local();
      const result = pes(['assess', MATURE, '--as-of', 'today', '--format', 'json'], { env: { TZ: zone } });
      expect([before, local()], zone).toContain((JSON.parse(result.stdout) as { asOf: string }).asOf);
    }
  });
});

describe('injection: hostile text is shown as text in every destination', () => {
  it('a right-to-left override (U+202E) is made visible in the table, Markdown and GitHub annotations, and HTML', () => {
    const { file } = named('Acme \u202Egnp.exe\u202C Partners');
    for (const format of ['table', 'markdown', 'github', 'html', 'junit']) {
      const output = pes(['assess', file, '--format', format, '--width', '200']).stdout;
      expect(output, format).not.toMatch(RAW_UNSAFE);
      expect(output, format).toContain('\\u202e');
    }
  });

  it('escape sequences in file and folder names reach the terminal as visible text (validate summary, import folder, init)', () => {
    const dir = scratch();
    const evil = `evil${ESC}]0;pwned\u0007.yaml`;
    writeFileSync(join(dir, evil), SMALL);
    const validated = pes(['validate', evil], { cwd: dir });
    expect(validated.status).toBe(0);
    expect(validated.stdout).not.toMatch(RAW_UNSAFE);
    expect(validated.stdout).toContain('evil\\x1b]0;pwned\\x07.yaml: valid');
    const folder = `responses${ESC}[2J`;
    const imported = pes(['survey', 'import', FORMS, '--partnership', MATURE, '--dir', folder], { cwd: dir });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^imported 16 respondents into responses\\x1b\[2J: 16 new, 0 already there /);
    const started = pes(['init', `new${ESC}[31m.yaml`, '--as-of', '2026-01-01'], { cwd: dir });
    expect(started.stdout).not.toMatch(RAW_UNSAFE);
  });

  it("a rubric's version and title reach pes rubric and the table header escaped", () => {
    const rubric = readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8')
      // YAML's own escapes (a raw control character in quotes is a syntax error): the values hold the real characters.
      .replace(/^version: .*$/m, 'version: "1.0\\e]52;c;ZXZpbA==\\a"')
      .replace(/^title: .*$/m, 'title: "Gap rubric \\e[2J\\u202E"');
    const { dir } = withFile('r.yaml', rubric);
    for (const args of [['rubric', '--rubric', 'r.yaml'], ['rubric', '1', '--rubric', 'r.yaml'], ['assess', MATURE, '--rubric', 'r.yaml', '--format', 'table']]) {
      const result = pes(args, { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout, args.join(' ')).not.toMatch(RAW_UNSAFE);
    }
    expect(pes(['rubric', '--rubric', 'r.yaml'], { cwd: dir }).stdout).toContain('1.0\\x1b]52;c;ZXZpbA==\\x07: Gap rubric \\x1b[2J\\u202e');
  });

  it('CSV cells (report, trend, survey template) carry no escape sequence', () => {
    const { file } = withFile('p.yaml', SMALL.replace('name: Acme Books', 'name: "Acme \\e[31mRed\\e[0m"').replace('name: Small Test Partnership', 'name: "Small \\e]0;x\\a"'));
    // Rows end in CRLF, as spreadsheets expect; nothing else may be a control character.
    const lines = (csv: string) => csv.replace(/\r\n/g, '\n');
    const report = pes(['assess', file, '--format', 'csv']).stdout;
    expect(lines(report)).not.toMatch(RAW_UNSAFE);
    expect(report).toContain('Acme \\x1b[31mRed\\x1b[0m');
    const json = pes(['assess', file, '--format', 'json']);
    const { dir } = withFile('a.json', json.stdout);
    const trend = pes(['trend', 'a.json', '--format', 'csv'], { cwd: dir }).stdout;
    expect(lines(trend)).not.toMatch(RAW_UNSAFE);
    const rubric = readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8').replace(/statement: (We could each explain.*)$/m, 'statement: "\\e]0;title\\a$1"');
    writeFileSync(join(dir, 'r.yaml'), rubric);
    const template = pes(['survey', 'template', '--format', 'csv', '--rubric', 'r.yaml'], { cwd: dir });
    expect(template.status, template.stderr).toBe(0);
    expect(lines(template.stdout)).not.toMatch(RAW_UNSAFE);
    expect(template.stdout).toContain('\\x1b]0;title\\x07We could each explain');
  });

  it('Markdown: an email address in a name does not become a mailto: link', async () => {
    const { file } = named('Write to anna@example.org or mailto:bo@example.org');
    const html = await marked.parse(pes(['assess', file, '--format', 'markdown']).stdout);
    expect(html).not.toMatch(/<a /);
    expect(html).toContain('anna@example.org');
  });

  it("CSV: read with ';' as the list separator, as European spreadsheets do, no cell starts a formula", () => {
    const { file } = named('Acme;=cmd|\' /C calc\'!A0;+1;@SUM(1);-2');
    const csv = pes(['assess', file, '--format', 'csv']).stdout;
    for (const delimiter of [',', ';']) {
      const rows = parseCsv(csv, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
      for (const cell of rows.flat()) expect(cell, `${delimiter}: ${cell}`).not.toMatch(/^[\s]*[=+\-@]/);
    }
  });

  it('SARIF: a path with a space and an absolute path give URIs the official schema accepts, relative to a base', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object);
    const dir = scratch();
    mkdirSync(join(dir, 'my files'));
    writeFileSync(join(dir, 'my files', 'the partnership.yaml'), readFileSync(MATURE));
    const relative = pes(['assess', 'my files/the partnership.yaml', '--format', 'sarif'], { cwd: dir });
    const absolute = pes(['assess', join(dir, 'my files', 'the partnership.yaml'), '--format', 'sarif'], { cwd: ROOT });
    for (const [result, base] of [[relative, '%SRCROOT%'], [absolute, 'FILESYSTEMROOT']] as const) {
      const log = JSON.parse(result.stdout) as { runs: { artifacts: { location: { uri: string; uriBaseId: string } }[] }[] };
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const location = log.runs[0]!.artifacts[0]!.location;
      expect(location.uriBaseId).toBe(base);
      expect(location.uri).toMatch(/my%20files\/the%20partnership\.yaml$/);
      expect(location.uri.startsWith('/')).toBe(false);
    }
  });
});
