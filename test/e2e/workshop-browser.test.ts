/**
 * A workshop in a real headless Chromium: phones of different sizes, with touch,
 * answer at the same time on a folder that already holds earlier responses; one
 * reloads mid-way and resumes, one loses its connection for a few statements. The
 * projector refuses to show results before Reveal, then shows exactly the numbers
 * `pes assess --responses` (the built binary) gives on the folder, and keeps them
 * live. Screenshots of every page are written for a person to look at.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses } from '../../src/cli/workshop-network.js';
import type { Report } from '../../src/model/report.js';
import { launchBrowser } from '../helpers/browser.js';
import { pes, ROOT } from '../helpers/cli.js';
import { builtinRubric, completeResponseFiles } from '../helpers/rubric.js';
import { facilitatorCookie, http, startWorkshop, type RunningWorkshop } from '../helpers/workshop.js';

const MATURE = 'examples/mature-coalition.yaml';
const rubric = await builtinRubric();
const statements = rubric.practices.length;
const EXAMPLE_RESPONSES = join(ROOT, 'examples/responses/mature-coalition');
/** The example responses the folder starts with, and how many of them answer every practice of the rubric. */
const EXAMPLES = readdirSync(EXAMPLE_RESPONSES).length;
const EXAMPLES_COMPLETE = completeResponseFiles(EXAMPLE_RESPONSES, rubric);
const shots = process.env.PES_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'pes-workshop-screenshots-'));
mkdirSync(shots, { recursive: true });

let browser: Browser;
let workshop: RunningWorkshop;
let dir: string;
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pes-workshop-browser-'));
  cpSync(EXAMPLE_RESPONSES, dir, { recursive: true });
  // On every network, as a consultant runs it: the phones use the laptop's LAN address, as printed.
  workshop = await startWorkshop([MATURE, '--dir', dir, '--port', '0']);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (workshop && workshop.child.exitCode === null) await workshop.kill9();
  // Where the screenshots are, for the person reviewing them.
  process.stdout.write(`workshop screenshots: ${shots}\n`);
});

const PHONES = [
  { name: 'phone-360', viewport: { width: 360, height: 740 } },
  { name: 'phone-375', viewport: { width: 375, height: 667 } },
  { name: 'phone-390', viewport: { width: 390, height: 844 } },
  { name: 'phone-412', viewport: { width: 412, height: 915 } },
];

