/**
 * Nothing lost: the workshop server killed with SIGKILL mid-workshop, three times,
 * with phones answering all the while. After each kill, every answer a phone saw
 * acknowledged is checked on disk one by one; the same command (once with --resume)
 * brings the server back on the same port, the phones' queues carry on, and at the
 * end every response is complete and holds exactly what its phone sent. A real
 * browser phone does the same through its page. Two workshops cannot share a folder.
 */
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { pes, ROOT } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';
import { freePort, http, pause, SimulatedPhone, startWorkshop, type RunningWorkshop } from '../helpers/workshop.js';

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const rubric = await builtinRubric();
const running: RunningWorkshop[] = [];
afterEach(async () => {
  for (const workshop of running.splice(0)) if (workshop.child.exitCode === null) await workshop.kill9();
});

async function start(args: string[]): Promise<RunningWorkshop> {
  const workshop = await startWorkshop(args);
  running.push(workshop);
  return workshop;
}

interface OnDisk {
  respondent: Record<string, string>;
  answers: Record<string, number | string>;
  comments?: Record<string, string>;
  complete: boolean;
  source: string;
}

function fileOf(dir: string, phone: SimulatedPhone): OnDisk | null {
  const id = phone.token!.slice(0, phone.token!.lastIndexOf('.'));
  try {
    return parse(readFileSync(join(dir, `${id}.yaml`), 'utf8')) as OnDisk;
  } catch {
    return null;
  }
}

/** Every acknowledged operation, one by one, is in the phone's file as it was sent. */
function expectAcknowledgedOnDisk(dir: string, phones: readonly SimulatedPhone[]): number {
  let checked = 0;
  for (const phone of phones) {
    if (phone.acknowledged.length === 0) continue;
    const file = fileOf(dir, phone);
    expect(file, `the file of ${phone.address}`).not.toBeNull();
    for (const op of phone.acknowledged) {
      if (op.kind === 'answer') expect(file!.answers[op.practice], `${phone.address} ${op.practice}`).toBe(op.answer);
      if (op.kind === 'comment') expect(file!.comments?.[op.principle], `${phone.address} comment ${op.principle}`).toBe(op.text);
      if (op.kind === 'profile') expect(file!.respondent.sector).toBe(op.sector);
      checked++;
    }
  }
  return checked;
}

describe('pes workshop under SIGKILL', { timeout: 240_000 }, () => {
  it('loses no acknowledged answer across three kills, and the phones carry on to complete responses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-workshop-kill-'));
    const args = [MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', String(await freePort())];
    let workshop = await start(args);
    const base = workshop.base;
    // Seeded, so a failure names the case that reproduces it.
    const [kills, answers] = fc.sample(
      fc.tuple(fc.array(fc.integer({ min: 0, max: 250 }), { minLength: 3, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 8 * rubric.practices.length, maxLength: 8 * rubric.practices.length })),
      { numRuns: 1, seed: 20261202 },
    )[0]!;
    const value = (phone: number, practice: number): number | 'dont_know' => {
      const drawn = answers[phone * rubric.practices.length + practice]!;
      return drawn === 6 ? 'dont_know' : drawn;
    };
    const phones = Array.from({ length: 8 }, (_, index) => new SimulatedPhone(base, workshop.code, `127.0.0.${20 + index}`));
    const sectors = ['private', 'public', 'civil_society', 'community'] as const;
    const runs = phones.map(async (phone, index) => {
      await phone.join();
      phone.enqueue({ kind: 'profile', sector: sectors[index % sectors.length] });
      await phone.flush();
      for (const [number, practice] of rubric.practices.entries()) {
        phone.enqueue({ kind: 'answer', practice: practice.id, answer: value(index, number) });
        if (number % 9 === 8) phone.enqueue({ kind: 'comment', principle: practice.principle, text: `phone ${index} on ${practice.principle}` });
        await phone.flush();
        await pause(5 + ((index * 7 + number * 13) % 40));
      }
    });

    const acknowledged = () => phones.reduce((sum, phone) => sum + phone.acknowledged.length, 0);
    for (const [round, delay] of kills.entries()) {
      // Mid-workshop: once the room has answered a good deal more since the last kill, at a random moment.
      const target = acknowledged() + 40;
      while (acknowledged() < target) await pause(10);
      await pause(delay);
      await workshop.kill9();
      const checked = expectAcknowledgedOnDisk(dir, phones);
      expect(checked).toBeGreaterThan(0);
      // The phones keep trying while the server is down; the same command brings it back (once as --resume).
      workshop = await start(round === 1 ? [...args, '--resume'] : args);
      expect(workshop.base).toBe(base);
      expect(workshop.output().stdout).toContain('Continuing the workshop started');
    }
    await Promise.all(runs);
    expectAcknowledgedOnDisk(dir, phones);

    const files = readdirSync(dir).filter((name) => !name.startsWith('.'));
    expect(files).toHaveLength(phones.length);
    phones.forEach((phone, index) => {
      const file = fileOf(dir, phone)!;
      expect(file.complete).toBe(true);
      expect(file.source).toBe('pes workshop');
      expect(rubric.practices.map((practice) => file.answers[practice.id])).toEqual(rubric.practices.map((_, number) => value(index, number)));
      phone.close();
    });
    // No temp file of a killed write is left once a server has started in the folder again.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const stopped = await workshop.stop();
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toContain(`Workshop stopped. ${phones.length} responses saved in ${dir} (${phones.length} complete).`);
    const command = /Assess them with: pes (.+)/.exec(stopped.stdout)![1]!.split(' ');
    const assessed = pes([...command, '--format', 'json']);
    expect(assessed.stderr).toBe('');
    expect(JSON.parse(assessed.stdout).survey).toMatchObject({ respondents: phones.length, complete: phones.length });
  });

  it('a phone in a real browser keeps answering while the server is down, and its queue reaches the disk after the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-workshop-browser-kill-'));
    const args = [MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', String(await freePort())];
    let workshop = await start(args);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(workshop.joinUrl);
      await page.tap('text=Start');
      await page.tap('text=Continue');
      const answer = async (index: number, value: number) => {
        await page.locator('#position').filter({ hasText: `Statement ${index + 1} of` }).waitFor();
        await page.tap(`[data-answer="${value}"]`);
      };
      for (let index = 0; index < 2; index++) await answer(index, 4);
      await page.locator('#app[data-queue="0"]').waitFor();
      await workshop.kill9();
      await answer(2, 2);
      await page.locator('#comment').waitFor();
      await page.fill('#comment', 'said while the server was down');
      await page.tap('text=Next');
      await answer(3, 5);
      await page.locator('.save.offline').filter({ hasText: 'kept on this phone' }).waitFor({ timeout: 20_000 });
      workshop = await start(args);
      await page.locator('#app[data-queue="0"]').waitFor({ timeout: 20_000 });
      const [file] = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
      const saved = parse(readFileSync(join(dir, file!), 'utf8')) as OnDisk;
      expect(rubric.practices.slice(0, 4).map((practice) => saved.answers[practice.id])).toEqual([4, 4, 2, 5]);
      expect(saved.comments).toEqual({ purpose: 'said while the server was down' });
      // And a reload after all that resumes at the next statement.
      await page.reload();
      await page.locator('#position').filter({ hasText: 'Statement 5 of' }).waitFor();
    } finally {
      await browser.close();
    }
  });
});

