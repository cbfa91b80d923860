/**
 * `pes workshop [FILE]`: serves the survey to the phones in the room and the results
 * to the projector, from this computer, with no account and no internet. Reads the
 * partnership, the rubric, the config and the responses already in --dir; writes
 * each participant's response file on every answer; keeps its secrets and lock in
 * DIR/.pes-workshop/. Ctrl-C stops it and prints the command that assesses the folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { sha256 } from '../text/sha256.js';
import { practiceIdFor } from '../load/config.js';
import { UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { DEFAULT_MAX_INPUT_MB, DEFAULT_MIN_GROUP_SIZE, DEFAULT_WORKSHOP_PORT } from '../model/defaults.js';
import { isIsoDate, onOrBefore, todayIso, type IsoDate } from '../model/dates.js';
import { terminalSafe } from '../text/sanitize.js';
import { styler } from '../render/terminal-style.js';
import { profileChoices } from '../survey/flow.js';
import { profileQuestion } from '../model/profile.js';
import { commentQuestion, questionnaire } from '../survey/questions.js';
import { newResponse } from '../survey/response-file.js';
import { serializeResponse } from '../survey/response-writer.js';
import { farewell, shellWord, statusLine, workshopBanner } from '../workshop/banner.js';
import { CoalescingWriter } from '../workshop/durable.js';
import type { ParticipantSetup } from '../workshop/protocol.js';
import { ReportThread } from '../workshop/report-thread.js';
import type { ReportContext } from '../workshop/results.js';
import { parseOperations } from '../workshop/requests.js';
import { workshopServer } from '../workshop/server.js';
import { WORKSHOP_SOURCE, WorkshopSession } from '../workshop/session.js';
import { findConfig } from './config-source.js';
import { lockFolder } from './folder-lock.js';
import { displayPath, readTextInput } from './io.js';
import { removeAbandonedTemporaries, replaceFileAtomic } from './write-output.js';
import { loadResponses } from './responses-source.js';
import { resolveRubric } from './rubric-source.js';
import { colorEnabled, stdoutIsTerminal, writeStdout } from './terminal.js';
import { VERSION } from './version.js';
import { hostChecker, isWildcard, lanAddresses, urlHost } from './workshop-network.js';
import { newState, readState, STATE_FOLDER, stateFolder, writeState, type WorkshopState } from './workshop-state.js';

export interface WorkshopOptions {
  dir: string;
  port?: number;
  host?: string;
  minGroupSize?: number;
  maxParticipants: number;
  resume?: boolean;
  rubric?: string;
  asOf?: string;
  maxInputMb?: number;
}

/** Ports tried after the default one when it is taken (only when no --port was given). */
const PORT_TRIES = 20;

