import { describe, expect, it } from 'vitest';
import { selectDiscussion } from '../../src/assess/discussion.js';
import { combinedScore } from '../../src/assess/score.js';
import { triangulate, widestGap } from '../../src/assess/triangulate.js';
import type { Band, PracticeResult } from '../../src/model/report.js';
import type { GroupFigure, PracticePerception } from '../../src/model/perception.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();

const STRONG = { score: 100, band: 'strong' as const };
const DEVELOPING = { score: 62.5, band: 'developing' as const };
const GAP = { score: 20, band: 'gap' as const };
const NOT_DESCRIBED = { score: null, band: 'not_described' as const };

/** A perception with the given mean; the score follows from it, other figures are unremarkable unless given. */
function perception(mean: number | null, extra: Partial<PracticePerception> = {}): PracticePerception {
  return {
    practice: 'align-on-purpose',
    n: mean === null ? 0 : 6,
    mean,
    sd: mean === null ? null : 0.5,
    min: mean === null ? null : 2,
    max: mean === null ? null : 4,
    distribution: [0, 1, 4, 1, 0],
    dontKnow: 0,
    score: mean === null ? null : ((mean - 1) / 4) * 100,
    groups: [],
    ...extra,
  };
}

function groups(dimension: string, means: Record<string, number>): GroupFigure[] {
  return Object.entries(means).map(([group, mean]) => ({ dimension: dimension as GroupFigure['dimension'], group, n: 3, mean }));
}

const labelsOf = (evidence: { score: number | null; band: Band }, seen: PracticePerception | undefined) => triangulate(evidence, seen, rubric).labels;

