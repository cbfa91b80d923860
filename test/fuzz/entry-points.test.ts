/**
 * Hostile and broken input never crashes pes. Each entry point gets arbitrary values,
 * random mutations of the shipped files and random text; every run must end in a
 * result or in one-line, located messages, never an exception. fast-check prints the
 * seed and the shrunk case of any failure; PES_FUZZ_RUNS raises the count for a long run.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/assess/report.js';
import { formatLocatedError, type LocatedError } from '../../src/load/located-error.js';
import { loadPartnership } from '../../src/load/partnership.js';
import { loadRubric } from '../../src/load/rubric.js';
import { CHECKS } from '../../src/checks/index.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderGithub } from '../../src/render/github.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJson } from '../../src/render/json.js';
import { renderJunit } from '../../src/render/junit.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderTable } from '../../src/render/table.js';
import { importCsv } from '../../src/survey/import.js';
import { parseResponse } from '../../src/survey/response-file.js';
import { ROOT } from '../helpers/cli.js';
import { hostileText } from '../helpers/hostile-text.js';
import { hardText, writeYaml, yamlLayout } from '../helpers/hard-text.js';
import { partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const RUNS = Number(process.env.PES_FUZZ_RUNS ?? 2000);
const TIMEOUT = RUNS * 40;
const rubric = await builtinRubric();
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const EXAMPLES = ['examples/mature-coalition.yaml', 'examples/struggling-alliance.yaml', 'examples/new-network.yaml'].map(read);
const RUBRIC_TEXT = read('rubrics/pes-27.yaml');
const FORMS = read('examples/forms/mature-coalition-workshop-2026.csv');
const RESPONSE = read(`examples/responses/mature-coalition/${readdirSync(join(ROOT, 'examples/responses/mature-coalition')).sort()[0]}`);

/** Every message is one line: FILE:LINE:COL message, or FILE: message. */
function expectOneLineLocated(errors: readonly LocatedError[], file: string): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    const line = formatLocatedError(error);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.startsWith(`${file}:`)).toBe(true);
    if (error.position) expect(line).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+ \\S`));
  }
}

const renderOptions = { color: false, width: 100, failOn: 'gap' as const, audience: 'coordinator' as const };

/** Validate, and when the file is valid, assess it and render every format. */
async function validateAndAssess(text: string): Promise<void> {
  const loaded = await loadPartnership('p.yaml', text);
  if (!loaded.ok) {
    expectOneLineLocated(loaded.errors, 'p.yaml');
    return;
  }
  const report = buildReport({
    rubric,
    partnership: loaded.loaded.partnership,
    locate: loaded.loaded.source.locate,
    placeholders: loaded.loaded.placeholders,
    asOf: loaded.loaded.partnership.as_of ?? '2026-06-30',
    tool: { name: 'partnership-health', version: 'test' },
    inputs: { partnershipFile: 'p.yaml', partnershipSha256: '0', rubricFile: 'r', rubricSha256: '0', digest: '0' },
  });
  for (const render of [renderJson, renderMarkdown, renderHtml, renderCsv, renderSarif, renderJunit, renderGithub, renderTable]) {
    expect(typeof render(report, renderOptions)).toBe('string');
  }
}

/** Line-level damage of the kinds people and tools do to files. */
const damage = fc.array(
  // The inserted noise: random code points, or hostile text (line breaks, controls, bidi marks, non-ASCII, markup).
  fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'truncate', 'indent', 'dedent', 'unicode', 'type', 'key', 'block', 'newline'), fc.nat(), fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), hostileText(2))),
  { minLength: 1, maxLength: 5 },
);

function applyDamage(text: string, edits: [number, string, number, string][]): string {
  const lines = text.split('\n');
  for (const [at, kind, column, noise] of edits) {
    const index = at % lines.length;
    const line = lines[index]!;
    const cut = line.length === 0 ? 0 : column % line.length;
    switch (kind) {
      case 'delete':
        lines.splice(index, 1);
        break;
      case 'duplicate':
        lines.splice(index, 0, line);
        break;
      case 'truncate':
        lines[index] = line.slice(0, cut);
        break;
      case 'indent':
        lines[index] = `  ${line}`;
        break;
      case 'dedent':
        lines[index] = line.replace(/^ {1,2}/, '');
        break;
      case 'unicode':
        lines[index] = line.slice(0, cut) + noise + line.slice(cut);
        break;
      case 'type':
        // A value replaced by another type: a number, a list, a mapping, a boolean or nothing.
        lines[index] = line.replace(/: .*$/, `: ${['42', '[1, 2]', '{ a: 1 }', 'true', '', '~', '"x"'][column % 7]}`);
        break;
      case 'block': {
        // A value rewritten as a block scalar, in one of the six chomping and folding styles.
        const indent = ' '.repeat((/^\s*/.exec(line)?.[0].length ?? 0) + 2);
        lines[index] = line.replace(/: (.+)$/, (_, value: string) => `: ${['|', '|-', '|+', '>', '>-', '>+'][column % 6]}\n${indent}${value}\n${indent}${noise}`);
        break;
      }
      case 'newline':
        lines[index] = `${line.slice(0, cut)}\n${noise}${line.slice(cut)}`;
        break;
      case 'key':
        lines[index] = line.replace(/^(\s*-?\s*)[a-z_]+:/, `$1${['__proto__', 'constructor', 'prototype', 'toString', 'naem'][column % 5]}:`);
        break;
    }
  }
  return lines.join('\n');
}

/** Values of any shape whose strings hold line breaks, controls, bidi marks and non-ASCII text (test/helpers/hard-text.ts). */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), hardText, tie('list'), tie('object')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom('partnership', 'partners', 'teams', 'as_of', 'name', 'purpose', '__proto__', 'constructor'), hardText), tie('value'), { maxKeys: 5 }),
})).value;

describe('hostile input never crashes pes', () => {
  it('validate and assess: arbitrary YAML (every scalar style, LF or CRLF, comments) and JSON values', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, yamlLayout, fc.boolean(), async (value, layout, asJson) => {
        await validateAndAssess(asJson ? JSON.stringify(value) ?? 'null' : writeYaml(value, layout));
      }),
      { numRuns: RUNS },
    );
  });

  it('validate and assess: mutated example files (deleted keys, wrong types, truncation, duplicates, odd unicode, block scalars, line breaks, CRLF)', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: EXAMPLES.length - 1 }), damage, fc.boolean(), async (which, edits, crlf) => {
        const damaged = applyDamage(EXAMPLES[which]!, edits);
        await validateAndAssess(crlf ? damaged.replace(/\n/g, '\r\n') : damaged);
      }),
      { numRuns: RUNS },
    );
  });

  it('validate: arbitrary text', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        await validateAndAssess(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('survey import: random CSV and damaged forms exports', { timeout: TIMEOUT }, () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), hostileText(3), fc.constantFrom('Agree', '4', "Don't know", '', '"', '=1+1', 'Strongly agree', 'NGO', '__proto__'));
    const randomCsv = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }).map((rows) =>
      rows.map((row) => row.map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')).join('\n'),
    );
    const damagedExport = damage.map((edits) => applyDamage(FORMS, edits as [number, string, number, string][]));
    fc.assert(
      fc.property(fc.oneof(randomCsv, damagedExport, fc.string({ unit: 'binary', maxLength: 300 })), (csv) => {
        const result = importCsv(csv, rubric, { file: 'f.csv', date: '2026-06-30', partnership: partnership(), maxRows: 1000 });
        if (result.errors.length > 0) expectOneLineLocated(result.errors, 'f.csv');
        for (const response of result.responses) expect(Object.getPrototypeOf(response.answers)).toBe(Object.prototype);
      }),
      { numRuns: RUNS },
    );
  });

  it('rubric loading: damaged rubric files', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (edits) => {
        const loaded = await loadRubric('r.yaml', applyDamage(RUBRIC_TEXT, edits as [number, string, number, string][]), CHECKS);
        if (!loaded.ok) expectOneLineLocated(loaded.errors, 'r.yaml');
      }),
      { numRuns: RUNS },
    );
  });

  it('response files: damaged and arbitrary', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(damage.map((edits) => applyDamage(RESPONSE, edits as [number, string, number, string][])), fc.tuple(anyValue, yamlLayout).map(([value, layout]) => writeYaml(value, layout))), async (text) => {
        const loaded = await parseResponse('r.yaml', text, rubric);
        if (!loaded.ok) expectOneLineLocated(loaded.errors, 'r.yaml');
      }),
      { numRuns: RUNS },
    );
  });
});
