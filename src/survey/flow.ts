/**
 * One respondent's way through the survey: a short profile, then every statement
 * principle by principle, with a comment box after each principle. Every answer is
 * saved before the next question is shown; a resumed survey starts at the first
 * unanswered statement.
 */
import type { Partner, Partnership } from '../model/partnership.js';
import type { SurveyResponse } from '../model/responses.js';
import { PROFILE_QUESTIONS, profileQuestion, type ProfileKey, type ProfileQuestion } from '../model/profile.js';
import { DONT_KNOW } from '../model/vocabulary.js';
import { isActive } from '../checks/read.js';
import type { Rubric } from '../model/rubric.js';
import { BACK, type Choice, type Prompter } from './prompter.js';
import { commentQuestion, questionnaire } from './questions.js';
import { mean } from '../model/statistics.js';
import type { PersonalSummary } from '../model/perception.js';
import { byCodePoint } from '../model/order.js';

export interface SurveySession {
  rubric: Rubric;
  partnership: Partnership;
  response: SurveyResponse;
  /** Persists the response; called after every change. */
  save(response: SurveyResponse): void;
  asOf: string;
}

const TYPED = '\u0000typed';
const UNSTATED = '\u0000unstated';

export async function runSurvey(prompter: Prompter, session: SurveySession): Promise<SurveyResponse> {
  const { rubric, response } = session;
  if (!profileDone(response)) {
    await askProfile(prompter, session);
    session.save(response);
  }
  const questions = questionnaire(rubric);
  let index = questions.findIndex((question) => response.answers[question.practice.id] === undefined);
  if (index < 0) index = questions.length;
  if (index > 0 && index < questions.length) prompter.note(`Welcome back: ${index} of ${questions.length} statements already answered.`);
  while (index < questions.length) {
    const question = questions[index]!;
    const answer = await prompter.likert(question, rubric.survey.scale, rubric.survey.dont_know, response.answers[question.practice.id]);
    if (answer === BACK) {
      index = Math.max(0, index - 1);
      continue;
    }
    response.answers[question.practice.id] = answer;
    session.save(response);
    if (question.closesPrinciple) {
      const comment = (await prompter.input(`${commentQuestion(question.principle)} (optional, Enter to skip)`, response.comments?.[question.principle.id] ?? '')).trim();
      if (comment !== '') {
        response.comments = { ...response.comments, [question.principle.id]: comment };
        session.save(response);
      }
    }
    index++;
  }
  response.complete = true;
  session.save(response);
  return response;
}

function profileDone(response: SurveyResponse): boolean {
  return Object.keys(response.answers).length > 0 || response.respondent.role !== undefined;
}

/** What the profile offers, in the terminal survey and in the workshop alike: the active partners by name, the sectors and the roles. */
export function profileChoices(partnership: Partnership, asOf: string) {
  const choicesOf = (key: ProfileKey) => profileQuestion(key).choices!.map(({ value, label }) => ({ value, name: label }));
  return { partners: activePartnersByName(partnership, asOf), sectors: choicesOf('sector'), roles: choicesOf('role') };
}

/** The partners a respondent can be with on `asOf`, in code-point order of their names. */
export function activePartnersByName(partnership: Partnership, asOf: string): Partner[] {
  return (partnership.partners ?? []).filter((partner) => isActive(partner, asOf)).sort((a, b) => byCodePoint(a.name, b.name));
}

/** The profile questions in their table's order; every one may be skipped. */
async function askProfile(prompter: Prompter, { partnership, response, asOf }: SurveySession): Promise<void> {
  const { partners } = profileChoices(partnership, asOf);
  const answers: Partial<Record<ProfileKey, string>> = {};
  for (const question of PROFILE_QUESTIONS) {
    const answer = question.key === 'organisation' ? await askOrganisation(prompter, question, partners) : await askQuestion(prompter, question, answers, partners);
    if (answer !== undefined) answers[question.key] = answer;
  }
  response.respondent = { id: response.respondent.id, ...answers } as SurveyResponse['respondent'];
}

async function askOrganisation(prompter: Prompter, question: ProfileQuestion, partners: readonly Partner[]): Promise<string | undefined> {
  const organisations: Choice<string>[] = [
    ...partners.map((partner) => ({ value: partner.id, name: partner.name })),
    { value: TYPED, name: 'Another organisation (type its name)' },
    { value: UNSTATED, name: 'Prefer not to say' },
  ];
  const organisation = await prompter.select(question.question, organisations);
  if (organisation === TYPED) return (await prompter.input('Organisation name')).trim() || undefined;
  return organisation === UNSTATED ? undefined : organisation;
}

async function askQuestion(prompter: Prompter, question: ProfileQuestion, earlier: Partial<Record<ProfileKey, string>>, partners: readonly Partner[]): Promise<string | undefined> {
  if (!question.choices) return (await prompter.input(question.question)).trim() || undefined;
  // A partner's sector is known from the partnership file: offered first, so most people just confirm it.
  const initial = question.key === 'sector' ? partners.find((partner) => partner.id === earlier.organisation)?.sector : undefined;
  const choices = [...question.choices.map(({ value, label }) => ({ value, name: label })), { value: UNSTATED, name: 'Prefer not to say' }];
  const chosen = await prompter.select(question.question, choices, initial);
  return chosen === UNSTATED ? undefined : chosen;
}

/** What the respondent sees at the end: their own averages per principle. */
export function personalSummary(rubric: Rubric, response: SurveyResponse): PersonalSummary {
  const values = Object.values(response.answers);
  return {
    answered: values.filter((answer) => answer !== DONT_KNOW).length,
    dontKnow: values.filter((answer) => answer === DONT_KNOW).length,
    principles: rubric.principles.map((principle) => {
      const numbers = rubric.practices
        .filter((practice) => practice.principle === principle.id)
        .map((practice) => response.answers[practice.id])
        .filter((answer): answer is number => typeof answer === 'number');
      return { title: principle.title, mean: numbers.length > 0 ? mean(numbers) : null };
    }),
  };
}
