/**
 * The workshop server from the outside, as someone in the room (or next door) would
 * try it: no code, wrong codes, a participant reaching for facilitator data or for
 * another person's answers, oversized and malformed bodies, hostile names in the
 * partnership file and in what people type, a flood of requests. Each is refused
 * with the right status, reveals nothing, and the server keeps serving everyone else.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';
import { facilitatorCookie, http, SimulatedPhone, startWorkshop, type RunningWorkshop } from '../helpers/workshop.js';

const HOSTILE = join(ROOT, 'test/fixtures/partnerships/hostile.yaml');
const HOSTILE_NAME = '<script>alert(1)</script> & "Partners" | ok';
const IMG = '<img src=x onerror=alert(3)>';
const rubric = await builtinRubric();
const connections = join(mkdtempSync(join(tmpdir(), 'pes-connections-')), 'log');
writeFileSync(connections, '');

let workshop: RunningWorkshop;
let dir: string;
let cookie: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pes-workshop-security-'));
  workshop = await startWorkshop([HOSTILE, '--dir', dir, '--host', '127.0.0.1', '--port', '0', '--max-participants', '40'], {
    env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/record-connections.cjs')}`, PES_CONNECTION_LOG: connections },
  });
  cookie = await facilitatorCookie(workshop);
});

afterAll(async () => {
  if (workshop.child.exitCode === null) await workshop.stop();
});

let nextAddress = 40;
/** Each caller gets a loopback address of its own, so one test's rate limit does not spill into the next. */
const from = () => `127.0.1.${nextAddress++}`;

async function joined(address = from()): Promise<SimulatedPhone> {
  const phone = new SimulatedPhone(workshop.base, workshop.code, address);
  await phone.join();
  return phone;
}

describe('joining needs the code', () => {
  it('refuses no code and a wrong code with 403, and the refusal names nothing of the workshop', async () => {
    const address = from();
    for (const path of ['/join/', '/join/WRONG1', `/join/${workshop.code.slice(0, 5)}`]) {
      const reply = await http(`${workshop.base}${path}`, { from: address });
      expect(reply.status).toBe(403);
      expect(reply.body).toContain('That code is not right');
      expect(reply.body).not.toContain('Partners');
      expect(reply.body).not.toContain(workshop.code);
    }
    const api = await http(`${workshop.base}/api/join`, { body: JSON.stringify({ code: 'WRONG1' }), from: address });
    expect(api.status).toBe(403);
    expect(api.json()).toEqual({ error: 'wrong_code', message: 'wrong join code' });
    expect((await http(`${workshop.base}/api/join`, { body: '{}', from: address })).status).toBe(400);
    // The code as people type it, in any case and with a dash, works.
    const typed = `${workshop.code.slice(0, 3).toLowerCase()}-${workshop.code.slice(3)}`;
    expect((await http(`${workshop.base}/join?code=${typed}`, { from: address })).headers.location).toBe(`/join/${workshop.code}`);
    expect((await http(`${workshop.base}/join/${workshop.code}`, { from: address })).status).toBe(200);
  });

  it('stops guessing after ten wrong codes from one address, even for the right code, while another address joins', async () => {
    const guesser = from();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) statuses.push((await http(`${workshop.base}/api/join`, { body: JSON.stringify({ code: `WRONG${attempt}` }), from: guesser })).status);
    expect(statuses).toEqual([...Array(10).fill(403), 429, 429]);
    const right = await http(`${workshop.base}/api/join`, { body: JSON.stringify({ code: workshop.code }), from: guesser });
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    await joined();
  });

  it('the facilitator key: wrong gets 403 revealing nothing; right sets an HttpOnly SameSite=Strict cookie and takes the key out of the address bar', async () => {
    const wrong = await http(`${workshop.base}/facilitator?key=not-the-key`, { from: from() });
    expect(wrong.status).toBe(403);
    expect(wrong.body).not.toContain('Partners');
    const right = await http(workshop.facilitatorUrl, { from: from() });
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe('/facilitator');
    expect(String(right.headers['set-cookie'])).toMatch(/^pes_facilitator_[0-9a-f]+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(String(right.headers['set-cookie'])).not.toContain(new URL(workshop.facilitatorUrl).searchParams.get('key'));
  });
});