describe('triangulation labels', () => {
  it('uses the rubric\'s thresholds: low mean 3.0, high mean 4.0, sd 1.0, group gap 1.0', () => {
    expect(rubric.triangulation).toMatchObject({ low_mean: 3, high_mean: 4, divergent_sd: 1, divergent_group_gap: 1 });
  });

  it('paper_only: strong evidence, but people rate it below 3.0', () => {
    expect(labelsOf(STRONG, perception(2.5))).toEqual(['paper_only']);
    expect(labelsOf(STRONG, perception(2.99))).toEqual(['paper_only']);
    // Exactly 3.0 is not below 3.0.
    expect(labelsOf(STRONG, perception(3))).toEqual([]);
  });

  it('hidden_strength: no evidence in the file, but people rate it 4.0 or more', () => {
    expect(labelsOf(NOT_DESCRIBED, perception(4.5))).toEqual(['hidden_strength']);
    expect(labelsOf(NOT_DESCRIBED, perception(4))).toEqual(['hidden_strength']);
    expect(labelsOf(NOT_DESCRIBED, perception(3.99))).toEqual([]);
    // Weak evidence is evidence: a lived strength with a gap on file is not "hidden".
    expect(labelsOf(GAP, perception(4.5))).toEqual([]);
  });

  it('confirmed_gap: gap evidence and a mean below 3.0', () => {
    expect(labelsOf(GAP, perception(2))).toEqual(['confirmed_gap']);
    expect(labelsOf(GAP, perception(2.99))).toEqual(['confirmed_gap']);
    expect(labelsOf(GAP, perception(3))).toEqual([]);
  });

  it('confirmed_strength: strong evidence and a mean of 4.0 or more', () => {
    expect(labelsOf(STRONG, perception(4))).toEqual(['confirmed_strength']);
    expect(labelsOf(STRONG, perception(4.8))).toEqual(['confirmed_strength']);
    expect(labelsOf(STRONG, perception(3.99))).toEqual([]);
  });

  it('divergent by standard deviation: 1.0 or more', () => {
    expect(labelsOf(DEVELOPING, perception(3.5, { sd: 1 }))).toEqual(['divergent']);
    expect(labelsOf(DEVELOPING, perception(3.5, { sd: 1.41 }))).toEqual(['divergent']);
    expect(labelsOf(DEVELOPING, perception(3.5, { sd: 0.99 }))).toEqual([]);
  });

  it('divergent by a gap of 1.0 or more between two groups, even when the overall spread is small', () => {
    // 4.0 - 3.0 = 1.0: divergent.
    expect(labelsOf(DEVELOPING, perception(3.5, { sd: 0.5, groups: groups('sector', { civil_society: 4, public: 3 }) }))).toEqual(['divergent']);
    // 3.9 - 2.9 is 0.9999999999999998 in floating point; it is read as the 1.0 a person sees.
    expect(labelsOf(DEVELOPING, perception(3.4, { sd: 0.5, groups: groups('sector', { civil_society: 3.9, public: 2.9 }) }))).toEqual(['divergent']);
    // 4.0 - 3.01 = 0.99: not divergent.
    expect(labelsOf(DEVELOPING, perception(3.5, { sd: 0.5, groups: groups('sector', { civil_society: 4, public: 3.01 }) }))).toEqual([]);
  });

  it('gives no label to an unremarkable practice', () => {
    expect(labelsOf(DEVELOPING, perception(3.5))).toEqual([]);
    // Developing evidence never confirms or contradicts, whatever the mean.
    expect(labelsOf(DEVELOPING, perception(1.5))).toEqual([]);
    expect(labelsOf(DEVELOPING, perception(4.9))).toEqual([]);
  });

  it('lists several labels in order of precedence, paper_only first', () => {
    const result = triangulate(STRONG, perception(2.4, { sd: 1.5, min: 1, max: 5 }), rubric);
    expect(result.labels).toEqual(['paper_only', 'divergent']);
    const lived = triangulate(NOT_DESCRIBED, perception(4.2, { sd: 1.1 }), rubric);
    expect(lived.labels).toEqual(['divergent', 'hidden_strength']);
  });

  it('gives no label without perception, or when nobody answered on the scale', () => {
    expect(triangulate(STRONG, undefined, rubric)).toEqual({ labels: [], widestGroupGap: null, tooFewAnswers: false });
    expect(triangulate(STRONG, perception(null, { dontKnow: 4 }), rubric)).toEqual({ labels: [], widestGroupGap: null, tooFewAnswers: false });
  });

  it('gives no label at all below the rubric\'s minimum of answers: too few answers to tell', () => {
    expect(rubric.triangulation.min_answers).toBe(5);
    // Four answers spread 1-5 look divergent, and a mean of 2.5 looks paper-only, but four people cannot tell.
    const four = perception(2.5, { n: 4, sd: 1.9 });
    expect(triangulate(STRONG, four, rubric)).toMatchObject({ labels: [], tooFewAnswers: true });
    expect(triangulate(STRONG, { ...four, n: 5 }, rubric)).toMatchObject({ labels: ['paper_only', 'divergent'], tooFewAnswers: false });
  });
});

describe('combined score', () => {
  const evidence = (score: number | null, cap: number | null = null) => ({
    score,
    coverage: score === null ? 0 : 1,
    cap: cap === null ? null : { check: 'c', status: 'not_met' as const, limit: cap },
  });

  it('weighs evidence 0.6 and perception 0.4 when both exist', () => {
    // Mean 2.5 -> perception (2.5 - 1) / 4 * 100 = 37.5; 100 * 0.6 + 37.5 * 0.4 = 60 + 15 = 75.
    expect(combinedScore(evidence(100), 37.5, rubric.combine)).toBe(75);
    // 50 * 0.6 + 66.67 * 0.4 = 30 + 26.668 = 56.668 -> 56.7.
    expect(combinedScore(evidence(50), 66.67, rubric.combine)).toBe(56.7);
  });

  it('is the evidence score alone without perception', () => {
    expect(combinedScore(evidence(62.5), null, rubric.combine)).toBe(62.5);
  });

  it('is nothing without evidence, however well people rate the practice: perception never scores alone', () => {
    expect(combinedScore(evidence(null), 100, rubric.combine)).toBeNull();
    expect(combinedScore(evidence(null), null, rubric.combine)).toBeNull();
  });

  it('keeps the cap of a failing critical check: people rating it well cannot lift it out of the gap band', () => {
    // 40 * 0.6 + 100 * 0.4 = 64, held at the cap of 40.
    expect(combinedScore(evidence(40, 40), 100, rubric.combine)).toBe(40);
  });
});

