// The workshop under a full room: N simulated participants (the page's protocol,
// each from a loopback address of its own) join at once and answer every statement
// concurrently, with the projector connected and revealed part-way, so the report is
// rebuilt while they answer. Measures the latency of each answer request (sent to
// acknowledged, which means written and fsynced) and the server's peak RSS, and
// checks that every answer reached its file exactly once. Run by bench/workshop.mjs;
// test/bench/workshop-smoke.test.ts runs a small room so it cannot rot.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadRubric } from '../src/load/rubric.js';
import { CHECKS } from '../src/checks/index.js';
import { facilitatorCookie, freePort, http, pause, SimulatedPhone, startWorkshop } from '../test/helpers/workshop.js';

export interface LoadSettings {
  participants: number;
  /** Pause before each answer, drawn from 0 to twice this (a person reads the statement); 0 answers as fast as acknowledged. */
  meanThinkMs: number;
  root: string;
}

export interface LoadResult {
  participants: number;
  statements: number;
  meanThinkMs: number;
  answerRequests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  peakRssMb: number;
  /** CPU time the server process used, per answer request: what the latency costs on a machine to itself. */
  serverCpuMsPerRequest: number;
  seconds: number;
  lostAnswers: number;
  duplicatedAnswers: number;
  responseFiles: number;
}

export async function runLoad({ participants, meanThinkMs, root }: LoadSettings): Promise<LoadResult> {
  const rubricFile = join(root, 'rubrics/pes-27.yaml');
  const loaded = await loadRubric(rubricFile, readFileSync(rubricFile, 'utf8'), CHECKS);
  if (!loaded.ok) throw new Error('the rubric does not load');
  const practices = loaded.rubric.practices;
  const dir = mkdtempSync(join(tmpdir(), 'pes-workshop-load-'));
  const workshop = await startWorkshop([join(root, 'examples/mature-coalition.yaml'), '--dir', dir, '--host', '127.0.0.1', '--port', String(await freePort()), '--max-participants', String(participants)], {
    nodeArgs: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
  });
  const pid = workshop.child.pid!;
  let seed = 20261202;
  // A small seeded generator, so every run asks the server the same questions in the same rhythm.
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sectors = ['private', 'public', 'civil_society', 'community', 'academic', 'funder'] as const;

  try {
    const cookie = await facilitatorCookie(workshop);
    const projector = openProjector(workshop.base, cookie);
    const phones = Array.from({ length: participants }, (_, index) => new SimulatedPhone(workshop.base, workshop.code, `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`));
    const sent = phones.map(() => new Map<string, number | 'dont_know'>());
    const started = performance.now();
    let revealed = false;
    const runs = phones.map(async (phone, index) => {
      // People scan the code within a few seconds of each other, and take a moment over the profile.
      if (meanThinkMs > 0) await pause(random() * 2 * meanThinkMs);
      await phone.join();
      if (meanThinkMs > 0) await pause(random() * 2 * meanThinkMs);
      phone.enqueue({ kind: 'profile', sector: sectors[index % sectors.length], role: index % 3 === 0 ? 'leadership' : 'partner_staff' });
      await phone.flush();
      for (const practice of practices) {
        if (meanThinkMs > 0) await pause(random() * 2 * meanThinkMs);
        const drawn = 1 + Math.floor(random() * 6);
        const answer = drawn === 6 ? ('dont_know' as const) : drawn;
        sent[index]!.set(practice.id, answer);
        phone.enqueue({ kind: 'answer', practice: practice.id, answer });
        await phone.flush();
      }
      phone.enqueue({ kind: 'comment', principle: practices.at(-1)!.principle, text: `participant ${index}` });
      await phone.flush();
      if (!revealed) {
        // The facilitator reveals as soon as enough people are done; from then on the report is rebuilt as answers arrive.
        const reply = await http(`${workshop.base}/api/facilitator/reveal`, { method: 'POST', body: '', headers: { cookie, 'x-pes-facilitator': '1', 'content-type': 'application/json' } });
        if (reply.status === 200) revealed = true;
      }
    });
    let peakRssMb = 0;
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, peakRss(pid))), 100);
    await Promise.all(runs);
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    peakRssMb = Math.max(peakRssMb, peakRss(pid));
    const serverCpuMs = cpuTime(pid);
    projector.close();
    for (const phone of phones) phone.close();
    const stopped = await workshop.stop();
    if (stopped.status !== 0) throw new Error(`the workshop ended with ${stopped.status}: ${stopped.stderr}`);

    // Every answer sent is in its participant's file, once: one file per participant, one key per statement.
    const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
    let lostAnswers = 0;
    let duplicatedAnswers = 0;
    const seen = new Set<string>();
    phones.forEach((phone, index) => {
      const id = phone.token!.slice(0, phone.token!.lastIndexOf('.'));
      const text = readFileSync(join(dir, `${id}.yaml`), 'utf8');
      const response = parse(text) as { answers: Record<string, unknown>; complete: boolean };
      if (seen.has(id)) duplicatedAnswers += practices.length;
      seen.add(id);
      for (const [practice, answer] of sent[index]!) if (response.answers[practice] !== answer) lostAnswers++;
      // A key written twice would not survive parsing as two: count the lines of the answers block instead.
      const lines = text.split('\n');
      const block = lines.slice(lines.indexOf('answers:') + 1);
      const end = block.findIndex((line) => !line.startsWith('  '));
      const answerLines = end < 0 ? block.length : end;
      duplicatedAnswers += answerLines - Object.keys(response.answers).length;
    });
    duplicatedAnswers += files.length - participants;
    const latencies = phones.flatMap((phone) => phone.latencies).sort((a, b) => a - b);

    const at = (share: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]!);
    return {
      participants,
      statements: practices.length,
      meanThinkMs,
      answerRequests: latencies.length,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: round(latencies.at(-1)!),
      peakRssMb: round(peakRssMb),
      serverCpuMsPerRequest: Math.round((serverCpuMs / latencies.length) * 100) / 100,
      seconds: round(seconds),
      lostAnswers,
      duplicatedAnswers,
      responseFiles: files.length,
    };
  } finally {
    if (workshop.child.exitCode === null) await workshop.kill9();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The projector's event stream, read and thrown away, as the page would render it. */
function openProjector(base: string, cookie: string): { close(): void } {
  const controller = new AbortController();
  void fetch(`${base}/api/facilitator/events`, { headers: { cookie }, signal: controller.signal })
    .then(async (response) => {
      for await (const _chunk of response.body!) void _chunk;
    })
    .catch(() => undefined);
  return { close: () => controller.abort() };
}

/** The process's peak resident set (VmHWM), in MB. */
function peakRss(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return 0;
  }
}

/** User and system CPU time of the whole process (every thread), in ms, from /proc. */
function cpuTime(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