describe('what a participant can reach', () => {
  it('refuses every facilitator page and endpoint to a participant token, and to no credentials at all', async () => {
    const phone = await joined();
    const address = from();
    for (const [method, path] of [
      ['GET', '/facilitator'],
      ['GET', '/facilitator/handout'],
      ['GET', '/api/facilitator/status'],
      ['GET', '/api/facilitator/report'],
      ['GET', '/api/facilitator/events'],
      ['POST', '/api/facilitator/reveal'],
      ['POST', '/api/facilitator/hide'],
    ] as const) {
      const attempts: Record<string, string>[] = [{ authorization: `Bearer ${phone.token}` }, {}, { authorization: `Bearer ${phone.token}`, 'x-pes-facilitator': '1', cookie: 'pes_facilitator_x=guess' }];
      for (const headers of attempts) {
        const reply = await http(`${workshop.base}${path}`, { method, headers, from: address, ...(method === 'POST' ? { body: '' } : {}) });
        expect(reply.status, `${method} ${path}`).toBe(403);
        expect(reply.body).not.toContain('respondents');
      }
    }
  });

  it('sees only its own response: another person’s answers are in no reply, and a changed token is refused', async () => {
    const alice = await joined();
    const bob = await joined();
    alice.enqueue({ kind: 'answer', practice: rubric.practices[0]!.id, answer: 1 });
    await alice.flush();
    const bobsView = await http(`${workshop.base}/api/me`, { headers: { authorization: `Bearer ${bob.token}` }, from: bob.address });
    expect(bobsView.json()).toMatchObject({ saved: false, answers: {} });
    const aliceId = alice.token!.split('.')[0]!;
    const forged = `${aliceId}.${bob.token!.split('.')[1]}`;
    expect((await http(`${workshop.base}/api/me`, { headers: { authorization: `Bearer ${forged}` }, from: bob.address })).status).toBe(401);
  });

  it('the facilitator’s requests need the cookie and a header a cross-site form cannot send', async () => {
    const reply = await http(`${workshop.base}/api/facilitator/reveal`, { method: 'POST', body: '', headers: { cookie }, from: from() });
    expect(reply.status).toBe(403);
  });
});