describe('widestGap', () => {
  it('picks the dimension whose highest and lowest groups lie furthest apart', () => {
    const seen = perception(3.5, {
      groups: [
        ...groups('sector', { civil_society: 3.5, public: 3 }),
        ...groups('role', { leadership: 4.5, partner_staff: 3, backbone: 3.5 }),
        ...groups('organisation', { 'Acme Foods': 3.2, 'Cedar Food Bank': 4 }),
      ],
    });
    // Sector 3.5 - 3.0 = 0.5; role 4.5 - 3.0 = 1.5; organisation 4.0 - 3.2 = 0.8.
    expect(widestGap(seen)).toEqual({
      dimension: 'role',
      high: { group: 'leadership', mean: 4.5 },
      low: { group: 'partner_staff', mean: 3 },
      gap: 1.5,
    });
    expect(triangulate(DEVELOPING, seen, rubric).widestGroupGap?.dimension).toBe('role');
  });

  it('is null without group figures', () => {
    expect(widestGap(perception(3.5))).toBeNull();
  });
});

describe('discussion guide', () => {
  type Candidate = Parameters<typeof selectDiscussion>[0][number];

  /** A practice as the report builds it: evidence, perception and the labels triangulation gives them. */
  function candidate(number: number, evidence: { score: number | null; band: Band }, seen: PracticePerception | null): Candidate {
    const practice = rubric.practices.find((entry) => entry.number === number)!;
    const triangulation = triangulate(evidence, seen ?? undefined, rubric);
    const location = { path: ['partnership'], line: 1, column: 1 };
    const result: PracticeResult = {
      number,
      id: practice.id,
      title: practice.title,
      short: practice.short,
      principle: practice.principle,
      weight: practice.weight,
      score: combinedScore({ score: evidence.score, coverage: 1, cap: null }, seen?.score ?? null, rubric.combine),
      band: evidence.band,
      coverage: evidence.score === null ? 0 : 1,
      basis: practice.basis,
      evidence: { score: evidence.score, band: evidence.band, cap: null, checks: [] },
      perception: seen === null ? null : withoutPractice(seen),
      labels: triangulation.labels,
      tooFewAnswers: triangulation.tooFewAnswers,
      notApplicable: null,
      finding: '',
      location,
      priority: 0,
      advice: [],
      needs: [],
    };
    return { result, triangulation, practice };
  }

  function withoutPractice({ practice: _practice, ...rest }: PracticePerception): NonNullable<PracticeResult['perception']> {
    return rest;
  }

  const question = (number: number) => rubric.practices.find((entry) => entry.number === number)!.question;
  const calm = (number: number, mean = 3.5) => candidate(number, DEVELOPING, perception(mean));

  it('puts paper-only practices first, then the widest disagreements, each with the rubric\'s question', () => {
    const chosen = selectDiscussion(
      [
        calm(1),
        // Paper-only, mean 2.8: urgency 2 + (3.0 - 2.8) = 2.2.
        candidate(2, STRONG, perception(2.8)),
        // Paper-only, mean 2.2: urgency 2 + (3.0 - 2.2) = 2.8.
        candidate(5, STRONG, perception(2.2)),
        // Divergent by sd 1.6: urgency 1.6.
        candidate(9, DEVELOPING, perception(3.2, { sd: 1.6, min: 1, max: 5 })),
        // Divergent by a group gap of 4.2 - 3.0 = 1.2 (sd 0.5): urgency 1.2.
        candidate(12, DEVELOPING, perception(3.6, { groups: groups('sector', { civil_society: 4.2, public: 3 }) })),
        // Rated low (2.4) but not flagged: not needed, four are flagged.
        calm(20, 2.4),
      ],
      rubric,
    );
    expect(chosen.map(({ practice, reason }) => [practice, reason])).toEqual([
      [5, 'paper_only'],
      [2, 'paper_only'],
      [9, 'divergent'],
      [12, 'divergent'],
    ]);
    for (const item of chosen) expect(item.question).toBe(question(item.practice));
    expect(chosen[0]!.title).toBe(rubric.practices[4]!.title);
    expect(chosen[0]!.detail).toBe('in place on paper (evidence 100), but people rate it 2.2 of 5');
    expect(chosen[2]!.detail).toBe('answers range 1-5 (sd 1.6)');
    expect(chosen[3]!.detail).toMatch(/^answers range 2-4 \(sd 0\.5\); civil_society 4\.2 vs public 3(\.0)?$/);
  });

  it('takes at most five', () => {
    const flagged = [3, 6, 9, 12, 15, 18, 21].map((number, index) => candidate(number, DEVELOPING, perception(3.2, { sd: 1 + index / 10 })));
    const chosen = selectDiscussion(flagged, rubric);
    // sd 1.0, 1.1, ... 1.6: the five widest are 21 (1.6), 18 (1.5), 15 (1.4), 12 (1.3), 9 (1.2).
    expect(chosen.map(({ practice }) => practice)).toEqual([21, 18, 15, 12, 9]);
  });

  it('pads with the lowest-rated practices when fewer than three are flagged', () => {
    const chosen = selectDiscussion(
      [
        calm(1, 3.8),
        calm(4, 2.6),
        candidate(7, STRONG, perception(2.9)),
        calm(10, 3.1),
        calm(13, 2.6),
        // Not surveyed: never chosen, however it scores.
        candidate(16, GAP, null),
      ],
      rubric,
    );
    // 7 is paper-only; then the lowest means: 4 (2.6) and 13 (2.6), ties by practice number.
    expect(chosen.map(({ practice, reason }) => [practice, reason])).toEqual([
      [7, 'paper_only'],
      [4, 'low_perception'],
      [13, 'low_perception'],
    ]);
    expect(chosen[1]!.detail).toBe('rated 2.6 of 5, among the lowest');
    for (const item of chosen) expect(item.question).toBe(question(item.practice));
  });

  it('still offers three practices when nothing is flagged', () => {
    const chosen = selectDiscussion([calm(1, 4.5), calm(2, 3.2), calm(3, 3.9), calm(4, 3.4)], rubric);
    expect(chosen.map(({ practice }) => practice)).toEqual([2, 4, 3]);
    expect(chosen.every(({ reason }) => reason === 'low_perception')).toBe(true);
  });

  it('calls a practice that is both paper-only and divergent paper-only', () => {
    const [first] = selectDiscussion([candidate(8, STRONG, perception(2.5, { sd: 1.4, min: 1, max: 5 })), calm(1), calm(2)], rubric);
    expect(first).toMatchObject({ practice: 8, reason: 'paper_only' });
  });

  it('leaves out practices the partnership chose not to pursue, however low they are rated', () => {
    const dropped = candidate(21, GAP, perception(1.5));
    dropped.result.notApplicable = { reason: 'Our members serve institutions, not end users.' };
    dropped.result.band = 'not_applicable';
    dropped.result.score = null;
    const chosen = selectDiscussion([dropped, calm(1, 3.9), calm(2, 3.6), calm(3, 3.4), calm(4, 3.7)], rubric);
    // Without 21, the three lowest: 3 (3.4), 2 (3.6), 4 (3.7).
    expect(chosen.map(({ practice }) => practice)).toEqual([3, 2, 4]);
  });

  it('is empty when nobody answered', () => {
    expect(selectDiscussion([candidate(1, STRONG, null), candidate(2, GAP, perception(null, { dontKnow: 3 }))], rubric)).toEqual([]);
  });
});
