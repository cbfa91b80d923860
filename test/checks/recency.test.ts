import { describe, expect, it } from 'vitest';
import { dateRecency, recentEvents } from '../../src/checks/recency.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

// As of 2026-06-30 (the helpers' default). Months are calendar months: 2025-06-30 is exactly 12 months back,
// and each day past a whole month adds a fraction of the next month (1/30 of a month here).

describe('dateRecency', () => {
  // Practice 1 in rubrics/pes-27.yaml.
  const purposeReview = {
    field: 'partnership.last_purpose_review',
    what: 'the last purpose review',
    met_within_months: 12,
    partly_within_months: 24,
  };
  const reviewedOn = (date: string) => partnership({ partnership: { name: 'P', last_purpose_review: date } });

  it('is met for a review within the last 12 months, and reports its age in months', () => {
    const outcome = run(dateRecency, reviewedOn('2026-03-30'), purposeReview);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('recent');
    expect(outcome.data).toMatchObject({ date: '2026-03-30', age: 3 });
    expect(outcome.path).toEqual(['partnership', 'last_purpose_review']);
  });

  it('is met on the as-of date itself and exactly one year before it', () => {
    expect(run(dateRecency, reviewedOn('2026-06-30'), purposeReview).status).toBe('met');
    expect(run(dateRecency, reviewedOn('2025-06-30'), purposeReview).status).toBe('met');
  });

  it('is partly met from the day after the 12-month mark up to 24 months', () => {
    // 12 months and a day = 12.03 months.
    const justOver = run(dateRecency, reviewedOn('2025-06-29'), purposeReview);
    expect(justOver.status).toBe('partly');
    expect(justOver.messageId).toBe('stale');
    // Exactly 24 months: still partly met.
    const twoYears = run(dateRecency, reviewedOn('2024-06-30'), purposeReview);
    expect(twoYears.status).toBe('partly');
    expect(twoYears.data).toMatchObject({ age: 24, met_within_months: 12 });
  });

  it('is not met beyond 24 months', () => {
    // 24 months and a day.
    const outcome = run(dateRecency, reviewedOn('2024-06-29'), purposeReview);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ date: '2024-06-29', met_within_months: 12 });
    expect(messageOf(dateRecency, outcome, purposeReview)).toContain('2024-06-29');
  });

  it('does not count a date after the as-of date', () => {
    const outcome = run(dateRecency, reviewedOn('2026-07-01'), purposeReview);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('future');
    expect(outcome.path).toEqual(['partnership', 'last_purpose_review']);
  });

  it('is not described when the date is missing, and points at where it belongs', () => {
    const outcome = run(dateRecency, partnership(), purposeReview);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['partnership', 'last_purpose_review']);
  });

  it('reads a date nested below a missing parent as not described (practice 16, skills mapping)', () => {
    const skillsMapping = { field: 'learning.skills_mapped', what: 'the last live skills-mapping session', met_within_months: 24, partly_within_months: 36 };
    expect(run(dateRecency, partnership(), skillsMapping).status).toBe('not_described');
    expect(run(dateRecency, partnership({ learning: {} }), skillsMapping).status).toBe('not_described');
    // Exactly 24 months: still within two years.
    expect(run(dateRecency, partnership({ learning: { skills_mapped: '2024-06-30' } }), skillsMapping).status).toBe('met');
    // 2023-07-01 is 35 months and 29 days (35.97) back; 2023-06-29 is 36 months and a day.
    expect(run(dateRecency, partnership({ learning: { skills_mapped: '2023-07-01' } }), skillsMapping).status).toBe('partly');
    expect(run(dateRecency, partnership({ learning: { skills_mapped: '2023-06-29' } }), skillsMapping).status).toBe('not_met');
  });

  // A year containing 29 February has 366 days but is still 12 months.
  it('is met for a review exactly one calendar year earlier, even when that year has a 29 February', () => {
    const outcome = run(dateRecency, reviewedOn('2023-06-30'), purposeReview, '2024-06-30');
    expect(outcome.status).toBe('met');
  });
});