export async function workshop(file: string, options: WorkshopOptions): Promise<void> {
  const { config, resolvePath } = await findConfig(undefined, file);
  const maxInputMb = options.maxInputMb ?? config.max_input_mb ?? DEFAULT_MAX_INPUT_MB;
  const text = readTextInput(file, maxInputMb);
  const shownFile = displayPath(file);
  const loaded = await loadPartnership(shownFile, text);
  if (!loaded.ok) throw new UserError(loaded.errors);
  const partnership = loaded.loaded.partnership;
  const rubricFile = options.rubric ?? (config.rubric !== undefined ? resolvePath(config.rubric) : undefined);
  const rubric = await resolveRubric(rubricFile, maxInputMb);
  const minGroupSize = options.minGroupSize ?? config.min_group_size ?? DEFAULT_MIN_GROUP_SIZE;
  const today = todayIso();
  const { asOf, note: asOfNote } = workshopAsOf(options.asOf, partnership.as_of, today);

  mkdirSync(options.dir, { recursive: true });
  const lock = lockFolder(join(stateFolder(options.dir), 'lock'), options.dir, 'pes workshop');
  let released = false;
  const release = () => {
    if (!released) lock.release();
    released = true;
  };
  process.on('exit', release);
  let reports: ReportThread | undefined;
  try {
    removeAbandonedTemporaries(options.dir);
    const earlier = readState(options.dir);
    if (options.resume && earlier === null) {
      throw new UserError({ file: displayPath(options.dir), message: 'no workshop to resume in this folder; run the command without --resume to start one' });
    }
    const state: WorkshopState = earlier ?? newState(new Date());
    const existing = await loadResponses([options.dir], rubric.rubric, partnership.partnership.name, { maxMegabytes: maxInputMb, allowEmpty: true });

    const session = new WorkshopSession(
      { rubric: rubric.rubric, partnershipName: partnership.partnership.name, today, minGroupSize, maxParticipants: options.maxParticipants },
      existing.responses,
    );
    session.restoreRevealed(state.revealed);
    const responseFile = (id: string) => join(options.dir, `${id}.yaml`);
    const writer = new CoalescingWriter(
      (id) => ({ version: session.versionOf(id), text: serializeResponse(session.responseOf(id)!, rubric.rubric) }),
      (id, content) => replaceFileAtomic(responseFile(id), content),
    );

    const context: ReportContext = {
      rubric: rubric.rubric,
      loaded: loaded.loaded,
      asOf,
      minGroupSize,
      notApplicable: new Map((config.suppress ?? []).map((entry) => [practiceIdFor(entry.practice, rubric.rubric)!, entry.reason])),
      inputs: { partnershipFile: shownFile, partnershipSha256: sha256(text), rubricFile: rubric.file, rubricSha256: rubric.sha256, digest: '' },
      tool: { name: 'partnership-health', version: VERSION },
    };

    warmUp(rubric.rubric, partnership.partnership.name, today);
    const log = (message: string) => process.stderr.write(`${stdoutIsTerminal() ? '\n' : ''}pes workshop: ${message}\n`);
    reports = new ReportThread(
      new URL('./workshop-report-worker.cjs', import.meta.url),
      {
        rubric: context.rubric,
        asOf,
        minGroupSize,
        inputs: context.inputs,
        tool: context.tool,
        partnershipFile: shownFile,
        partnershipText: text,
        notApplicable: [...context.notApplicable],
      },
      context,
      log,
    );

    const bindHost = options.host ?? '0.0.0.0';
    const lan = isWildcard(bindHost) ? lanAddresses() : [bindHost];
    const publicHost = lan[0] ?? '127.0.0.1';
    const port = options.port ?? state.port ?? DEFAULT_WORKSHOP_PORT;
    let joinUrl = '';
    const setup = participantSetup(state.workshopId, rubric.rubric, partnership, asOf, minGroupSize);
    let qrSvg = '';
    // The server's port is known only once it listens; until then no request can arrive anyway.
    let checkHost: (host: string) => boolean = () => false;

    const running = workshopServer({
      session,
      secrets: state,
      setup,
      scripts: { participant: clientScript('participant'), projector: clientScript('projector') },
      get view() {
        return { partnership: partnership.partnership.name, asOf, joinUrl, qrSvg };
      },
      results: () => reports!.build(session.allResponses()),
      save: (id, version) => writer.save(id, version),
      newRespondentId: () => `r-${randomBytes(4).toString('hex')}`,
      onRevealChange: (revealed) => {
        state.revealed = revealed;
        writeState(options.dir, state);
      },
      isAllowedHost: (host) => checkHost(host),
      generator: `partnership-health ${VERSION}`,
      log,
    });
    const boundPort = await listen(running.server, port, bindHost, options.port === undefined && state.port === null);
    const base = `http://${urlHost(publicHost)}:${boundPort}`;
    joinUrl = `${base}/join/${state.joinCode}`;
    qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    checkHost = hostChecker(boundPort);
    state.port = boundPort;
    writeState(options.dir, state);

    const chalk = styler({ color: colorEnabled(undefined), width: 100 });
    const facilitatorHost = isWildcard(bindHost) || bindHost === '127.0.0.1' ? '127.0.0.1' : urlHost(bindHost);
    const facilitatorUrl = `http://${facilitatorHost}:${boundPort}/facilitator?key=${state.facilitatorKey}`;
    const qr = await terminalQr(joinUrl, colorEnabled(undefined));
    const workshopResponses = existing.responses.filter((response) => response.source === WORKSHOP_SOURCE).length;
    writeStdout(
      `${workshopBanner(
        {
          partnership: partnership.partnership.name,
          statements: rubric.rubric.practices.length,
          dir: displayPath(options.dir),
          asOf,
          asOfNote,
          minGroupSize,
          joinUrl,
          baseUrl: base,
          joinCode: state.joinCode,
          otherBaseUrls: lan.slice(1, 4).map((address) => `http://${urlHost(address)}:${boundPort}`),
          qr,
          facilitatorUrl,
          resumed: earlier ? { started: earlier.started.slice(0, 16).replace('T', ' '), responses: workshopResponses } : null,
          earlierResponses: existing.responses.length - workshopResponses,
          reachNote: reachNote(bindHost, lan),
        },
        chalk,
      )}\n`,
    );

    const stopStatus = showStatusLine(session);
    await untilStopped();
    stopStatus();
    await running.close();
    await writer.idle();
    release();
    const all = session.allResponses();
    writeStdout(
      `${stdoutIsTerminal() ? '\n' : ''}${farewell({
        dir: displayPath(options.dir),
        responses: all.length,
        complete: all.filter((response) => response.complete).length,
        fromWorkshop: all.filter((response) => response.source === WORKSHOP_SOURCE).length,
        assessCommand: assessCommand(file, options, asOf !== partnership.as_of ? asOf : undefined, config.min_group_size ?? DEFAULT_MIN_GROUP_SIZE),
      })}\n`,
    );
  } finally {
    // Also when the server could not start: the report thread would otherwise keep the process alive.
    await reports?.close();
    release();
    // A workshop that never started leaves no empty state folder behind.
    try {
      rmdirSync(join(options.dir, STATE_FOLDER));
    } catch {
      // not empty (a workshop's state), or already gone
    }
  }
}

/**
 * The assess command that reproduces the projector's numbers: the options the
 * workshop was given that assess would not work out by itself from the same file.
 */
function assessCommand(file: string, options: WorkshopOptions, asOf: string | undefined, configuredMinimum: number): string {
  return [
    'pes assess',
    shellWord(file),
    '--responses',
    shellWord(options.dir),
    ...(asOf !== undefined ? ['--as-of', asOf] : []),
    ...(options.minGroupSize !== undefined && options.minGroupSize !== configuredMinimum ? ['--min-group-size', String(options.minGroupSize)] : []),
    ...(options.rubric !== undefined ? ['--rubric', shellWord(options.rubric)] : []),
  ].join(' ');
}

/**
 * The date of the results. Answers are dated today; a report as of an earlier day
 * would leave them out, so an as_of in the past gives way to today, and the printed
 * assess command names the date so it reproduces these numbers exactly.
 */
export function workshopAsOf(flag: string | undefined, fromFile: IsoDate | undefined, today: IsoDate): { asOf: IsoDate; note: string | null } {
  if (flag !== undefined) {
    if (flag === 'today') return { asOf: today, note: null };
    if (!isIsoDate(flag)) throw new UserError({ file: 'pes', message: `--as-of expects a date written YYYY-MM-DD (or "today"), got "${flag}"` });
    return { asOf: flag, note: null };
  }
  if (fromFile === undefined) return { asOf: today, note: "The file has no as_of: results are as of today, the answers' date." };
  if (onOrBefore(today, fromFile)) return { asOf: fromFile, note: null };
  return { asOf: today, note: `The file says as_of ${fromFile}; results are as of today, the answers' date (--as-of chooses another).` };
}

