/**
 * What `pes workshop` prints: how people join (address, code, QR code), the
 * projector link, and at the end how many responses were saved and the exact
 * command that assesses them. Plain strings; the command writes them.
 */
import type { ChalkInstance } from 'chalk';
import { terminalSafe } from '../text/sanitize.js';
import type { ParticipantCounts } from './protocol.js';

export interface BannerFacts {
  partnership: string;
  statements: number;
  dir: string;
  asOf: string;
  /** Why the results are dated as they are, when that is not simply the file's as_of. */
  asOfNote: string | null;
  minGroupSize: number;
  joinUrl: string;
  baseUrl: string;
  joinCode: string;
  otherBaseUrls: string[];
  /** The QR code of the join URL as block characters. */
  qr: string;
  facilitatorUrl: string;
  /** Set when this run continues an earlier one on the folder. */
  resumed: { started: string; responses: number } | null;
  earlierResponses: number;
  /** Why phones may not reach this address, if there is reason to think so. */
  reachNote: string | null;
}

export function workshopBanner(facts: BannerFacts, chalk: ChalkInstance): string {
  const lines = [
    chalk.bold(`pes workshop · ${terminalSafe(facts.partnership)}`),
    chalk.dim(`${facts.statements} statements · answers saved in ${terminalSafe(facts.dir)} · results as of ${facts.asOf} · groups under ${facts.minGroupSize} never shown`),
  ];
  if (facts.asOfNote) lines.push(chalk.dim(terminalSafe(facts.asOfNote)));
  if (facts.resumed) lines.push(`Continuing the workshop started ${facts.resumed.started}: ${facts.resumed.responses} responses so far. Phones reconnect by themselves.`);
  else if (facts.earlierResponses > 0) lines.push(`${facts.earlierResponses} responses already in ${terminalSafe(facts.dir)} count in the results too.`);
  lines.push('', chalk.bold('Join on a phone on the same Wi-Fi:'), `  ${chalk.underline(facts.joinUrl)}`, `  or open ${facts.baseUrl} and type the code ${chalk.bold(facts.joinCode)}`);
  if (facts.otherBaseUrls.length > 0) lines.push(chalk.dim(`  (other addresses of this computer: ${facts.otherBaseUrls.join(', ')})`));
  if (facts.reachNote) lines.push(chalk.yellow(`  ${facts.reachNote}`));
  lines.push('', facts.qr, '');
  lines.push(chalk.bold('Projector (keep this link to yourself: it opens the results):'), `  ${facts.facilitatorUrl}`, '');
  lines.push(chalk.dim('Ctrl-C ends the workshop. Every answer is saved the moment it is given.'));
  return lines.join('\n');
}

export function statusLine(counts: ParticipantCounts, clock: string): string {
  return `${clock}  joined ${counts.joined} · answering ${counts.inProgress} · complete ${counts.complete}`;
}

export interface Farewell {
  dir: string;
  responses: number;
  complete: number;
  fromWorkshop: number;
  assessCommand: string;
}

export function farewell(facts: Farewell): string {
  const from = facts.fromWorkshop === facts.responses ? '' : `, ${facts.fromWorkshop} of them from this workshop`;
  return [
    `Workshop stopped. ${facts.responses} response${facts.responses === 1 ? '' : 's'} saved in ${terminalSafe(facts.dir)} (${facts.complete} complete${from}).`,
    `Assess them with: ${terminalSafe(facts.assessCommand)}`,
  ].join('\n');
}

/** A word for a shell, quoted only when it needs to be. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
