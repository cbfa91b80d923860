/**
 * The scoring rule (docs/scoring.md): no evidence, no points; critical checks cap a
 * practice; one met and one partly met check stay short of strong. The cases the issue
 * found are here as they were found.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, bandFor, practiceEvidence, type ScoredCheck } from '../../src/assess/score.js';
import type { CheckStatus } from '../../src/model/labels.js';
import { builtinRubric } from '../helpers/rubric.js';
import { mustReport, readExample } from '../helpers/report.js';

const rubric = await builtinRubric();
const { scoring } = rubric;
const check = (status: CheckStatus, extra: Partial<ScoredCheck> = {}): ScoredCheck => ({ status, weight: 1, critical: false, check: 'c', ...extra });
const practiceCount = rubric.practices.length;

describe('a practice\'s evidence score', () => {
  it('counts a check that is not described as 0 points, keeping its weight, and reports the share described as coverage', () => {
    expect(practiceEvidence([check('met'), check('not_described')], scoring)).toEqual({ score: 50, coverage: 0.5, cap: null });
    expect(practiceEvidence([check('met', { weight: 3 }), check('not_described')], scoring)).toEqual({ score: 75, coverage: 0.75, cap: null });
  });

  it('has no score, only coverage 0, when nothing is described', () => {
    expect(practiceEvidence([check('not_described'), check('not_described')], scoring)).toEqual({ score: null, coverage: 0, cap: null });
  });

  it('keeps one met and one partly met check of equal weight at 75, developing, short of strong (80)', () => {
    const { score } = practiceEvidence([check('met'), check('partly')], scoring);
    expect(score).toBe(75);
    expect(bandFor(score, scoring.bands)).toBe('developing');
  });

  it('draws the band boundary at exactly 80: strong from there, developing just below', () => {
    expect(bandFor(80, scoring.bands)).toBe('strong');
    expect(bandFor(79.9, scoring.bands)).toBe('developing');
    // Two met checks and one partly met: 250 / 3 = 83.3, strong.
    expect(practiceEvidence([check('met'), check('met'), check('partly')], scoring).score).toBe(83.3);
    expect(bandFor(50, scoring.bands)).toBe('developing');
    expect(bandFor(49.9, scoring.bands)).toBe('gap');
  });

  it('holds a practice in the gap band when its critical check is not met, whatever the easy checks say', () => {
    const evidence = practiceEvidence([check('not_met', { critical: true, check: 'defining' }), check('met'), check('met'), check('met')], scoring);
    // 300 / 4 = 75 without the cap.
    expect(evidence).toEqual({ score: 40, coverage: 1, cap: { check: 'defining', status: 'not_met', limit: 40 } });
    expect(bandFor(evidence.score, scoring.bands)).toBe('gap');
  });

  it('holds it in the gap band too when the critical check is not described: deleting the failing evidence must not help', () => {
    const evidence = practiceEvidence([check('not_described', { critical: true }), check('met'), check('met'), check('met')], scoring);
    expect(evidence.score).toBe(40);
  });

  it('keeps it below strong when the critical check is only partly met', () => {
    const evidence = practiceEvidence([check('partly', { critical: true }), check('met'), check('met'), check('met'), check('met')], scoring);
    // 450 / 5 = 90 without the cap.
    expect(evidence.score).toBe(70);
    expect(bandFor(evidence.score, scoring.bands)).toBe('developing');
  });
});

describe('principle and overall scores', () => {
  it('count a practice without evidence as 0 with its full weight, and say how much of the weight is described', () => {
    const result = aggregate(
      [
        { score: 100, weight: 3, coverage: 1 },
        { score: 100, weight: 2, coverage: 1 },
        { score: null, weight: 2, coverage: 0 },
      ],
      scoring,
    );
    // (300 + 200 + 0) / 7 = 71.4: not 100, as leaving the third practice out would give.
    expect(result).toEqual({ score: 71.4, coverage: 0.7143, described: 2, total: 3, provisional: false });
  });

  it('are provisional below the rubric\'s coverage threshold, and not described when nothing is', () => {
    expect(scoring.provisional_below).toBe(0.6);
    expect(aggregate([{ score: 100, weight: 1, coverage: 1 }, { score: null, weight: 1, coverage: 0 }], scoring).provisional).toBe(true);
    expect(aggregate([{ score: null, weight: 1, coverage: 0 }], scoring)).toMatchObject({ score: null, coverage: 0, described: 0 });
  });
});

describe('the cases the issue found', () => {
  const minimal = (extra: object) => ({ as_of: '2026-06-30', partnership: { name: 'Case' }, ...extra });

  it('a protocol with no log of public statements no longer makes practice 8 strong', async () => {
    const report = await mustReport(rubric, minimal({ governance: { communication_protocol: { public_statements: 'Steering group signs off first.' } } }));
    const recognition = report.practices[7]!;
    expect(recognition.evidence.checks.map((result) => result.status)).toEqual(['not_described', 'not_described']);
    expect(recognition.band).toBe('not_described');
    expect(report.overall.band).toBe('not_described');
  });

  it('a principle with 3 of its 7 practices undescribed is no longer 100 and strong, and says what it rests on', async () => {
    const data = readExample('examples/mature-coalition.yaml');
    // Principle 2 (practices 4-10): leave out what practices 6, 7 and 10 rest on; the other four stay as they are.
    const communications = data.communications as Record<string, unknown>;
    delete communications.internal_updates;
    delete communications.roi_narratives;
    delete (data.work_plan as Record<string, unknown>).experiments;
    const report = await mustReport(rubric, data);
    const momentum = report.principles[1]!;
    expect([6, 7, 10].map((number) => report.practices[number - 1]!.band)).toEqual(['not_described', 'not_described', 'not_described']);
    // Weights 2+1+2+1 of 11 remain described: the principle rests on 55% of its weight, so it is provisional as well.
    expect(momentum).toMatchObject({ described: 4, total: 7, coverage: 0.5455, provisional: true });
    expect(momentum.band).not.toBe('strong');
    expect(momentum.score).toBeLessThan(60);
    expect(report.narrative).not.toContain('strongest area is long-term momentum');
  });

  it('declared integration that half the partners do not share puts practice 15 in the gap band', async () => {
    const partner = (id: string, assumed: string) => ({ id, name: id, sector: 'private', tier: 'core', joined: '2024-01-01', assumed_integration: assumed });
    const report = await mustReport(
      rubric,
      minimal({
        partnership: { name: 'Case', integration: 'cooperative', relationship_model: 'peer' },
        partners: [partner('a', 'cooperative'), partner('b', 'cooperative'), partner('c', 'parallel_play'), partner('d', 'parallel_play')],
      }),
    );
    const integration = report.practices[14]!;
    // The easy check (integration and model written down) is met; the defining one is not.
    expect(integration.evidence.checks.map((result) => result.status)).toEqual(['not_met', 'met']);
    expect(integration.evidence.cap).toMatchObject({ check: 'integrationAssumptionsAligned', limit: 40 });
    expect(integration.band).toBe('gap');
  });

  it('40 output-only metrics and no finance measure put practice 25 in the gap band', async () => {
    const metric = (index: number) => ({
      name: `Output ${index}`,
      level: 'output',
      category: index % 2 === 0 ? 'target_population_impact' : 'partnership_effectiveness',
      owner: 'Backbone',
      baseline: 0,
      target: 10,
      cadence: 'quarterly',
      last_reported: '2026-06-01',
    });
    const report = await mustReport(rubric, minimal({ metrics: Array.from({ length: 40 }, (_, index) => metric(index)) }));
    const metrics = report.practices[24]!;
    expect(metrics.evidence.checks.map((result) => result.status)).toEqual(['not_met', 'not_met', 'partly', 'met', 'met']);
    expect(metrics.band).toBe('gap');
  });

  it('a hidden strength no longer scores on perception alone', async () => {
    const report = await mustReport(rubric, minimal({}), {
      responses: Array.from({ length: 6 }, (_, index) => ({
        pes_response: 1,
        rubric: 'pes-27',
        partnership: 'Case',
        respondent: { id: `r${index}` },
        date: '2026-06-01',
        complete: true,
        answers: Object.fromEntries(rubric.practices.map((practice) => [practice.id, 5])),
      })),
    });
    const first = report.practices[0]!;
    expect(first.labels).toContain('hidden_strength');
    expect(first.score).toBeNull();
    expect(report.overall.score).toBeNull();
    expect(report.strengths).toEqual([]);
  });

  it('the starter file of `pes init` is not described, not healthy', async () => {
    const { starterPartnership } = await import('../../src/cli/init-template.js');
    const report = await mustReport(rubric, starterPartnership('Starter', '2026-06-30', 'schema.json'));
    expect(report.overall).toMatchObject({ band: 'not_described', score: null, described: 0, total: practiceCount });
    expect(report.placeholders.map((placeholder) => placeholder.path.join('.'))).toEqual(['partnership.purpose']);
    expect(report.strengths).toEqual([]);
    expect(report.narrative).not.toMatch(/strong health|No practice needs urgent work/);
  });
});
