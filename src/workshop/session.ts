/**
 * The state of one workshop, with no I/O: who has joined, each participant's
 * response as it stands, what the projector may show. The server applies what a
 * phone sends here, then writes the response file; every response in the folder is
 * held here too, because the projector's results are those of the whole folder,
 * exactly as `pes assess --responses DIR` reads it.
 */
import { isValidResponse } from '../model/generated/response-valid.js';
import type { IsoDate } from '../model/dates.js';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';
import { personalSummary } from '../survey/flow.js';
import { newResponse, rubricProblems } from '../survey/response-file.js';
import type { Operation, OwnResponseReply, OwnSummaryReply, ProjectorStatus } from './protocol.js';

/** How the workshop marks the responses it writes (`source:` in the file). */
export const WORKSHOP_SOURCE = 'pes workshop';

export interface SessionSettings {
  rubric: Rubric;
  partnershipName: string;
  /** The date written into new responses. */
  today: IsoDate;
  minGroupSize: number;
  maxParticipants: number;
}

/** `version` counts the changes to this participant's response: the write that covers it makes the change safe to acknowledge. */
export type Applied = { ok: true; response: SurveyResponse; version: number; acked: number } | { ok: false; message: string };

export class WorkshopSession {
  /** Every response in the folder, by respondent id. */
  private readonly responses = new Map<string, SurveyResponse>();
  /** Respondents who joined through a workshop: this run, or an earlier run on the same folder. */
  private readonly participants = new Set<string>();
  private readonly versions = new Map<string, number>();
  private revealed = false;

  constructor(
    readonly settings: SessionSettings,
    existing: readonly SurveyResponse[],
  ) {
    for (const response of existing) {
      this.responses.set(response.respondent.id, response);
      if (response.source === WORKSHOP_SOURCE) this.participants.add(response.respondent.id);
    }
  }

  /** Ids already used in the folder: a new participant must not take one. */
  isTaken(id: string): boolean {
    return this.responses.has(id) || this.participants.has(id);
  }

  isParticipant(id: string): boolean {
    return this.participants.has(id);
  }

  /** Adds a participant (again, after a restart that forgot one who had not saved yet), unless the room is full. */
  admit(id: string): boolean {
    if (this.participants.has(id)) return true;
    if (this.participants.size >= this.settings.maxParticipants) return false;
    this.participants.add(id);
    return true;
  }

  own(id: string): OwnResponseReply {
    const response = this.responses.get(id);
    if (!response) return { saved: false, profile: {}, answers: {}, comments: {}, complete: false };
    const { id: _id, ...profile } = response.respondent;
    return { saved: true, profile, answers: { ...response.answers }, comments: { ...response.comments }, complete: response.complete };
  }

  ownSummary(id: string): OwnSummaryReply {
    const response = this.responses.get(id) ?? newResponse(this.settings.rubric, this.settings.partnershipName, id, this.settings.today, WORKSHOP_SOURCE);
    return personalSummary(this.settings.rubric, response);
  }

  /**
   * Applies a batch to a copy of the participant's response and keeps it only if the
   * result is a valid response file for this rubric; otherwise nothing changes.
   */
  apply(id: string, ops: readonly Operation[]): Applied {
    const { rubric, partnershipName, today } = this.settings;
    for (const op of ops) {
      // Checked before anything is assigned, so that no key the rubric lacks (`__proto__` included) is ever written.
      if (op.kind === 'answer' && !rubric.practices.some((practice) => practice.id === op.practice)) return { ok: false, message: `no practice "${op.practice}" in rubric ${rubric.id}` };
      if (op.kind === 'comment' && !rubric.principles.some((principle) => principle.id === op.principle)) return { ok: false, message: `no principle "${op.principle}" in rubric ${rubric.id}` };
    }
    const before = this.responses.get(id);
    const next: SurveyResponse = structuredClone(before ?? newResponse(rubric, partnershipName, id, today, WORKSHOP_SOURCE));
    for (const op of ops) applyOperation(next, op);
    next.complete = next.complete || rubric.practices.every((practice) => next.answers[practice.id] !== undefined);
    if (!isValidResponse(next)) return { ok: false, message: 'the answers do not make a valid response' };
    const problems = rubricProblems(next, rubric);
    if (problems.length > 0) return { ok: false, message: problems[0]!.message };
    if (before === undefined || JSON.stringify(before) !== JSON.stringify(next)) {
      this.responses.set(id, next);
      this.versions.set(id, this.versionOf(id) + 1);
    }
    return { ok: true, response: this.responses.get(id)!, version: this.versionOf(id), acked: ops.at(-1)!.seq };
  }

