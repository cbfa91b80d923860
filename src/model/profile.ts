/**
 * The profile a respondent may give before the statements, one entry per question.
 * The terminal survey, the workshop's setup, the paper and forms templates and the
 * import of a forms export read their wording, choices and column headers from here.
 * Every question may be skipped. What is stored is the respondent schema's to say
 * (responses.ts); test/model/profile.test.ts holds the two together.
 */
import type { SurveyResponse } from './responses.js';
import { RESPONDENT_SECTORS, ROLE_LABELS, ROLES } from './vocabulary.js';

export type ProfileKey = Exclude<keyof SurveyResponse['respondent'], 'id'>;

export interface ProfileChoice {
  value: string;
  /** The words a respondent sees. */
  label: string;
}

export interface ProfileQuestion {
  /** The respondent field the answer is kept in. */
  key: ProfileKey;
  /** What a printed form calls it: "Sector: ...". */
  title: string;
  /** As the survey, the workshop page and the forms template ask it. */
  question: string;
  /** Choices; free text when there are none. */
  choices?: readonly ProfileChoice[];
  /** A forms export's column header for it ("Which sector is your organisation in?", "Role"). */
  header: RegExp;
  /** On the paper and forms templates; a name is asked only in the survey itself, so a printed form stays anonymous. */
  onForms: boolean;
}

export const PROFILE_QUESTIONS: readonly ProfileQuestion[] = [
  {
    key: 'organisation',
    title: 'Organisation',
    question: 'Which organisation are you with?',
    header: /organi[sz]ation|^org$|company|employer/i,
    onForms: true,
  },
  {
    key: 'sector',
    title: 'Sector',
    question: 'Which sector is your organisation in?',
    choices: RESPONDENT_SECTORS.map((sector) => ({ value: sector, label: sector.replace(/_/g, ' ') })),
    header: /^(sector|which sector)/i,
    onForms: true,
  },
  {
    key: 'role',
    title: 'Role',
    question: 'What is your role in the partnership?',
    choices: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
    header: /^(role|what is your role|your role)/i,
    onForms: true,
  },
  {
    key: 'name',
    title: 'Name',
    question: 'Your name (optional: leave empty to stay anonymous)',
    header: /^(name|your name|full name)/i,
    onForms: false,
  },
];

export function profileQuestion(key: ProfileKey): ProfileQuestion {
  return PROFILE_QUESTIONS.find((question) => question.key === key)!;
}