describe('a write that fails', { timeout: 60_000 }, () => {
  it('is not acknowledged: the phone keeps the answer, the terminal hears of it once, and the next try saves it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-workshop-fail-'));
    const workshop = await start([MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', '0']);
    const phone = new SimulatedPhone(workshop.base, workshop.code, '127.0.0.90');
    await phone.join();
    phone.enqueue({ kind: 'answer', practice: rubric.practices[0]!.id, answer: 2 });
    await phone.flush();
    // The response file's place taken by a folder: every rename onto it fails (as a full disk would fail the write).
    const file = join(dir, `${phone.token!.split('.')[0]}.yaml`);
    rmSync(file);
    mkdirSync(join(file, 'blocker'), { recursive: true });
    for (const practice of rubric.practices.slice(1, 4)) phone.enqueue({ kind: 'answer', practice: practice.id, answer: 5 });
    const sending = phone.flush();
    while (!workshop.output().stderr.includes('answers not saved')) await pause(20);
    await pause(500);
    expect(phone.pending()).toBe(3);
    expect(phone.acknowledged).toHaveLength(1);
    expect(workshop.output().stderr).toBe('pes workshop: answers not saved (cannot write the file: is a directory); the phones keep them and send them again\n');
    rmSync(file, { recursive: true });
    await sending;
    const saved = parse(readFileSync(file, 'utf8')) as OnDisk;
    expect(rubric.practices.slice(0, 4).map((practice) => saved.answers[practice.id])).toEqual([2, 5, 5, 5]);
    phone.close();
    await workshop.stop();
  });
});

describe('one workshop per folder', { timeout: 60_000 }, () => {
  it('refuses a second workshop on a folder in use, with a clear message and exit 2, and leaves the first one running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-workshop-lock-'));
    const first = await start([MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', '0']);
    const second = pes(['workshop', MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', '0']);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: another pes workshop is using this folder \\(pid ${first.child.pid} on .+, since .+\\); stop it first or choose another --dir\\. If none is running, delete .+lock\\n$`));
    expect((await http(`${first.base}/`)).status).toBe(200);
    await first.stop();
    const again = await start([MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', '0']);
    await again.stop();
  });

  it('--resume on a folder without a workshop says so, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-workshop-none-'));
    cpSync(join(ROOT, 'examples/responses/mature-coalition'), dir, { recursive: true });
    const result = pes(['workshop', MATURE, '--dir', dir, '--host', '127.0.0.1', '--port', '0', '--resume']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${dir}: no workshop to resume in this folder; run the command without --resume to start one\n`);
  });
});