function participantSetup(workshopId: string, rubric: ReportContext['rubric'], partnership: ReportContext['loaded']['partnership'], asOf: string, minGroupSize: number): ParticipantSetup {
  const choices = profileChoices(partnership, asOf);
  // The page sets these as text, so no markup can run; control characters are made visible, as in the terminal, rather than drawn as boxes.
  return {
    workshopId,
    partnership: terminalSafe(partnership.partnership.name),
    intro: rubric.survey.intro,
    minGroupSize,
    scale: rubric.survey.scale,
    dontKnow: rubric.survey.dont_know,
    principles: rubric.principles.map((principle) => ({ id: principle.id, title: principle.title, commentQuestion: commentQuestion(principle) })),
    statements: questionnaire(rubric).map(({ practice, principle }) => ({ practice: practice.id, principle: principle.id, statement: practice.statement })),
    organisations: choices.partners.map((partner) => ({ id: partner.id, name: terminalSafe(partner.name), sector: partner.sector })),
    sectors: choices.sectors.map((sector) => ({ value: sector.value, label: sector.name.charAt(0).toUpperCase() + sector.name.slice(1) })),
    roles: choices.roles.map((role) => ({ value: role.value, label: role.name })),
    questions: { organisation: profileQuestion('organisation').question, sector: profileQuestion('sector').question, role: profileQuestion('role').question },
  };
}

