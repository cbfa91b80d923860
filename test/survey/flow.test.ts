import { describe, expect, it } from 'vitest';
import type { Answer, SurveyResponse } from '../../src/model/responses.js';
import { personalSummary, runSurvey } from '../../src/survey/flow.js';
import { BACK, type Choice, type LikertAnswer, type Prompter } from '../../src/survey/prompter.js';
import type { Question } from '../../src/survey/questions.js';
import { newResponse } from '../../src/survey/response-file.js';
import { partner, partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const data = partnership({
  as_of: '2026-06-30',
  partners: [partner('acme', { name: 'Acme Foods', sector: 'private' }), partner('gone', { name: 'Gone Org', left: '2025-01-01' })],
});

/** A prompter that answers from scripts and records what it was asked. */
function scripted(script: { selects?: unknown[]; inputs?: string[]; likert?: LikertAnswer[] }) {
  const selects = [...(script.selects ?? [])];
  const inputs = [...(script.inputs ?? [])];
  const likert = [...(script.likert ?? [])];
  const asked: { kind: string; message: string; choices?: string[]; previous?: Answer; initial?: unknown }[] = [];
  const prompter: Prompter = {
    async select<T>(message: string, choices: readonly Choice<T>[], initial?: T) {
      asked.push({ kind: 'select', message, choices: choices.map((choice) => choice.name), initial });
      if (selects.length === 0) throw new Error(`unexpected select: ${message}`);
      return selects.shift() as T;
    },
    async input(message: string) {
      asked.push({ kind: 'input', message });
      return inputs.shift() ?? '';
    },
    async likert(question: Question, _scale: readonly string[], _dontKnow: string, previous?: Answer) {
      asked.push({ kind: 'likert', message: question.practice.id, previous });
      if (likert.length === 0) throw Object.assign(new Error('interrupted'), { name: 'ExitPromptError' });
      return likert.shift()!;
    },
    note(text: string) {
      asked.push({ kind: 'note', message: text });
    },
  };
  return { prompter, asked };
}

function session(response: SurveyResponse) {
  const saved: string[] = [];
  return { saved, session: { rubric, partnership: data, response, asOf: '2026-06-30', save: (r: SurveyResponse) => saved.push(JSON.stringify(r)) } };
}

describe('the survey flow', () => {
  it('asks the profile, then every statement principle by principle, saving after every answer', async () => {
    const { prompter, asked } = scripted({
      selects: ['acme', 'private', 'partner_staff'],
      inputs: ['', 'Purpose is clear to us.', '', '', '', '', ''],
      likert: Array.from({ length: rubric.practices.length }, (_, i) => ((i % 5) + 1) as Answer),
    });
    const { saved, session: s } = session(newResponse(rubric, data.partnership.name, 'r-test', '2026-06-30'));
    const done = await runSurvey(prompter, s);

    expect(done.complete).toBe(true);
    expect(done.respondent).toEqual({ id: 'r-test', organisation: 'acme', sector: 'private', role: 'partner_staff' });
    expect(Object.keys(done.answers)).toEqual(rubric.practices.map((practice) => practice.id));
    expect(done.comments).toEqual({ purpose: 'Purpose is clear to us.' });
    // Only active partners are offered, by name, plus "another" and "prefer not to say".
    expect(asked[0]!.choices).toEqual(['Acme Foods', 'Another organisation (type its name)', 'Prefer not to say']);
    // The sector defaults to the chosen partner's.
    expect(asked[1]!.initial).toBe('private');
    // profile + an answer per statement + 1 comment + completion
    expect(saved).toHaveLength(1 + rubric.practices.length + 1 + 1);
    expect(JSON.parse(saved[1]!).answers).toEqual({ [rubric.practices[0]!.id]: 1 });
    expect(asked.filter((entry) => entry.kind === 'input' && entry.message.startsWith('Anything to add'))).toHaveLength(rubric.principles.length);
  });

  it('goes back one statement and offers the earlier answer again', async () => {
    const { prompter, asked } = scripted({ selects: ['acme', 'private', 'leadership'], likert: [4, 5, BACK, 2] });
    const { session: s } = session(newResponse(rubric, data.partnership.name, 'r-back', '2026-06-30'));
    await expect(runSurvey(prompter, s)).rejects.toThrow('interrupted');
    const likertAsked = asked.filter((entry) => entry.kind === 'likert');
    expect(likertAsked.map((entry) => entry.message).slice(0, 4)).toEqual([
      'align-on-purpose',
      'consistent-communication',
      'ruthless-prioritization',
      'consistent-communication',
    ]);
    expect(likertAsked[3]!.previous).toBe(5);
    expect(s.response.answers['consistent-communication']).toBe(2);
  });

  it('resumes at the first unanswered statement without asking the profile again', async () => {
    const partial = newResponse(rubric, data.partnership.name, 'r-resume', '2026-06-30');
    partial.respondent.role = 'backbone';
    for (const practice of rubric.practices.slice(0, 10)) partial.answers[practice.id] = 3;
    const { prompter, asked } = scripted({ likert: Array(rubric.practices.length - 10).fill(4) as Answer[] });
    const { session: s } = session(partial);
    const done = await runSurvey(prompter, s);
    expect(asked.some((entry) => entry.kind === 'select')).toBe(false);
    expect(asked[0]).toEqual({ kind: 'note', message: `Welcome back: 10 of ${rubric.practices.length} statements already answered.` });
    expect(asked.find((entry) => entry.kind === 'likert')!.message).toBe(rubric.practices[10]!.id);
    expect(Object.values(done.answers).filter((answer) => answer === 3)).toHaveLength(10);
    expect(done.complete).toBe(true);
  });

  it('keeps a typed organisation and leaves out what the respondent prefers not to say', async () => {
    const { prompter } = scripted({ selects: ['\u0000typed', '\u0000unstated', '\u0000unstated'], inputs: ['Riverside Clinic', 'Ana'], likert: [] });
    const { session: s } = session(newResponse(rubric, data.partnership.name, 'r-typed', '2026-06-30'));
    await expect(runSurvey(prompter, s)).rejects.toThrow('interrupted');
    expect(s.response.respondent).toEqual({ id: 'r-typed', organisation: 'Riverside Clinic', name: 'Ana' });
  });

  it('summarises the respondent\'s own answers per principle', () => {
    const response = newResponse(rubric, data.partnership.name, 'r-sum', '2026-06-30');
    response.answers = { 'align-on-purpose': 4, 'consistent-communication': 2, 'ruthless-prioritization': 'dont_know' };
    const summary = personalSummary(rubric, response);
    expect(summary.answered).toBe(2);
    expect(summary.dontKnow).toBe(1);
    expect(summary.principles[0]).toEqual({ title: 'Clarity of purpose', mean: 3 });
    expect(summary.principles[1]!.mean).toBeNull();
  });
});
