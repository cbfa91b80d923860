/**
 * What the workshop server and the pages in the room say to each other: the shapes
 * of requests and replies, and the limits both sides enforce. Types and constants
 * only, so the browser code can import it without pulling in any server code.
 */

export const LIMITS = {
  /** Largest request body accepted; a batch of answers and six comments fits many times over. */
  bodyBytes: 32 * 1024,
  /** Operations in one request: a phone that was offline sends its queue in batches of this size. */
  opsPerRequest: 64,
  commentChars: 2000,
  organisationChars: 120,
  nameChars: 80,
} as const;

/** 1 (strongly disagree) to 5 (strongly agree), or don't know. */
export type AnswerValue = number | 'dont_know';

/**
 * One change a participant made. Each sets a value rather than adding to one, so a
 * request the phone sends again after a lost reply changes nothing the second time;
 * the phone sends them in order, one request at a time.
 */
export type Operation =
  | { seq: number; kind: 'profile'; organisation?: string; sector?: string; role?: string; name?: string }
  | { seq: number; kind: 'answer'; practice: string; answer: AnswerValue }
  | { seq: number; kind: 'comment'; principle: string; text: string };

export interface OperationsRequest {
  ops: Operation[];
}

/** The highest `seq` the server has applied and written to disk. */
export interface OperationsReply {
  acked: number;
}

export interface JoinRequest {
  code: string;
}

export interface JoinReply {
  token: string;
}

/** A participant's own saved response, so a reloaded or reconnected phone resumes where it was. */
export interface OwnResponseReply {
  /** False until the profile has been saved: the response file does not exist yet. */
  saved: boolean;
  profile: { organisation?: string; sector?: string; role?: string; name?: string };
  answers: Record<string, AnswerValue>;
  comments: Record<string, string>;
  complete: boolean;
}

export interface OwnSummaryReply {
  answered: number;
  dontKnow: number;
  principles: { title: string; mean: number | null }[];
}

/** Everything the participant page needs to run the survey, embedded in the page itself. */
export interface ParticipantSetup {
  workshopId: string;
  partnership: string;
  intro: string;
  minGroupSize: number;
  scale: string[];
  dontKnow: string;
  principles: { id: string; title: string; commentQuestion: string }[];
  statements: { practice: string; principle: string; statement: string }[];
  organisations: { id: string; name: string; sector: string }[];
  sectors: { value: string; label: string }[];
  roles: { value: string; label: string }[];
  /** The profile questions as the terminal survey asks them (src/model/profile.ts), by the field they fill. */
  questions: { organisation: string; sector: string; role: string };
}

export interface ParticipantCounts {
  joined: number;
  inProgress: number;
  complete: number;
}

/** What the projector shows before and after Reveal: counts always, results only once revealed. */
export interface ProjectorStatus extends ParticipantCounts {
  /** Complete responses in the folder, the workshop's and any that were there before: what Reveal needs. */
  folderComplete: number;
  folderRespondents: number;
  minGroupSize: number;
  revealed: boolean;
  principles: { id: string; title: string; complete: number }[];
}

/** The revealed results, drawn on the server from the report and sent as escaped HTML. */
export interface ProjectorResults {
  headline: string;
  radar: string;
  distribution: string;
  groups: string;
  signals: string;
  discussion: string;
  /** The discussion guide one practice at a time, for the "next question" mode. */
  steps: string[];
}

export type ErrorCode =
  | 'bad_request'
  | 'body_too_large'
  | 'wrong_code'
  | 'wrong_key'
  | 'unknown_participant'
  | 'workshop_full'
  | 'rate_limited'
  | 'too_few_complete'
  | 'not_revealed'
  | 'not_found'
  | 'save_failed'
  | 'unknown_host'
  | 'internal';

export interface ErrorReply {
  error: ErrorCode;
  message: string;
}
