/**
 * The server's side of the report thread (report-worker.ts): one build at a time,
 * and the latest responses win. If the thread cannot start or fails, reports are
 * built on the server's own thread instead: slower for the answers, never missing.
 */
import { Worker } from 'node:worker_threads';
import type { SurveyResponse } from '../model/responses.js';
import { buildResults, type Built, type ReportContext } from './results.js';
import type { BuildReply, ReportWorkerData } from './report-worker.js';

export class ReportThread {
  private worker: Worker | null = null;
  private ready: Promise<boolean>;
  private ticket = 0;
  private readonly pending = new Map<number, { resolve: (built: Built) => void; reject: (error: Error) => void }>();

  constructor(
    script: URL,
    data: ReportWorkerData,
    private readonly context: ReportContext,
    private readonly log: (message: string) => void,
  ) {
    this.ready = new Promise((resolve) => {
      try {
        const worker = new Worker(script, { workerData: data });
        worker.once('message', (message) => resolve(message === 'ready'));
        worker.on('message', (reply: BuildReply | 'ready') => reply !== 'ready' && this.settle(reply));
        worker.on('error', (error) => {
          this.fail(`the report thread failed (${error.message}); building reports on the main thread`);
          resolve(false);
        });
        worker.on('exit', () => this.fail(null));
        // After the listeners, which would hold a reference again: the thread alone never keeps the process running.
        worker.unref();
        this.worker = worker;
      } catch (error) {
        this.fail(`the report thread could not start (${(error as Error).message}); building reports on the main thread`);
        resolve(false);
      }
    });
  }

  async build(responses: readonly SurveyResponse[]): Promise<Built> {
    if (!(await this.ready) || this.worker === null) return buildResults(this.context, responses);
    const ticket = ++this.ticket;
    const built = new Promise<Built>((resolve, reject) => this.pending.set(ticket, { resolve, reject }));
    this.worker.postMessage({ ticket, responses });
    try {
      return await built;
    } catch {
      return buildResults(this.context, responses);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private settle(reply: BuildReply): void {
    const waiter = this.pending.get(reply.ticket);
    this.pending.delete(reply.ticket);
    if (!waiter) return;
    if (reply.ok) waiter.resolve(reply.built);
    else waiter.reject(new Error(reply.message));
  }

  /** After this, every build runs here; those waiting on the thread are rebuilt here too. */
  private fail(message: string | null): void {
    if (this.worker === null) return;
    this.worker = null;
    this.ready = Promise.resolve(false);
    if (message) this.log(message);
    for (const waiter of this.pending.values()) waiter.reject(new Error('the report thread stopped'));
    this.pending.clear();
  }
}
