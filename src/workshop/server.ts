/**
 * The workshop's HTTP server (Node's http module): the participant pages and API,
 * the projector page, its event stream and the handout. Who may call what:
 *
 *   anyone in the room      GET /, GET /join/CODE, POST /api/join (the join code)
 *   a participant           GET /api/me, GET /api/me/summary, POST /api/answers (their token)
 *   the facilitator         /facilitator, /facilitator/handout, /api/facilitator/* (the key, then a cookie)
 *
 * Every refusal says what was wrong and nothing more. Bodies are size-limited and
 * validated; each client is rate-limited; the server answers a bad request and
 * carries on. It never opens a connection of its own.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isUserError } from '../load/located-error.js';
import { DATA_POLICY, pagePolicy } from './pages/frame.js';
import { codeFormPage, messagePage, participantPage } from './pages/participant.js';
import { handoutPage, projectorPage, revealNote, statusFragment } from './pages/projector.js';
import { LIMITS, type ErrorCode, type ParticipantSetup } from './protocol.js';
import type { Built } from './results.js';
import { RateLimiter, type Bucket } from './rate-limit.js';
import { parseJoin, parseOperations } from './requests.js';
import { facilitatorSession, normaliseJoinCode, participantToken, sameSecret, tokenRespondent } from './secrets.js';
import type { WorkshopSession } from './session.js';

export interface WorkshopSecrets {
  workshopId: string;
  joinCode: string;
  facilitatorKey: string;
  signingKey: string;
}

export interface WorkshopServerOptions {
  session: WorkshopSession;
  secrets: WorkshopSecrets;
  setup: ParticipantSetup;
  scripts: { participant: string; projector: string };
  view: { partnership: string; asOf: string; joinUrl: string; qrSvg: string };
  /** The report of the folder as it is now, and the projector's drawing of it (built off the server's thread). */
  results(): Promise<Built>;
  /** Settles once `version` of the participant's response is on disk. */
  save(respondentId: string, version: number): Promise<void>;
  newRespondentId(): string;
  onRevealChange(revealed: boolean): Promise<void> | void;
  /** Host headers the server answers to: its own addresses, never a name an attacker's page could point at it (DNS rebinding). */
  isAllowedHost(host: string): boolean;
  generator: string;
  log(message: string): void;
  now?: () => number;
}

/** How often clients may call, by what they are. */
export const RATE_LIMITS = {
  /** Every request from one network address. */
  address: { capacity: 120, perSecond: 20 },
  /** Wrong join codes or facilitator keys from one address: ten, then one every ten seconds. */
  wrongSecret: { capacity: 10, perSecond: 0.1 },
  /** New participants from one address: one phone needs one; a few for a shared laptop or a cleared browser. */
  join: { capacity: 20, perSecond: 1 / 30 },
  /** Requests with one participant token. */
  participant: { capacity: 60, perSecond: 10 },
} satisfies Record<string, Bucket>;

const MAX_EVENT_STREAMS = 16;
const STATUS_INTERVAL_MS = 250;
const RESULTS_INTERVAL_MS = 2000;
const HEARTBEAT_MS = 20_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface RunningWorkshopServer {
  server: Server;
  /** Marks the status and results stale, e.g. after a change made outside a request. */
  changed(): void;
  /** Stops accepting requests, ends the event streams and waits for the open requests. */
  close(): Promise<void>;
}

