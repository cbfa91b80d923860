/**
 * Runs `pes workshop` from the built binary, as a consultant would, and talks to it
 * over HTTP as a phone or the projector would. Also the simulated phone used by the
 * kill test and the load benchmark: the same protocol as the page's script (an
 * ordered queue, retried until the server acknowledges), over loopback addresses
 * of its own (127.0.0.x), as phones in a room each have their own address.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { BIN, ROOT } from './cli.js';
import type { Operation } from '../../src/workshop/protocol.js';

export interface RunningWorkshop {
  child: ChildProcessWithoutNullStreams;
  base: string;
  joinUrl: string;
  code: string;
  facilitatorUrl: string;
  port: number;
  output(): { stdout: string; stderr: string };
  /** Ctrl-C: resolves with the exit code and everything printed. */
  stop(): Promise<{ status: number | null; stdout: string; stderr: string }>;
  kill9(): Promise<void>;
}

/** `nodeArgs` go to node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
export async function startWorkshop(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<RunningWorkshop> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'workshop', ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!/facilitator\?key=\S+/.test(stdout)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`pes workshop did not start (exit ${child.exitCode}):\n${stdout}\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const joinUrl = /(http:\/\/\S+\/join\/(\S+))/.exec(stdout)!;
  const facilitatorUrl = /(http:\/\/\S+\/facilitator\?key=\S+)/.exec(stdout)![1]!;
  const base = new URL(joinUrl[1]!).origin;
  return {
    child,
    base,
    joinUrl: joinUrl[1]!,
    code: joinUrl[2]!,
    facilitatorUrl,
    port: Number(new URL(base).port),
    output: () => ({ stdout, stderr }),
    stop: async () => {
      child.kill('SIGINT');
      const status = await exited;
      return { status, stdout, stderr };
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface HttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json<T = unknown>(): T;
}

export interface HttpOptions {
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** A loopback address of the caller's own, such as 127.0.0.7. */
  from?: string;
  agent?: Agent;
  timeoutMs?: number;
}

export function http(url: string, options: HttpOptions = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const body = options.body;
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const req = httpRequest(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, localAddress: options.from, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The facilitator's cookie, from the projector link. */
export async function facilitatorCookie(workshop: RunningWorkshop): Promise<string> {
  const reply = await http(workshop.facilitatorUrl);
  if (reply.status !== 303) throw new Error(`facilitator login answered ${reply.status}`);
  return String(reply.headers['set-cookie']).split(';')[0]!;
}

type Unsequenced = Operation extends infer O ? (O extends Operation ? Omit<O, 'seq'> : never) : never;

/** A phone that answers by the page's protocol, without a browser. */
export class SimulatedPhone {
  token: string | null = null;
  private seq = 0;
  private queue: Operation[] = [];
  /** Operations the server acknowledged, in order: what this phone "saw saved". */
  readonly acknowledged: Operation[] = [];
  /** Milliseconds from sending an answer request to its acknowledgement, for each request that succeeded. */
  readonly latencies: number[] = [];
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private base: string,
    private readonly code: string,
    readonly address: string,
  ) {}

  moveTo(base: string): void {
    this.base = base;
  }

  async join(): Promise<void> {
    for (;;) {
      const reply = await this.send('/api/join', JSON.stringify({ code: this.code }), false);
      if (reply?.status === 200) {
        this.token = reply.json<{ token: string }>().token;
        return;
      }
      if (reply && reply.status !== 429 && reply.status < 500) throw new Error(`join refused: ${reply.status} ${reply.body}`);
      await pause(reply?.status === 429 ? 1000 : 200);
    }
  }

  enqueue(op: Unsequenced): void {
    this.queue.push({ ...op, seq: ++this.seq } as Operation);
  }

  pending(): number {
    return this.queue.length;
  }

  /** Sends until the queue is empty, waiting out a server that is down or busy, as the page does. */
  async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, 64);
      const started = performance.now();
      const reply = await this.send('/api/answers', JSON.stringify({ ops: batch }), true);
      if (reply?.status === 200) {
        this.latencies.push(performance.now() - started);
        const { acked } = reply.json<{ acked: number }>();
        this.acknowledged.push(...this.queue.filter((op) => op.seq <= acked));
        this.queue = this.queue.filter((op) => op.seq > acked);
        continue;
      }
      if (reply && reply.status !== 429 && reply.status < 500) throw new Error(`answers refused: ${reply.status} ${reply.body}`);
      await pause(reply?.status === 429 ? Number(reply.headers['retry-after'] ?? 1) * 1000 : 100);
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private async send(path: string, body: string, authorised: boolean): Promise<HttpReply | null> {
    try {
      return await http(`${this.base}${path}`, {
        body,
        from: this.address,
        agent: this.agent,
        timeoutMs: 5000,
        headers: authorised && this.token ? { authorization: `Bearer ${this.token}` } : {},
      });
    } catch {
      // Connection refused or reset: the server is down (killed, restarting).
      return null;
    }
  }
}

/** A port nobody uses now, so that every restart can ask for the same one, as a consultant's repeated command does. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