/**
 * Runs a response's serialisation and the request checks once before the first phone
 * connects: V8 compiles them now rather than while the room's first answers wait.
 */
function warmUp(rubric: ReportContext['rubric'], partnershipName: string, today: string): void {
  const sample = newResponse(rubric, partnershipName, 'warm-up', today, WORKSHOP_SOURCE);
  const ops = parseOperations(JSON.stringify({ ops: rubric.practices.map((practice, index) => ({ seq: index + 1, kind: 'answer', practice: practice.id, answer: 3 })) }));
  if (ops.ok) for (const op of ops.value) if (op.kind === 'answer') sample.answers[op.practice] = op.answer;
  serializeResponse(sample, rubric);
}

/** The browser code, built beside this bundle by scripts/build.mjs. */
function clientScript(name: 'participant' | 'projector'): string {
  return readFileSync(new URL(`./workshop-${name}.js`, import.meta.url), 'utf8');
}

async function terminalQr(url: string, color: boolean): Promise<string> {
  const blocks = await QRCode.toString(url, { type: 'utf8', margin: 2, errorCorrectionLevel: 'M' });
  // Dark modules on a light ground whatever the terminal's theme: cameras read that way round most reliably.
  if (!color) return blocks;
  return blocks
    .split('\n')
    .map((line) => `\u001b[30;107m${line}\u001b[0m`)
    .join('\n');
}

function reachNote(bindHost: string, lan: readonly string[]): string | null {
  if (bindHost === '127.0.0.1' || bindHost === 'localhost' || bindHost === '::1') return 'Rehearsal: only this computer can open these addresses.';
  if (lan.length === 0) return 'No network found: connect this computer to the room’s Wi-Fi (or a phone hotspot) so that phones can reach it.';
  return null;
}

async function listen(server: import('node:http').Server, port: number, host: string, mayMove: boolean): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const tried = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(tried, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as import('node:net').AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && mayMove && attempt < PORT_TRIES && port !== 0) continue;
      if (code === 'EADDRINUSE') {
        throw new UserError({ file: 'pes', message: `port ${tried} is in use by another program; choose another with --port N (phones that joined earlier need the same port)` });
      }
      if (code === 'EACCES') throw new UserError({ file: 'pes', message: `not allowed to listen on port ${tried}; choose one above 1023 with --port N` });
      if (code === 'EADDRNOTAVAIL') throw new UserError({ file: 'pes', message: `--host ${host} is not an address of this computer` });
      throw error;
    }
  }
}

/** One line, rewritten in place on a terminal, with the room's progress. */
function showStatusLine(session: WorkshopSession): () => void {
  if (!stdoutIsTerminal()) return () => undefined;
  let last = '';
  const timer = setInterval(() => {
    const line = statusLine(session.status(), new Date().toTimeString().slice(0, 5));
    if (line !== last) process.stdout.write(`\r\u001b[2K${line}`);
    last = line;
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Resolves on Ctrl-C (or SIGTERM); a second Ctrl-C while stopping quits at once. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
