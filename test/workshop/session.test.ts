import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../src/model/responses.js';
import type { Operation } from '../../src/workshop/protocol.js';
import { WORKSHOP_SOURCE, WorkshopSession } from '../../src/workshop/session.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const settings = { rubric, partnershipName: 'Test partnership', today: '2026-12-02', minGroupSize: 3, maxParticipants: 5 };
const first = rubric.practices[0]!.id;
let seq = 0;
const answer = (practice: string, value: number | 'dont_know'): Operation => ({ seq: ++seq, kind: 'answer', practice, answer: value });
const everything = (value: number) => rubric.practices.map((practice) => answer(practice.id, value));

function earlier(id: string, source: string, complete: boolean): SurveyResponse {
  return { pes_response: 1, rubric: rubric.id, partnership: 'Test partnership', respondent: { id }, date: '2026-06-01', source, complete, answers: complete ? Object.fromEntries(rubric.practices.map((p) => [p.id, 4])) : {} };
}

describe('a participant answering', () => {
  it('builds a response file as `pes survey` writes it, marked as the workshop’s, complete once every statement has an answer', () => {
    const session = new WorkshopSession(settings, []);
    expect(session.admit('r-1')).toBe(true);
    const profile = session.apply('r-1', [{ seq: ++seq, kind: 'profile', organisation: ' acme ', sector: 'private', role: 'leadership' }]);
    expect(profile).toMatchObject({ ok: true, version: 1, response: { source: WORKSHOP_SOURCE, date: '2026-12-02', complete: false, respondent: { id: 'r-1', organisation: 'acme', sector: 'private', role: 'leadership' } } });
    const done = session.apply('r-1', everything(4));
    expect(done).toMatchObject({ ok: true, version: 2, response: { complete: true } });
    expect(Object.keys(session.responseOf('r-1')!.answers)).toHaveLength(rubric.practices.length);
  });

  it('changes nothing when the same batch arrives twice (a retry after a lost reply): the version stays, so no second write is needed', () => {
    const session = new WorkshopSession(settings, []);
    session.admit('r-1');
    const batch = [answer(first, 2), answer(rubric.practices[1]!.id, 'dont_know')];
    const once = session.apply('r-1', batch);
    const twice = session.apply('r-1', batch);
    expect(once.ok && twice.ok && [once.version, twice.version]).toEqual([1, 1]);
    expect(twice.ok && twice.acked).toBe(batch[1]!.seq);
  });

  it('keeps the last answer to a statement, and a comment until it is emptied', () => {
    const session = new WorkshopSession(settings, []);
    session.admit('r-1');
    session.apply('r-1', [answer(first, 1), answer(first, 5), { seq: ++seq, kind: 'comment', principle: 'purpose', text: '  Good <b>bold</b>  ' }]);
    expect(session.own('r-1')).toMatchObject({ saved: true, answers: { [first]: 5 }, comments: { purpose: 'Good <b>bold</b>' } });
    session.apply('r-1', [{ seq: ++seq, kind: 'comment', principle: 'purpose', text: ' ' }]);
    expect(session.responseOf('r-1')!.comments).toBeUndefined();
  });

  it('refuses a whole batch that names a practice or principle the rubric lacks, `__proto__` included, and keeps the response as it was', () => {
    const session = new WorkshopSession(settings, []);
    session.admit('r-1');
    session.apply('r-1', [answer(first, 3)]);
    for (const bad of [answer('__proto__', 3), answer('no-such-practice', 3), { seq: ++seq, kind: 'comment', principle: 'constructor', text: 'x' } as Operation]) {
      expect(session.apply('r-1', [answer(first, 1), bad])).toMatchObject({ ok: false });
    }
    expect(session.responseOf('r-1')!.answers).toEqual({ [first]: 3 });
    expect(Object.getPrototypeOf(session.responseOf('r-1')!.answers)).toBe(Object.prototype);
  });

  it('shows a participant only their own response', () => {
    const session = new WorkshopSession(settings, []);
    session.admit('r-1');
    session.admit('r-2');
    session.apply('r-1', [answer(first, 5)]);
    expect(session.own('r-2')).toEqual({ saved: false, profile: {}, answers: {}, comments: {}, complete: false });
    expect(session.ownSummary('r-2').answered).toBe(0);
  });
});

describe('the room', () => {
  it('turns away new participants beyond the cap, but always lets a known one back in', () => {
    const session = new WorkshopSession({ ...settings, maxParticipants: 2 }, []);
    expect([session.admit('a'), session.admit('b'), session.admit('c'), session.admit('a')]).toEqual([true, true, false, true]);
  });

  it('counts joined, answering and complete per principle, and the folder’s complete responses for Reveal', () => {
    const session = new WorkshopSession(settings, [earlier('old-1', 'pes survey import', true), earlier('w-old', WORKSHOP_SOURCE, false)]);
    session.admit('r-1');
    session.admit('r-2');
    session.apply('r-1', everything(3));
    const purpose = rubric.practices.filter((practice) => practice.principle === 'purpose');
    session.apply('r-2', purpose.map((practice) => answer(practice.id, 4)));
    const status = session.status();
    expect(status).toMatchObject({ joined: 3, inProgress: 2, complete: 1, folderComplete: 2, folderRespondents: 4, revealed: false });
    expect(status.principles.find((principle) => principle.id === 'purpose')!.complete).toBe(2);
    expect(status.principles.find((principle) => principle.id !== 'purpose')!.complete).toBe(1);
  });

  it('refuses Reveal below the minimum group size of complete responses, then allows it', () => {
    const session = new WorkshopSession(settings, [earlier('a', 'pes survey', true), earlier('b', 'pes survey', true)]);
    expect(session.reveal()).toEqual({ ok: false, complete: 2, needed: 3 });
    expect(session.isRevealed()).toBe(false);
    session.admit('r-1');
    session.apply('r-1', everything(2));
    expect(session.reveal()).toEqual({ ok: true });
    session.hide();
    expect(session.isRevealed()).toBe(false);
  });

  it('hands the report every response in the folder, in file-name order, as `pes assess` reads them', () => {
    const session = new WorkshopSession(settings, [earlier('z-last', 'pes survey', true), earlier('a-first', 'pes survey', false)]);
    session.admit('m-middle');
    session.apply('m-middle', [answer(first, 1)]);
    expect(session.allResponses().map((response) => response.respondent.id)).toEqual(['a-first', 'm-middle', 'z-last']);
  });
});
