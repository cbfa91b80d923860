/**
 * Property: whatever text a file holds (line breaks, control characters, escape
 * sequences, bidirectional overrides, non-ASCII, the syntax of every destination), every
 * report format shows it as text. Names are put where reports quote them, the report is
 * built and rendered in every format, and each output is checked for its destination.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { marked } from 'marked';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/assess/report.js';
import { loadPartnership } from '../../src/load/partnership.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderGithub } from '../../src/render/github.js';
import { renderHtml } from '../../src/render/html.js';
import { PROJECT_URL } from '../../src/model/practice-docs.js';
import { renderJson } from '../../src/render/json.js';
import { renderJunit } from '../../src/render/junit.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderTable } from '../../src/render/table.js';
import { terminalSafe } from '../../src/text/sanitize.js';
import { ROOT } from '../helpers/cli.js';
import { hostileText, RAW_UNSAFE } from '../helpers/hostile-text.js';
import { builtinRubric } from '../helpers/rubric.js';

// Each case renders eight formats: a tenth of the other suites' count (200 in npm test, 2,000 in npm run fuzz).
const RUNS = Math.ceil(Number(process.env.PES_FUZZ_RUNS ?? 2000) / 10);
const rubric = await builtinRubric();
const SMALL = parse(readFileSync(join(ROOT, 'test/fixtures/partnerships/small.yaml'), 'utf8')) as {
  partnership: { name: string };
  partners: { name: string }[];
  teams: { name: string }[];
};
const options = { color: false, width: 120, failOn: 'gap' as const, audience: 'coordinator' as const };

/** Names must not be blank to be valid; a visible letter keeps every case a valid file. */
const name = hostileText().map((text) => `x${text}`);

async function reportWith(names: { partnership: string; partners: [string, string]; team: string }) {
  const document = structuredClone(SMALL);
  document.partnership.name = names.partnership;
  document.partners[0]!.name = names.partners[0];
  document.partners[1]!.name = names.partners[1];
  document.teams[0]!.name = names.team;
  const loaded = await loadPartnership('p.yaml', stringify(document));
  if (!loaded.ok) throw new Error(`not valid: ${loaded.errors[0]!.message}`);
  return buildReport({
    rubric,
    partnership: loaded.loaded.partnership,
    locate: loaded.loaded.source.locate,
    placeholders: loaded.loaded.placeholders,
    asOf: '2026-06-30',
    tool: { name: 'partnership-health', version: 'test' },
    inputs: { partnershipFile: 'p.yaml', partnershipSha256: '0', rubricFile: 'r', rubricSha256: '0', digest: '0' },
  });
}

describe('hostile text in every destination', () => {
  it('terminal, Markdown, HTML, CSV, JUnit, GitHub annotations, JSON and SARIF', { timeout: RUNS * 1000 }, async () => {
    await fc.assert(
      fc.asyncProperty(name, fc.tuple(name, name), name, async (partnership, partners, team) => {
        const report = await reportWith({ partnership, partners, team });

        const table = renderTable(report, options);
        expect(table).not.toMatch(RAW_UNSAFE);
        expect(table).toContain(terminalSafe(report.partnership.name));

        const markdown = renderMarkdown(report);
        expect(markdown).not.toMatch(RAW_UNSAFE);
        const html = await marked.parse(markdown);
        expect(html).not.toMatch(/<(a|img|script)[\s>]|<[^>]*onerror=/i);

        const page = renderHtml(report).replace(/\r/g, '');
        expect(page).not.toMatch(RAW_UNSAFE);
        expect(page.match(/<script|<img|<[^>]*onerror=/gi) ?? []).toEqual([]);
        // The only links are the report's own: a practice's page on the project site, or its card's place in the page. No file text makes one.
        for (const link of page.match(/<a\b[^>]*>/gi) ?? []) {
          expect(link).toMatch(new RegExp(`^<a href="(${PROJECT_URL.replace(/[.]/g, '\\.')}/blob/v[^"/]+/docs/rubric/\\d{2}-[a-z-]+\\.md|#practice-\\d+)">$`));
        }

        const csv = renderCsv(report);
        const rows = parseCsv(csv) as string[][];
        for (const row of rows) expect(row.length).toBe(rows[0]!.length);
        for (const delimiter of [',', ';']) {
          const cells = (parseCsv(csv, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][]).flat();
          for (const cell of cells) expect(cell).not.toMatch(/^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]/);
        }
        expect(csv.replace(/\r\n/g, '\n')).not.toMatch(RAW_UNSAFE);

        const junit = renderJunit(report, options).replace(/[\r\n\t]/g, '');
        expect(junit).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);

        // Past GitHub's per-step limit: one summary notice, then plain log lines that start with the file's name.
        const github = renderGithub(report, options).trimEnd().split('\n');
        const summary = github.findIndex((line) => line.includes('title=Partnership health%3A annotations left out::'));
        for (const [index, line] of github.entries()) {
          expect(line).toMatch(summary === -1 || index <= summary ? /^::(error|warning|notice) / : /^p\.yaml:\d+:\d+ (error|warning|notice): /);
          expect(line).not.toMatch(RAW_UNSAFE);
        }

        // JSON carries the text exactly; SARIF is valid JSON.
        expect((JSON.parse(renderJson(report)) as { partnership: { name: string } }).partnership.name).toBe(report.partnership.name);
        expect(() => JSON.parse(renderSarif(report, options))).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
});
