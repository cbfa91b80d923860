/**
 * `pes trend` on the three shipped audits of the mature example (2024 and 2025 from the
 * file alone, 2026 after the June workshop): practice history, survey perception over
 * time, every format, and the chart in a real headless Chromium.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trend } from '../../src/assess/trend.js';
import type { Report } from '../../src/model/report.js';
import { launchBrowser, openHtmlFile } from '../helpers/browser.js';
import { pes, ROOT } from '../helpers/cli.js';

const AUDITS = ['2024', '2025', '2026'].map((year) => `examples/audits/cedar-valley-${year}.json`);
const audits = AUDITS.map((file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Report);
// The history is of the audits as they were made, so its practices and principles are theirs (the
// shipped audits share one rubric), whatever the built-in rubric has since become.
const audited = { practices: audits[2]!.practices, principles: audits[2]!.principles };
const MATURE = 'examples/mature-coalition.yaml';
const RESPONSES = 'examples/responses/mature-coalition';

function trendOf(args: readonly string[], cwd?: string): Trend {
  const result = pes(['trend', ...args, '--format', 'json'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Trend;
}

describe('pes trend on the shipped audits', () => {
  const trend = trendOf([AUDITS[2]!, AUDITS[0]!, AUDITS[1]!]);

  it('the audits are what the docs say: only the 2026 one carries the workshop survey', () => {
    expect(audits.map((report) => report.survey?.respondents ?? null)).toEqual([null, null, 16]);
  });

  it('gives every practice of the audits its score and band per audit, and the change since the first and the previous', () => {
    for (const report of audits) expect(report.practices.map((practice) => practice.id)).toEqual(audited.practices.map((practice) => practice.id));
    expect(trend.practices.map((practice) => practice.id)).toEqual(audited.practices.map((practice) => practice.id));
    // The audits mix a survey with none, so the history is the evidence alone, as each audit measured it.
    expect(trend.basis).toBe('evidence');
    for (const practice of trend.practices) {
      const found = audits.map((report) => report.practices.find((entry) => entry.id === practice.id)!);
      expect(practice.scores).toEqual(found.map((entry) => entry.evidence.score));
      expect(practice.bands).toEqual(found.map((entry) => entry.evidence.band));
    }
    const align = trend.practices.find((practice) => practice.id === 'align-on-purpose')!;
    expect(align).toMatchObject({ scores: [40, 40, 100], bands: ['gap', 'gap', 'strong'], sinceFirst: 60, sincePrevious: 60 });
    const roi = trend.practices.find((practice) => practice.id === 'roi-narratives')!;
    expect(roi).toMatchObject({ scores: [25, 75, 25], sinceFirst: 0, sincePrevious: -50 });
    // Not described in 2024: no score then, so "since first" counts from 2025.
    const stories = trend.practices.find((practice) => practice.id === 'data-stories')!;
    expect(stories).toMatchObject({ scores: [null, 100, 100], bands: ['not_described', 'strong', 'strong'], sinceFirst: 0 });
  });

  it('shows survey perception where an audit had a survey, and nothing invented where it had none', () => {
    expect(trend.points.map((point) => point.respondents)).toEqual([null, null, audits[2]!.survey!.respondents]);
    const perception = trend.perception!;
    expect(perception.overall.means).toEqual([null, null, audits[2]!.overall.perception!.mean]);
    expect(perception.principles.map((principle) => principle.means[2])).toEqual(audits[2]!.principles.map((principle) => principle.perception!.mean));
    expect(perception.principles.map((principle) => principle.answers)).toEqual(audits[2]!.principles.map((principle) => [null, null, principle.perception!.n]));
    expect(perception.principles.every((principle) => principle.sinceFirst === null)).toBe(true);
  });

  it('prints the practices and what people said in the terminal, with the reason the scores are evidence', () => {
    const result = pes(['trend', ...AUDITS]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[3]).toMatch(/^Overall +56 +73 ↑ +92 ↑ +\+35$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ 1 Align on purpose +40 gap +40 gap → +100 strong ↑ +\+60 +\+60$/));
    expect(lines).toContainEqual(expect.stringMatching(/^26 Data stories +not described +100 strong +100 strong → +±0 +±0$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Respondents +- +- +16$/));
    expect(lines).toContainEqual(expect.stringMatching(/^1 Clarity of purpose +- +- +4\.1 \(48\)$/));
    expect(result.stdout).toContain("Only the report of 2026-06-30 had a survey, so every score and band here is the file's evidence alone");
  });

  it('writes one CSV row per audit and series, practices and perception included', () => {
    const rows = parse(pes(['trend', ...AUDITS, '--format', 'csv']).stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(AUDITS.length * (1 + audited.principles.length + audited.practices.length));
    expect(rows.find((row) => row.as_of === '2026-06-30' && row.level === 'practice' && row.id === 'align-on-purpose')).toMatchObject({ score: '100', band: 'strong', perception_mean: '' });
    expect(rows.find((row) => row.as_of === '2026-06-30' && row.level === 'overall')).toMatchObject({ respondents: '16', perception_mean: String(audits[2]!.overall.perception!.mean) });
    expect(rows.find((row) => row.as_of === '2024-06-30' && row.level === 'principle' && row.id === 'purpose')).toMatchObject({ perception_mean: '', perception_answers: '' });
  });

  it('compares the reports as they are when every one had a survey, and gives the change in perception', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-trend-'));
    // The same workshop counted at two dates: the earlier report takes the late answers in on purpose.
    writeFileSync(join(dir, 'a.json'), pes(['assess', MATURE, '--as-of', '2025-06-30', '--responses', RESPONSES, '--include-late-responses', '--format', 'json']).stdout);
    writeFileSync(join(dir, 'b.json'), pes(['assess', MATURE, '--as-of', '2026-06-30', '--responses', RESPONSES, '--format', 'json']).stdout);
    const both = trendOf(['a.json', 'b.json'], dir);
    const reports = ['a.json', 'b.json'].map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Report);
    expect(both.basis).toBe('combined');
    expect(both.overall.scores).toEqual(reports.map((report) => report.overall.score));
    expect(both.practices[0]!.scores).toEqual(reports.map((report) => report.practices[0]!.score));
    expect(both.perception!.overall.sinceFirst).toBe(0);
    const table = pes(['trend', 'a.json', 'b.json'], { cwd: dir }).stdout;
    expect(table).not.toContain('evidence alone');
    expect(table).toMatch(/^Overall +3\.8 \(\d+\) +3\.8 \(\d+\) +±0\.0$/m);
  });

  it('says nothing about perception when no audit had a survey', () => {
    const none = trendOf([AUDITS[0]!, AUDITS[1]!]);
    expect(none.perception).toBeNull();
    expect(none.basis).toBe('combined');
    expect(pes(['trend', AUDITS[0]!, AUDITS[1]!, '--format', 'markdown']).stdout).not.toContain('What people said');
  });
});

describe('pes trend in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = (html: string, width = 1100) => openHtmlFile(browser, html, { name: 'trend.html', width });

  it('draws the band zones, a line per principle and overall, and names at the line ends that never overlap', async () => {
    const { page, problems } = await open(pes(['trend', ...AUDITS, '--format', 'html']).stdout);
    const series = 1 + audited.principles.length;
    expect(await page.locator('svg.trend rect.zone').count()).toBe(3);
    expect(await page.locator('svg.trend .zone-name').allTextContents()).toEqual(['strong', 'developing', 'gap']);
    expect(await page.locator('svg.trend g.series').count()).toBe(series);
    expect(await page.locator('svg.trend g.series .marker').count()).toBe(series * AUDITS.length);
    // Seven dash patterns and six marker shapes plus the overall's: no two lines drawn alike.
    const looks = await page.locator('svg.trend g.series').evaluateAll((groups) =>
      groups.map((group) => `${group.querySelector('path')?.getAttribute('stroke')} ${group.querySelector('path')?.getAttribute('stroke-dasharray')} ${group.querySelector('.marker')?.outerHTML.split(' ')[0]}`),
    );
    expect(new Set(looks).size).toBe(series);
    const boxes = await page.locator('svg.trend .end-label text').evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(series);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left).toBe(true);
    }
    expect(await page.locator('svg.trend .end-label text').first().textContent()).toBe('Overall 92');
    expect(await page.locator('table.history tbody tr:not(.group)').count()).toBe(audited.practices.length);
    expect(await page.locator('table.perception tbody tr').count()).toBe(2 + audited.principles.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a hostile partnership name as text in the chart and the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-trend-hostile-'));
    const report = pes(['assess', join(ROOT, 'test/fixtures/partnerships/hostile.yaml'), '--format', 'json']).stdout;
    writeFileSync(join(dir, 'a.json'), report);
    const { page, problems } = await open(pes(['trend', 'a.json', '--format', 'html'], { cwd: dir }).stdout);
    const name = '<script>alert(1)</script> & "Partners" | ok';
    expect(await page.locator('h1').innerText()).toBe(name);
    expect(await page.locator('svg.trend > title').textContent()).toBe(`Partnership health of ${name} over time, over the band zones`);
    expect(await page.locator('script').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