  /** 0 for a response this run has not changed (it is on disk as it was loaded). */
  versionOf(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  /** The responses as `pes assess` reads them: every file in the folder, in file-name order. */
  allResponses(): SurveyResponse[] {
    return [...this.responses.values()].sort((a, b) => (a.respondent.id < b.respondent.id ? -1 : a.respondent.id > b.respondent.id ? 1 : 0));
  }

  responseOf(id: string): SurveyResponse | undefined {
    return this.responses.get(id);
  }

  /** Reveal is refused until enough responses are complete for any group figure to be shown at all. */
  reveal(): { ok: true } | { ok: false; complete: number; needed: number } {
    const complete = this.folderComplete();
    if (complete < this.settings.minGroupSize) return { ok: false, complete, needed: this.settings.minGroupSize };
    this.revealed = true;
    return { ok: true };
  }

  hide(): void {
    this.revealed = false;
  }

  isRevealed(): boolean {
    return this.revealed;
  }

  /** Restores Reveal after a restart; the rule still holds. */
  restoreRevealed(revealed: boolean): void {
    this.revealed = revealed && this.folderComplete() >= this.settings.minGroupSize;
  }

  status(): ProjectorStatus {
    const { rubric } = this.settings;
    const mine = [...this.participants].map((id) => this.responses.get(id));
    const complete = mine.filter((response) => response?.complete).length;
    return {
      joined: this.participants.size,
      inProgress: mine.filter((response) => response !== undefined && !response.complete).length,
      complete,
      folderComplete: this.folderComplete(),
      folderRespondents: this.responses.size,
      minGroupSize: this.settings.minGroupSize,
      revealed: this.revealed,
      principles: rubric.principles.map((principle) => {
        const practices = rubric.practices.filter((practice) => practice.principle === principle.id);
        return {
          id: principle.id,
          title: principle.title,
          complete: mine.filter((response) => response !== undefined && practices.every((practice) => response.answers[practice.id] !== undefined)).length,
        };
      }),
    };
  }

  private folderComplete(): number {
    let count = 0;
    for (const response of this.responses.values()) if (response.complete) count++;
    return count;
  }
}

function applyOperation(response: SurveyResponse, op: Operation): void {
  switch (op.kind) {
    case 'profile': {
      // The whole profile at once: a field left out is one the participant chose not to give.
      const organisation = op.organisation?.trim();
      const name = op.name?.trim();
      response.respondent = {
        id: response.respondent.id,
        ...(organisation ? { organisation } : {}),
        ...(op.sector ? { sector: op.sector as SurveyResponse['respondent']['sector'] } : {}),
        ...(op.role ? { role: op.role as SurveyResponse['respondent']['role'] } : {}),
        ...(name ? { name } : {}),
      };
      return;
    }
    case 'answer':
      response.answers[op.practice] = op.answer;
      return;
    case 'comment': {
      const text = op.text.trim();
      const comments = { ...response.comments };
      if (text === '') delete comments[op.principle];
      else comments[op.principle] = text;
      if (Object.keys(comments).length > 0) response.comments = comments;
      else delete response.comments;
      return;
    }
  }
}