export function workshopServer(options: WorkshopServerOptions): RunningWorkshopServer {
  const { session, secrets } = options;
  const now = options.now ?? Date.now;
  const limits = {
    address: new RateLimiter(RATE_LIMITS.address),
    wrongSecret: new RateLimiter(RATE_LIMITS.wrongSecret),
    join: new RateLimiter(RATE_LIMITS.join),
    participant: new RateLimiter(RATE_LIMITS.participant),
  };
  const streams = new Set<ServerResponse>();
  // Tokens already verified, so a phone's every answer costs a lookup rather than an HMAC; only valid tokens enter, at most one per participant admitted.
  const verified = new Map<string, string>();
  const facilitatorCookie = `pes_facilitator_${secrets.workshopId}`;
  const facilitatorValue = facilitatorSession(secrets.facilitatorKey);
  let statusStale = true;
  /** Bumped by every change; a build remembers the count it started from, so a request waits only for news older than itself. */
  let changes = 0;
  let cached: { changes: number; built: Built } | null = null;
  let building: Promise<void> | null = null;
  let lastResults = 0;
  const resultsStale = () => cached === null || cached.changes < changes;

  /** Results no older than this call: the last build if nothing changed since, else a new one (one build at a time). */
  const currentResults = async (): Promise<Built> => {
    const wanted = changes;
    while (cached === null || cached.changes < wanted) {
      if (building === null) {
        const from = changes;
        lastResults = now();
        building = options
          .results()
          .then((built) => {
            cached = { changes: from, built };
          })
          .finally(() => (building = null));
      }
      await building;
    }
    return cached.built;
  };
  const changed = () => {
    statusStale = true;
    changes++;
  };
  // A full disk fails every phone's retries alike: the facilitator hears of it once a minute, not two hundred times.
  let lastLogged = { message: '', at: -Infinity };
  const logOnce = (message: string) => {
    if (message === lastLogged.message && now() - lastLogged.at < 60_000) return;
    lastLogged = { message, at: now() };
    options.log(message);
  };

  const server = createServer({ maxHeaderSize: 8 * 1024, requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) return sendError(response, error, isPageRequest(request));
      // A phone that walked out of Wi-Fi range mid-request: nothing to answer, nothing to report.
      if ((error as NodeJS.ErrnoException | undefined)?.code === 'ECONNRESET' || request.destroyed) return void response.destroy();
      options.log(`internal error answering ${request.method} ${safePath(request.url)}: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: 'internal error; the request was not applied' });
      else response.destroy();
    });
  });
  // Enough for a full room with a page, an answer request and a retry each, and no more file handles than that.
  server.maxConnections = 1024;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const address = clientAddress(request);
    const host = request.headers.host;
    if (host === undefined || !options.isAllowedHost(host)) throw new HttpError(403, 'unknown_host', 'this server answers only to its own addresses');
    limit(limits.address, address);
    const url = new URL(request.url ?? '/', 'http://workshop');
    const method = request.method ?? 'GET';
    const route = `${method} ${url.pathname}`;

    if (route === 'GET /') return sendPage(response, 200, (nonce) => codeFormPage(nonce));
    if (route === 'GET /join') {
      const code = normaliseJoinCode(url.searchParams.get('code') ?? '');
      return redirect(response, `/join/${encodeURIComponent(code)}`);
    }
    if (method === 'GET' && url.pathname.startsWith('/join/')) return joinPage(response, address, decodePath(url.pathname.slice('/join/'.length)));
    if (route === 'POST /api/join') return join(request, response, address);
    if (route === 'GET /api/me' || route === 'GET /api/me/summary' || route === 'POST /api/answers') {
      const id = participant(request);
      if (route === 'GET /api/me') return sendJson(response, 200, session.own(id));
      if (route === 'GET /api/me/summary') return sendJson(response, 200, session.ownSummary(id));
      return answers(request, response, id);
    }
    if (route === 'GET /facilitator' && url.searchParams.has('key')) return facilitatorLogin(response, address, url.searchParams.get('key')!);
    if (url.pathname === '/facilitator' || url.pathname.startsWith('/facilitator/') || url.pathname.startsWith('/api/facilitator/')) {
      requireFacilitator(request, method);
      return facilitator(route, response);
    }
    if (route === 'GET /favicon.ico') return send(response, 204, '', 'text/plain', DATA_POLICY);
    throw new HttpError(404, 'not_found', 'no such page');
  }

  function limit(limiter: RateLimiter, client: string): void {
    const taken = limiter.take(client, now());
    if (!taken.ok) throw new HttpError(429, 'rate_limited', `too many requests; try again in ${taken.retryAfterSeconds} s`, taken.retryAfterSeconds);
  }

  /** A wrong secret costs a try from the address's small allowance; with none left, even the right one waits, so guessing cannot go on. */
  function checkSecret(address: string, given: string, expected: string): boolean {
    const allowed = limits.wrongSecret.peek(address, now());
    if (!allowed.ok) throw new HttpError(429, 'rate_limited', `too many wrong tries; try again in ${allowed.retryAfterSeconds} s`, allowed.retryAfterSeconds);
    if (sameSecret(given, expected)) return true;
    limits.wrongSecret.take(address, now());
    return false;
  }

  async function joinPage(response: ServerResponse, address: string, typed: string): Promise<void> {
    if (!checkSecret(address, normaliseJoinCode(typed), secrets.joinCode)) return sendPage(response, 403, (nonce) => codeFormPage(nonce, true));
    return sendPage(response, 200, (nonce) => participantPage(options.setup, nonce, options.scripts.participant));
  }

  async function join(request: IncomingMessage, response: ServerResponse, address: string): Promise<void> {
    const body = await readJson(request);
    const parsed = parseJoin(body);
    if (!parsed.ok) throw new HttpError(400, 'bad_request', parsed.message);
    if (!checkSecret(address, normaliseJoinCode(parsed.value.code), secrets.joinCode)) throw new HttpError(403, 'wrong_code', 'wrong join code');
    limit(limits.join, address);
    let id = options.newRespondentId();
    while (session.isTaken(id)) id = options.newRespondentId();
    if (!session.admit(id)) throw new HttpError(403, 'workshop_full', 'the workshop is full');
    statusStale = true;
    return sendJson(response, 200, { token: participantToken(secrets.signingKey, id) });
  }

  function participant(request: IncomingMessage): string {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    const id = verified.get(token) ?? tokenRespondent(secrets.signingKey, token);
    if (id === null) throw new HttpError(401, 'unknown_participant', 'no valid participant token');
    limit(limits.participant, id);
    // A participant who joined before a restart and had saved nothing yet is let back in, if there is room.
    if (!session.admit(id)) throw new HttpError(403, 'workshop_full', 'the workshop is full');
    verified.set(token, id);
    return id;
  }

  async function answers(request: IncomingMessage, response: ServerResponse, id: string): Promise<void> {
    const parsed = parseOperations(await readJson(request));
    if (!parsed.ok) throw new HttpError(400, 'bad_request', parsed.message);
    const applied = session.apply(id, parsed.value);
    if (!applied.ok) throw new HttpError(400, 'bad_request', applied.message);
    changed();
    try {
      // Acknowledged only once on disk; a retry of an answer already saved returns at once.
      await options.save(id, applied.version);
    } catch (error) {
      // The reason without the file name, so that a full disk is one message however many phones it stops.
      const reason = isUserError(error) ? error.errors[0]!.message : error instanceof Error ? error.message : String(error);
      logOnce(`answers not saved (${reason}); the phones keep them and send them again`);
      throw new HttpError(503, 'save_failed', 'the answers could not be saved yet; they will be sent again', 2);
    }
    return sendJson(response, 200, { acked: applied.acked });
  }

  async function facilitatorLogin(response: ServerResponse, address: string, key: string): Promise<void> {
    if (!checkSecret(address, key, secrets.facilitatorKey)) {
      return sendPage(response, 403, (nonce) => messagePage(nonce, 'Wrong key', 'This link does not open the projector page. Use the link printed where the workshop was started.'));
    }
    // The key leaves the address bar at once: the room reads the projector's address bar too.
    response.setHeader('set-cookie', `${facilitatorCookie}=${facilitatorValue}; HttpOnly; SameSite=Strict; Path=/`);
    return redirect(response, '/facilitator');
  }

  function requireFacilitator(request: IncomingMessage, method: string): void {
    const cookie = cookies(request.headers.cookie)[facilitatorCookie];
    if (cookie === undefined || !sameSecret(cookie, facilitatorValue)) throw new HttpError(403, 'wrong_key', 'facilitator only: open the projector link printed where the workshop was started');
    // A cross-site form cannot set this header: a second guard beside the SameSite cookie.
    if (method !== 'GET' && request.headers['x-pes-facilitator'] !== '1') throw new HttpError(403, 'wrong_key', 'facilitator requests need the x-pes-facilitator header');
  }

  async function facilitator(route: string, response: ServerResponse): Promise<void> {
    switch (route) {
      case 'GET /facilitator': {
        const status = session.status();
        const results = status.revealed ? (await currentResults()).results : null;
        return sendPage(response, 200, (nonce) => projectorPage({ ...options.view, joinCode: secrets.joinCode, status, results }, nonce, options.scripts.projector));
      }
      case 'GET /facilitator/handout': {
        if (!session.isRevealed()) throw new HttpError(409, 'not_revealed', 'reveal the results first');
        const html = handoutPage(options.view.partnership, options.view.asOf, (await currentResults()).results, options.generator);
        response.setHeader('content-disposition', `attachment; filename="workshop-handout-${options.view.asOf}.html"`);
        return send(response, 200, html, 'text/html; charset=utf-8', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      }
      case 'GET /api/facilitator/status':
        return sendJson(response, 200, session.status());
      case 'GET /api/facilitator/report':
        if (!session.isRevealed()) throw new HttpError(409, 'not_revealed', 'reveal the results first');
        return sendJson(response, 200, (await currentResults()).report);
      case 'GET /api/facilitator/events':
        return openStream(response);
      case 'POST /api/facilitator/reveal': {
        const revealed = session.reveal();
        if (!revealed.ok) {
          throw new HttpError(409, 'too_few_complete', `Reveal needs at least ${revealed.needed} complete responses, so that no answer can be traced to a person; ${revealed.complete} so far.`);
        }
        await options.onRevealChange(true);
        changed();
        return sendJson(response, 200, { revealed: true });
      }
      case 'POST /api/facilitator/hide':
        session.hide();
        await options.onRevealChange(false);
        changed();
        return sendJson(response, 200, { revealed: false });
      default:
        throw new HttpError(404, 'not_found', 'no such page');
    }
  }

  async function openStream(response: ServerResponse): Promise<void> {
    if (streams.size >= MAX_EVENT_STREAMS) throw new HttpError(429, 'rate_limited', 'too many projector pages open', 5);
    response.writeHead(200, { ...securityHeaders(DATA_POLICY), 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    response.write('retry: 2000\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
    pushStatus([response]);
    if (session.isRevealed()) await pushResults([response]);
  }

  function pushStatus(targets: Iterable<ServerResponse>): void {
    const status = session.status();
    const data = { html: statusFragment(status), status, canReveal: status.folderComplete >= status.minGroupSize, note: revealNote(status) };
    broadcast(targets, 'status', data);
  }

  async function pushResults(targets: Iterable<ServerResponse>): Promise<void> {
    broadcast(targets, 'results', (await currentResults()).results);
  }

  // Status goes out four times a second at most, results every two seconds at most: the report is built on its own
  // thread, and a projector refreshed more often shows nothing a room could follow anyway.
  const ticker = setInterval(() => {
    if (streams.size === 0) return;
    if (statusStale) {
      statusStale = false;
      pushStatus(streams);
    }
    if (session.isRevealed() && resultsStale() && building === null && now() - lastResults >= RESULTS_INTERVAL_MS) {
      pushResults(streams).catch((error: unknown) => options.log(`cannot update the projector: ${error instanceof Error ? error.message : String(error)}`));
    }
  }, STATUS_INTERVAL_MS);
  ticker.unref();
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': still here\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    server,
    changed,
    close: async () => {
      clearInterval(ticker);
      clearInterval(heartbeat);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const stream of streams) stream.end();
      server.closeIdleConnections();
      await closed;
    },
  };
}

function broadcast(targets: Iterable<ServerResponse>, event: string, data: unknown): void {
  const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  for (const target of targets) target.write(frame);
}

async function readJson(request: IncomingMessage): Promise<string> {
  const type = request.headers['content-type'] ?? '';
  // A cross-site form can only send form types; JSON needs a preflight this server never grants.
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'bad_request', 'send JSON (content-type: application/json)');
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > LIMITS.bodyBytes) throw new HttpError(413, 'body_too_large', `the request body is over ${LIMITS.bodyBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMITS.bodyBytes) throw new HttpError(413, 'body_too_large', `the request body is over ${LIMITS.bodyBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function securityHeaders(policy: string): Record<string, string> {
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    // No Cross-Origin-Opener-Policy: browsers ignore it over plain HTTP on a LAN address, and say so in the console of every phone.
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // Answers and secrets in pages: nothing is kept by the browser or anything between.
    'cache-control': 'no-store',
  };
}

function send(response: ServerResponse, status: number, body: string, type: string, policy: string): void {
  response.writeHead(status, { ...securityHeaders(policy), 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, JSON.stringify(body), 'application/json; charset=utf-8', DATA_POLICY);
}

function sendPage(response: ServerResponse, status: number, render: (nonce: string) => string): void {
  const nonce = randomBytes(16).toString('base64');
  send(response, status, render(nonce), 'text/html; charset=utf-8', pagePolicy(nonce));
}

const PAGE_TITLES: Record<number, string> = { 403: 'Not allowed', 404: 'Not found', 409: 'Not yet', 429: 'Please wait' };

function sendError(response: ServerResponse, error: HttpError, asPage: boolean): void {
  if (response.headersSent) return void response.destroy();
  if (error.retryAfter !== undefined) response.setHeader('retry-after', String(error.retryAfter));
  // After refusing an oversized body unread, the connection cannot carry another request.
  if (error.status === 413) response.setHeader('connection', 'close');
  if (asPage) return sendPage(response, error.status, (nonce) => messagePage(nonce, PAGE_TITLES[error.status] ?? 'Refused', `${capitalise(error.message)}.`));
  sendJson(response, error.status, { error: error.code, message: error.message });
}

/** A person's browser asked for a page (not the API): a refusal is shown as a short page, not JSON. */
function isPageRequest(request: IncomingMessage): boolean {
  return request.method === 'GET' && !(request.url ?? '').startsWith('/api/');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { ...securityHeaders(DATA_POLICY), location, 'content-length': '0' });
  response.end();
}

/** A path segment as typed; a malformed escape is simply a wrong code, not an error. */
function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function clientAddress(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function cookies(header: string | undefined): Record<string, string> {
  const jar: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of (header ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0) jar[part.slice(0, equals).trim()] = part.slice(equals + 1).trim();
  }
  return jar;
}

/** The path for a log line, without its query (which may hold the facilitator key) and without control characters. */
function safePath(url: string | undefined): string {
  return (url ?? '').split('?')[0]!.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}
