/**
 * The projector's report, built on a thread of its own. A report of a full room
 * takes 10 to 50 ms; on the server's thread that would hold up every answer
 * arriving meanwhile. Here it costs the answers nothing: the server sends the
 * responses as they stand and gets back the report and its drawing, made by the
 * same functions as everywhere else (workshopReport, projectorResults).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPartnership } from '../load/partnership.js';
import type { SurveyResponse } from '../model/responses.js';
import { buildResults, type Built, type ReportContext } from './results.js';

/** What the thread is started with: the context, with the partnership as text, since a loaded file (with its positions) does not cross threads. */
export interface ReportWorkerData extends Omit<ReportContext, 'loaded' | 'notApplicable'> {
  partnershipFile: string;
  partnershipText: string;
  notApplicable: [string, string][];
}

export interface BuildRequest {
  ticket: number;
  responses: SurveyResponse[];
}

export type BuildReply = { ticket: number; ok: true; built: Built } | { ticket: number; ok: false; message: string };

async function serve(data: ReportWorkerData): Promise<void> {
  const loaded = await loadPartnership(data.partnershipFile, data.partnershipText);
  if (!loaded.ok) throw new Error(`the partnership file does not load: ${loaded.errors[0]?.message ?? ''}`);
  const context: ReportContext = { ...data, loaded: loaded.loaded, notApplicable: new Map(data.notApplicable) };
  parentPort!.on('message', ({ ticket, responses }: BuildRequest) => {
    let reply: BuildReply;
    try {
      reply = { ticket, ok: true, built: buildResults(context, responses) };
    } catch (error) {
      reply = { ticket, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
  parentPort!.postMessage('ready');
}

if (parentPort && workerData) void serve(workerData as ReportWorkerData);