describe('bad requests get 4xx, and the server carries on', () => {
  it('refuses an oversized body with 413, malformed or invalid values with 400, a form post with 415, and still answers', async () => {
    const phone = await joined();
    const headers = { authorization: `Bearer ${phone.token}` };
    const url = `${workshop.base}/api/answers`;
    const big = JSON.stringify({ ops: [{ seq: 1, kind: 'comment', principle: 'purpose', text: 'x'.repeat(100_000) }] });
    expect((await http(url, { body: big, headers, from: phone.address })).status).toBe(413);
    const cases: [string, string, number][] = [
      ['not JSON', '{"ops": [', 400],
      ['an answer of 7', JSON.stringify({ ops: [{ seq: 1, kind: 'answer', practice: rubric.practices[0]!.id, answer: 7 }] }), 400],
      ['an unknown practice', JSON.stringify({ ops: [{ seq: 1, kind: 'answer', practice: 'no-such', answer: 3 }] }), 400],
      ['a prototype key', JSON.stringify({ ops: [{ seq: 1, kind: 'answer', practice: '__proto__', answer: 3 }] }), 400],
      ['an unknown sector', JSON.stringify({ ops: [{ seq: 1, kind: 'profile', sector: 'mafia' }] }), 400],
      ['an extra field', JSON.stringify({ ops: [], admin: true }), 400],
    ];
    for (const [name, body, status] of cases) {
      const reply = await http(url, { body, headers, from: phone.address });
      expect(reply.status, name).toBe(status);
      expect(reply.json<{ error: string }>().error).toBe('bad_request');
    }
    expect((await http(url, { body: 'ops=1', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, from: phone.address })).status).toBe(415);
    expect((await http(`${workshop.base}/join/%E0%A4%A`, { from: phone.address })).status).toBe(403);
    // A phone that drops off mid-request (half a body, then gone) is no error of the server's.
    await new Promise<void>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: workshop.port, localAddress: phone.address }, () => {
        socket.write(`POST /api/answers HTTP/1.1\r\nHost: 127.0.0.1:${workshop.port}\r\nAuthorization: Bearer ${phone.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"ops":[`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    expect(readdirSync(dir).filter((name) => name.endsWith('.yaml'))).not.toContain(`${phone.token!.split('.')[0]}.yaml`);
    phone.enqueue({ kind: 'answer', practice: rubric.practices[0]!.id, answer: 4 });
    await phone.flush();
    expect(workshop.child.exitCode).toBeNull();
  });

  it('answers only to its own addresses as host names (no DNS rebinding), and grants no cross-origin access', async () => {
    const rebound = await http(`${workshop.base}/`, { headers: { host: `evil.example:${workshop.port}` }, from: from() });
    expect(rebound.status).toBe(403);
    const page = await http(`${workshop.base}/join/${workshop.code}`, { headers: { origin: 'http://evil.example' }, from: from() });
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await http(`${workshop.base}/api/answers`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' }, from: from() });
    expect(preflight.status).toBe(404);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends a Content-Security-Policy that runs only its own nonce’d script, and no other inline script', async () => {
    for (const path of [`/join/${workshop.code}`, '/facilitator', '/']) {
      const reply = await http(`${workshop.base}${path}`, { headers: { cookie }, from: from() });
      const policy = String(reply.headers['content-security-policy']);
      expect(policy).toMatch(/^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{24}'; style-src 'nonce-[A-Za-z0-9+/=]{24}'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'$/);
      const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
      for (const script of reply.body.match(/<script[^>]*>/g) ?? []) expect(script === '<script type="application/json" id="pes-data">' || script === `<script nonce="${nonce}">`).toBe(true);
      // No event-handler attribute in any tag (the hostile names' "onerror=" is escaped text in the JSON data).
      expect(reply.body).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(reply.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'cache-control': 'no-store' });
    }
  });

  it('cuts a flood of requests from one address down with 429 while another address is served at once, with no server error', async () => {
    const flooder = from();
    const phone = await joined();
    const statuses = new Map<number, number>();
    // A client hammering over keep-alive connections, as a script in a browser would.
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const flood = Array.from({ length: 3000 }, () =>
      http(`${workshop.base}/join/${workshop.code}`, { from: flooder, agent }).then(
        (reply) => statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1),
        () => statuses.set(0, (statuses.get(0) ?? 0) + 1),
      ),
    );
    const during = await http(`${workshop.base}/api/me`, { headers: { authorization: `Bearer ${phone.token}` }, from: phone.address });
    await Promise.all(flood);
    agent.destroy();
    expect(during.status).toBe(200);
    expect(statuses.get(429)).toBeGreaterThan(2500);
    expect([...statuses.keys()].sort()).toEqual([200, 429]);
  });

  it('sheds a flood of connections beyond its cap without crashing, stays within its memory, and serves again right after', async () => {
    const flooder = from();
    const outcomes = await Promise.all(Array.from({ length: 2000 }, () => http(`${workshop.base}/`, { from: flooder }).then((reply) => reply.status, () => 0)));
    expect(outcomes.filter((status) => status >= 500)).toEqual([]);
    const rss = Number(readFileSync(`/proc/${workshop.child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
    expect(rss).toBeLessThan(150);
    expect((await http(`${workshop.base}/`, { from: from() })).status).toBe(200);
    expect(workshop.child.exitCode).toBeNull();
  });
});

describe('hostile text is shown as text', { timeout: 120_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('partner names from the file and what people type, on the phone and on the projector: no markup runs, the words show', async () => {
    const dialogs: string[] = [];
    const violations: string[] = [];
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
    await page.goto(workshop.joinUrl);
    await page.locator('h1').filter({ hasText: HOSTILE_NAME }).waitFor();
    await page.tap('text=Start');
    await page.locator('#organisation-search').waitFor();
    const names = await page.locator('[data-partner]').allTextContents();
    expect(names).toContain('<img src=x onerror=alert(2)> | [click](http://evil.example) **bold** ![pixel](http://evil.example/p.png)');
    expect(names).toContain('=HYPERLINK("http://evil.example","click")');
    // Control characters shown as visible escapes, as in the terminal, not as raw bytes.
    expect(names).toContain('Bell\\x07 and \\x1b[31mred\\x1b[0m and \\x1b]52;c;ZXZpbA==\\x07 clipboard\\x0d\\x0a::error file=evil.yaml::pwned');
    // Every name fits its button: none is cut off.
    for (const button of await page.locator('[data-partner]').all()) {
      expect(await button.evaluate((node) => node.scrollHeight <= node.clientHeight + 1)).toBe(true);
    }
    await page.fill('#organisation-search', IMG);
    await page.tap(`text=Another organisation: “${IMG}”`);
    await page.tap('text=Continue');
    for (let index = 0; index < 3; index++) {
      await page.locator('#position').filter({ hasText: `Statement ${index + 1} of` }).waitFor();
      await page.tap('[data-answer="3"]');
    }
    await page.locator('#comment').fill(`</textarea><script>alert(4)</script>${IMG}`);
    await page.tap('text=Next');
    await page.locator('#app[data-queue="0"]').waitFor();
    await page.tap('text=Back');
    expect(await page.locator('#comment').inputValue()).toBe(`</textarea><script>alert(4)</script>${IMG}`);
    expect(await page.locator('img').count()).toBe(0);
    const file = readdirSync(dir).map((name) => join(dir, name)).find((path) => path.endsWith('.yaml') && readFileSync(path, 'utf8').includes('textarea'))!;
    expect((parse(readFileSync(file, 'utf8')) as { respondent: { organisation: string } }).respondent.organisation).toBe(IMG);

    // Two more people from the same typed organisation make a group the projector may show; a third completes enough for Reveal.
    for (const organisation of [IMG, IMG, 'Acme']) {
      const phone = await joined();
      phone.enqueue({ kind: 'profile', organisation, sector: 'other' });
      for (const practice of rubric.practices) phone.enqueue({ kind: 'answer', practice: practice.id, answer: organisation === IMG ? 1 : 5 });
      await phone.flush();
    }
    // The partnership's name reached the terminal too: with colour off, not one escape character.
    expect(workshop.output().stdout).toContain(HOSTILE_NAME);
    expect(workshop.output().stdout).not.toMatch(/\u001b/);

    const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    projector.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await projector.goto(workshop.facilitatorUrl);
    await projector.locator('#reveal:not([disabled])').click();
    await projector.locator('#tabs button[data-view="groups"]').click();
    await projector.locator('.dimensions li').filter({ hasText: `${IMG} (3)` }).waitFor();
    expect(await projector.title()).toBe(`Workshop: ${HOSTILE_NAME}`);
    expect(await projector.locator('img, script:not([nonce]):not([type="application/json"])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
    await projector.close();
  });
});

describe('the server talks to nothing outside the room', () => {
  it('made no outgoing connection and no DNS lookup in all of the above, and reported no internal error', () => {
    expect(readFileSync(connections, 'utf8')).toBe('');
    expect(workshop.output().stderr).toBe('');
  });
});