async function phone(name: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
  // The browser logs each request that fails while a phone is deliberately offline; anything else is a problem.
  page.on('console', (message) => message.type() === 'error' && !message.text().includes('ERR_INTERNET_DISCONNECTED') && problems.push(`${name}: ${message.text()}`));
  return { context, page };
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

/** Nothing on the page is wider than the screen: no sideways scrolling on a phone. */
async function expectFitsWidth(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function waitForStatement(page: Page, index: number): Promise<void> {
  await page.locator('#position').filter({ hasText: new RegExp(`^Statement ${index + 1} of ${statements}$`) }).waitFor();
}

interface Plan {
  organisation?: string;
  answer: (index: number) => number | 'dont_know';
  comment?: string;
  during?: (page: Page, index: number, context: BrowserContext) => Promise<void>;
  shots?: boolean;
}

async function completeSurvey(page: Page, context: BrowserContext, name: string, plan: Plan): Promise<void> {
  await page.goto(workshop.joinUrl);
  await page.locator('h2', { hasText: 'Anonymous' }).waitFor();
  if (plan.shots) await shoot(page, `${name}-consent`);
  await expectFitsWidth(page);
  await page.tap('text=Start');
  await page.locator('#organisation-search').waitFor();
  if (plan.organisation) {
    await page.fill('#organisation-search', plan.organisation.slice(0, 5));
    await page.locator('[data-partner]').first().tap();
    // Picking a partner fills in its sector.
    expect(await page.locator('#sector').inputValue()).not.toBe('');
  } else {
    await page.tap('text=Prefer not to say');
  }
  if (plan.shots) await shoot(page, `${name}-profile`, true);
  await expectFitsWidth(page);
  await page.tap('text=Continue');
  for (let index = 0; index < statements; index++) {
    await waitForStatement(page, index);
    if (plan.shots && index === 5) {
      await shoot(page, `${name}-statement`);
      await expectFitsWidth(page);
    }
    await plan.during?.(page, index, context);
    if ((await page.locator('#position').textContent()) !== `Statement ${index + 1} of ${statements}`) await waitForStatement(page, index);
    const value = plan.answer(index);
    await page.tap(`[data-answer="${value}"]`);
    if (await page.locator('#comment').count()) {
      if (plan.comment && index < 4) {
        await page.fill('#comment', plan.comment);
        if (plan.shots) await shoot(page, `${name}-comment`);
        await page.tap('text=Next');
      } else {
        await page.tap('text=Skip');
      }
    }
  }
  await page.locator('.summary').waitFor();
  if (plan.shots) await shoot(page, `${name}-done`, true);
}

function withoutInputs(report: Report): Omit<Report, 'inputs'> {
  const { inputs: _inputs, ...rest } = report;
  return rest;
}

describe('a workshop in the browser', { timeout: 300_000 }, () => {
  let projector: Page;
  let assessed: Report;

  it('phones join and answer at the same time; one reloads mid-way and resumes, one loses its connection and catches up', async () => {
    expect(new URL(workshop.joinUrl).hostname).toBe(lanAddresses()[0] ?? '127.0.0.1');
    projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    projector.on('pageerror', (error) => problems.push(`projector: ${error.message}`));
    projector.on('console', (message) => message.type() === 'error' && problems.push(`projector: ${message.text()}`));
    await projector.goto(workshop.facilitatorUrl);
    // The key is not left in the address bar the room can read.
    expect(projector.url()).toBe(`${new URL(workshop.facilitatorUrl).origin}/facilitator`);
    await projector.locator('[data-count="joined"]').filter({ hasText: '0' }).waitFor();

    const phones = await Promise.all(PHONES.map(({ name, viewport }) => phone(name, viewport)));
    const plans: Plan[] = [
      { organisation: 'FreshWay Grocers', answer: (index) => (index % 5) + 1, comment: 'Meetings run long; <b>not</b> bold', shots: true },
      { answer: (index) => (index % 3 === 0 ? 'dont_know' : 2) },
      {
        organisation: 'Mutual Kitchen',
        answer: (index) => 5 - (index % 5),
        shots: true,
        during: async (page, index) => {
          if (index !== 12) return;
          await page.locator('#app[data-queue="0"]').waitFor();
          await page.reload();
          await waitForStatement(page, 12);
          await page.locator('text=Welcome back: 12 of').waitFor();
        },
      },
      {
        organisation: 'Cedar Valley Community Foundation',
        answer: () => 4,
        during: async (page, index, context) => {
          if (index === 4) await context.setOffline(true);
          if (index === 8) {
            await page.locator('.save.offline').filter({ hasText: 'kept on this phone' }).waitFor();
            await shoot(page, 'phone-412-offline');
            await context.setOffline(false);
          }
        },
      },
    ];
    await projector.locator('[data-count="joined"]').waitFor();
    await Promise.all(phones.map(({ page, context }, index) => completeSurvey(page, context, PHONES[index]!.name, plans[index]!)));
    for (const { page } of phones) await page.locator('#app[data-queue="0"]').waitFor();
    await projector.locator('[data-count="complete"]').filter({ hasText: String(PHONES.length) }).waitFor();
    await shoot(projector, 'projector-1280-waiting');
    await Promise.all(phones.map(({ context }) => context.close()));
  });

  it('hides the results until Reveal, then shows exactly the numbers of `pes assess --responses` on the folder', async () => {
    expect(await projector.locator('[data-fragment="radar"]').innerHTML()).toBe('');
    const cookie = await facilitatorCookie(workshop);
    expect((await http(`${workshop.base}/api/facilitator/report`, { headers: { cookie } })).status).toBe(409);

    await projector.click('#reveal');
    await projector.locator('svg.perception-radar').waitFor();
    const shown = (await http(`${workshop.base}/api/facilitator/report`, { headers: { cookie } })).json<Report>();
    const command = ['assess', MATURE, '--responses', dir, '--as-of', shown.asOf, '--format', 'json'];
    const result = pes(command);
    expect(result.stderr).toBe('');
    assessed = JSON.parse(result.stdout) as Report;
    expect(assessed.survey).toMatchObject({ respondents: EXAMPLES + PHONES.length, complete: EXAMPLES_COMPLETE + PHONES.length });
    expect(withoutInputs(shown)).toEqual(withoutInputs(assessed));

    // And what the page shows is that report: the radar's values ...
    const radar = await projector.locator('svg.perception-radar tspan[data-shape]').allTextContents();
    expect(radar).toEqual(assessed.principles.flatMap((principle) => [String(Math.round(principle.evidenceScore!)), String(Math.round(principle.perception!.score!))]));
    await shoot(projector, 'projector-1280-overview');

    // ... every statement's mean ...
    await projector.click('#tabs button[data-view="answers"]');
    const means = await projector.locator('svg.answer-distribution [data-mean]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-mean')));
    expect(means).toEqual(assessed.practices.map((practice) => practice.perception!.mean!.toFixed(1)));
    await shoot(projector, 'projector-1280-answers');

    // ... and every group mean, with the same groups withheld.
    await projector.click('#tabs button[data-view="groups"]');
    const groups = await projector
      .locator('svg.group-gaps g[data-group]')
      .evaluateAll((nodes) => nodes.map((node) => [Number(node.getAttribute('data-practice')), node.getAttribute('data-dimension'), node.getAttribute('data-group'), Number(node.getAttribute('data-mean'))]));
    const expected = assessed.disagreements
      .filter((entry) => entry.widestGroupGap && entry.widestGroupGap.gap > 0)
      .flatMap((entry) =>
        assessed.practices[entry.practice - 1]!.perception!.groups.filter((group) => group.dimension === entry.widestGroupGap!.dimension).map((group) => [entry.practice, group.dimension, group.group, group.mean]),
      );
    expect(groups.length).toBeGreaterThan(0);
    expect([...groups].sort()).toEqual([...expected].sort());
    await shoot(projector, 'projector-1280-groups');
    for (const view of ['signals', 'discussion']) {
      await projector.click(`#tabs button[data-view="${view}"]`);
      await shoot(projector, `projector-1280-${view}`);
    }
    const guide = await projector.locator('#discussion .guide > li').count();
    expect(guide).toBe(assessed.discussion.length);
  });

  it('walks the room through the discussion guide one question at a time, from the keyboard or a clicker', async () => {
    await projector.click('#walk-open');
    await projector.locator('.walk.open').waitFor();
    for (const [index, item] of assessed.discussion.entries()) {
      await projector.locator('#walk-step .step-question').filter({ hasText: item.question }).waitFor();
      expect(await projector.locator('#walk-step .step-count').textContent()).toContain(`Question ${index + 1} of ${assessed.discussion.length}`);
      if (index === 0) await shoot(projector, 'projector-1280-next-question');
      await projector.keyboard.press('PageDown');
    }
    await projector.keyboard.press('Escape');
    expect(await projector.locator('.walk.open').count()).toBe(0);
  });

  it('updates the projector live as another phone answers after Reveal', async () => {
    const before = Number(await projector.locator('[data-count="joined"]').textContent());
    const { context, page } = await phone('late', { width: 390, height: 844 });
    await completeSurvey(page, context, 'late', { answer: () => 1 });
    await page.locator('#app[data-queue="0"]').waitFor();
    await projector.click('#tabs button[data-view="overview"]');
    await projector.locator('.figures').filter({ hasText: `${EXAMPLES + PHONES.length + 1} (${EXAMPLES_COMPLETE + PHONES.length + 1} complete)` }).waitFor({ timeout: 15_000 });
    expect(before).toBe(PHONES.length);
    await context.close();
  });

  it('fits a 1920x1080 projector, prints as a handout, and saves one as a file', async () => {
    const large = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await large.context().addCookies([{ name: (await facilitatorCookie(workshop)).split('=')[0]!, value: (await facilitatorCookie(workshop)).split('=')[1]!, url: workshop.base }]);
    await large.goto(`${workshop.base}/facilitator`);
    await large.locator('svg.perception-radar').waitFor();
    await shoot(large, 'projector-1920-overview');
    await large.click('#tabs button[data-view="answers"]');
    await shoot(large, 'projector-1920-answers');
    await large.emulateMedia({ media: 'print' });
    // On paper every view is there, and none of the buttons.
    for (const id of ['overview', 'answers', 'groups', 'signals', 'discussion']) expect(await large.locator(`#${id}`).isVisible()).toBe(true);
    expect(await large.locator('#reveal, #hide, #tabs').evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length)).toBe(0);
    await shoot(large, 'projector-print', true);
    await large.pdf({ path: join(shots, 'handout.pdf'), format: 'A4' });
    await large.close();

    const cookie = await facilitatorCookie(workshop);
    const handout = await http(`${workshop.base}/facilitator/handout`, { headers: { cookie } });
    expect(handout.status).toBe(200);
    expect(handout.headers['content-disposition']).toMatch(/^attachment; filename="workshop-handout-\d{4}-\d{2}-\d{2}\.html"$/);
    expect(handout.body).not.toContain('<script');
    expect(handout.body).toContain('svg class="answer-distribution"');
    // The saved file reads on its own: the overall score stands out from its box (the report's stylesheet colours band words too).
    const saved = await browser.newPage();
    await saved.setContent(handout.body);
    const [ink, paper] = await saved.locator('.overall .score').evaluate((node) => [getComputedStyle(node).color, getComputedStyle(node.parentElement!).backgroundColor]);
    expect(ink).toBe('rgb(255, 255, 255)');
    expect(paper).not.toBe(ink);
    await saved.close();
  });

  it('Ctrl-C stops the workshop and prints the count and the exact command, which gives the same numbers', async () => {
    expect(problems).toEqual([]);
    const stopped = await workshop.stop();
    expect(stopped.status).toBe(0);
    // Nothing went wrong on the way, the report thread included (it says so if it ever falls back).
    expect(stopped.stderr).toBe('');
    const total = EXAMPLES + PHONES.length + 1;
    expect(stopped.stdout).toContain(`Workshop stopped. ${total} responses saved in ${dir} (${EXAMPLES_COMPLETE + PHONES.length + 1} complete, ${PHONES.length + 1} of them from this workshop).`);
    const command = /Assess them with: pes (.+)/.exec(stopped.stdout)![1]!.split(' ');
    expect(command).toEqual(['assess', MATURE, '--responses', dir, '--as-of', assessed.asOf]);
    const again = JSON.parse(pes([...command, '--format', 'json']).stdout) as Report;
    expect(again.survey!.respondents).toBe(total);
  });
});
