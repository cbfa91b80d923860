/**
 * The HTML handout in a real browser: it reads on a phone without scrolling sideways,
 * prints the mature example with its survey on page one plus a page per nine practices (four A4
 * pages for the built-in rubric), draws every chart
 * without console errors, shows hostile names as text inside its SVGs, and gives the
 * partner audience no YAML path or line number (docs/handout.md).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openHtmlFile } from '../helpers/browser.js';
import { pes } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';

const MATURE = ['examples/mature-coalition.yaml', '--responses', 'examples/responses/mature-coalition'];
const HOSTILE = 'test/fixtures/partnerships/hostile.yaml';

/**
 * The paper budget: page one (score, story, radar, top actions), then the practices at nine to a
 * page. It follows the rubric, so a rubric with more practices may print longer, never looser per practice.
 */
const PRACTICES_PER_PAGE = 9;

/** A YAML path as the coordinator reads one (`partners[].agreement`, `communications.roi_narratives`), or a line reference. */
const FILE_TALK = /[a-z_]+\[\d*\]\.[a-z_]+|\b[a-z]+_?[a-z]*\.[a-z]+_[a-z_]+\b|\(line \d+|\bline \d+|priority \d/;

function visibleText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
}

describe('the HTML handout', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());

  const open = (html: string, width = 1280) => openHtmlFile(browser, html, { width });

  it('draws every chart of the mature example with its survey, with no console errors', async () => {
    const { page, problems } = await open(pes(['assess', ...MATURE, '--format', 'html']).stdout);
    for (const chart of ['svg.perception-radar', 'svg.answer-distribution', 'svg.group-heatmap']) expect(await page.locator(chart).count(), chart).toBe(1);
    expect(await page.locator('svg.perception-radar g[data-shape="perception"]').count()).toBe(1);
    expect(await page.locator('.card-grid li.card').count()).toBe(await page.locator('article.practice').count());
    expect(await page.locator('svg.group-heatmap g[data-mean]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('at 390 px nothing scrolls sideways', async () => {
    for (const args of [MATURE, [HOSTILE]]) {
      const { page } = await open(pes(['assess', ...args, '--format', 'html']).stdout, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, args[0]).toBe(0);
      await page.close();
    }
  });

  it('prints the mature example with its survey on page one plus a page per nine practices, the radar and top actions on page 1', async () => {
    const budget = 1 + Math.ceil((await builtinRubric()).practices.length / PRACTICES_PER_PAGE);
    const { page } = await open(pes(['assess', ...MATURE, '--format', 'html']).stdout);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(budget);
    // Page one ends after the top actions (break-after), so they must fit in one A4 page of content.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1032 });
    const pageOne = await page.evaluate(() => document.querySelector('.page-one')!.getBoundingClientRect().height);
    expect(pageOne).toBeLessThanOrEqual(1032);
    await page.close();
  });

  it('shows hostile names as text inside the SVGs', async () => {
    const { page, problems } = await open(pes(['assess', HOSTILE, '--format', 'html']).stdout);
    expect(await page.locator('svg.perception-radar title').first().textContent()).toContain('<script>alert(1)</script> & "Partners" | ok');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gives partners no YAML path, line number or priority figure; the coordinator keeps them', () => {
    const partners = pes(['assess', ...MATURE, '--format', 'html']).stdout;
    const coordinator = pes(['assess', ...MATURE, '--format', 'html', '--audience', 'coordinator']).stdout;
    expect(visibleText(partners)).not.toMatch(FILE_TALK);
    expect(visibleText(coordinator)).toMatch(/\(line \d+\)/);
    expect(visibleText(coordinator)).toContain('communications.roi_narratives');
    expect(visibleText(coordinator)).toMatch(/priority \d/);
    expect(visibleText(partners)).toContain('ROI narratives');
  });
});