describe('recentEvents', () => {
  // Practice 2.
  const stories = { list: 'communications.stories', what: 'shareable stories', within_months: 12, met_at: 4, partly_at: 1 };
  const story = (date: string, title = `Story of ${date}`) => ({ date, title, audience: 'public' as const });
  const withStories = (...dates: string[]) => partnership({ communications: { stories: dates.map((date) => story(date)) } });

  it('is met with four stories in the last 12 months, and points at the latest one counted', () => {
    const outcome = run(recentEvents, withStories('2025-09-01', '2025-12-01', '2026-03-01', '2026-06-01'), stories);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('counted');
    expect(outcome.data).toMatchObject({ count: 4, latest: ' (latest 2026-06-01)' });
    expect(outcome.path).toEqual(['communications', 'stories', 3]);
  });

  it('names what a labelled condition left out: activities through an intermediary do not count, and the finding says whose they were', () => {
    const listening = {
      list: 'target_population.engagement',
      what: 'listening sessions',
      within_months: 24,
      met_at: 2,
      partly_at: 1,
      where: [{ field: 'via', present: false, not_counted: 'through an intermediary' }],
    };
    const activity = (date: string, via?: string) => ({ date, kind: 'listening_session' as const, ...(via ? { via } : {}) });
    const data = partnership({ target_population: { engagement: [activity('2025-10-01', 'Harbour Traders'), activity('2026-02-01', 'Harbour Traders'), activity('2026-03-01')] } });
    const outcome = run(recentEvents, data, listening);
    expect(outcome.status).toBe('partly');
    expect(outcome.data.count).toBe(1);
    expect(messageOf(recentEvents, outcome, listening)).toMatch(/; not counted: 2 through an intermediary \(Harbour Traders\)$/);
  });

  it('is partly met with one to three, and says what to aim for', () => {
    const outcome = run(recentEvents, withStories('2026-01-10', '2026-04-10', '2026-06-10'), stories);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ count: 3, latest: ' (latest 2026-06-10)' });
    expect(outcome.data.met_at).toBe(4);
    expect(() => messageOf(recentEvents, outcome, stories)).not.toThrow();
  });

  it('counts an item exactly one year old and on the as-of date, but not one a day older or one after the as-of date', () => {
    // 2025-06-30 is exactly 12 months back; 2025-06-29 is 12 months and a day.
    const outcome = run(recentEvents, withStories('2025-06-29', '2025-06-30', '2026-06-30', '2026-07-01'), stories);
    expect(outcome.data.count).toBe(2);
    expect(outcome.status).toBe('partly');
    // The date after the as-of date is not "the latest" either.
    expect(outcome.data.latest).toBe(' (latest 2026-06-30)');
  });

  it('is not met when nothing falls in the window, and names the latest date there is', () => {
    const outcome = run(recentEvents, withStories('2024-03-01', '2025-05-01', '2026-09-01'), stories);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('too_few');
    expect(outcome.data).toMatchObject({ count: 0, latest: ' (latest 2025-05-01)' });
  });

  it('is not met for an empty list, which is described ("none yet")', () => {
    const outcome = run(recentEvents, partnership({ communications: { stories: [] } }), stories);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ count: 0, latest: '' });
    expect(outcome.path).toEqual(['communications', 'stories']);
  });

  it('is not described when the list is missing', () => {
    expect(run(recentEvents, partnership(), stories).status).toBe('not_described');
    const outcome = run(recentEvents, partnership({ communications: { cadence: 'monthly' } }), stories);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['communications', 'stories']);
  });

  describe('with a 6-month window (practice 6, internal updates)', () => {
    const updates = { list: 'communications.internal_updates', what: 'internal updates to partners', within_months: 6, met_at: 3, partly_at: 1 };
    const update = (date: string) => ({ date, kind: 'newsletter' as const });

    it('counts 2025-12-30 (exactly 6 months back) but not 2025-12-29 (6 months and a day)', () => {
      const data = partnership({ communications: { internal_updates: [update('2025-12-29'), update('2025-12-30'), update('2026-03-01'), update('2026-06-01')] } });
      const outcome = run(recentEvents, data, updates);
      expect(outcome.data.count).toBe(3);
      expect(outcome.status).toBe('met');
    });
  });

  describe('with a `where` filter (practice 22, co-design workshops)', () => {
    const workshops = {
      list: 'target_population.engagement',
      what: 'co-design workshops',
      within_months: 12,
      met_at: 2,
      partly_at: 1,
      where: [{ field: 'kind', equals: 'co_design_workshop' }],
    };
    const engagement = (...entries: [string, 'co_design_workshop' | 'survey' | 'interview'][]) =>
      partnership({ target_population: { engagement: entries.map(([date, kind]) => ({ date, kind })) } });

    it('counts only the items that match', () => {
      const met = run(recentEvents, engagement(['2026-01-10', 'co_design_workshop'], ['2026-02-10', 'survey'], ['2026-04-10', 'co_design_workshop']), workshops);
      expect(met.status).toBe('met');
      expect(met.data.count).toBe(2);
      expect(met.path).toEqual(['target_population', 'engagement', 2]);
      const partly = run(recentEvents, engagement(['2026-01-10', 'co_design_workshop'], ['2026-02-10', 'survey'], ['2026-03-10', 'survey']), workshops);
      expect(partly.status).toBe('partly');
      expect(partly.data.count).toBe(1);
      const none = run(recentEvents, engagement(['2026-02-10', 'survey'], ['2026-03-10', 'interview']), workshops);
      expect(none.status).toBe('not_met');
      expect(none.data.count).toBe(0);
    });

    it('accepts a list of kinds with `in` (practice 21, 24-month window)', () => {
      const listening = { ...workshops, what: 'interviews, focus groups, surveys or listening sessions', within_months: 24, where: [{ field: 'kind', in: ['interview', 'focus_group', 'survey', 'listening_session'] }] };
      // 2024-07-15 is 23.5 months back (23 months to 2026-06-15, then 15 of 30 days); workshops do not match the kinds.
      const outcome = run(recentEvents, engagement(['2024-07-15', 'interview'], ['2026-01-10', 'co_design_workshop'], ['2026-03-10', 'survey']), listening);
      expect(outcome.data.count).toBe(2);
      expect(outcome.status).toBe('met');
    });

    // Otherwise the message would report a survey's date as the latest co-design workshop.
    it('reports the latest date among matching items only', () => {
      const outcome = run(recentEvents, engagement(['2025-03-01', 'co_design_workshop'], ['2026-05-01', 'survey']), workshops);
      expect(outcome.status).toBe('not_met');
      expect(outcome.data.latest).toBe(' (latest 2025-03-01)');
    });
  });

  describe('with `distinct_by` (practice 23, kinds of engagement)', () => {
    const kinds = { list: 'target_population.engagement', what: 'kinds of engagement activity', within_months: 12, met_at: 2, partly_at: 1, distinct_by: 'kind' };

    it('counts distinct kinds in the window, not activities', () => {
      const oneKind = partnership({ target_population: { engagement: [{ date: '2026-01-10', kind: 'survey' }, { date: '2026-03-10', kind: 'survey' }, { date: '2026-05-10', kind: 'survey' }] } });
      const partly = run(recentEvents, oneKind, kinds);
      expect(partly.data.count).toBe(1);
      expect(partly.status).toBe('partly');
      const twoKinds = partnership({ target_population: { engagement: [{ date: '2026-01-10', kind: 'survey' }, { date: '2026-03-10', kind: 'focus_group' }] } });
      expect(run(recentEvents, twoKinds, kinds).status).toBe('met');
    });

    it('does not count a kind last used outside the window', () => {
      const data = partnership({ target_population: { engagement: [{ date: '2025-05-10', kind: 'focus_group' }, { date: '2026-03-10', kind: 'survey' }] } });
      const outcome = run(recentEvents, data, kinds);
      expect(outcome.data.count).toBe(1);
      expect(outcome.status).toBe('partly');
    });
  });

  // Across a 29 February, one calendar year back is still within "the last 12 months".
  it('counts an item dated exactly one calendar year earlier across a 29 February', () => {
    const outcome = run(recentEvents, withStories('2023-06-30'), stories, '2024-06-30');
    expect(outcome.data.count).toBe(1);
  });
});
