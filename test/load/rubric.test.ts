import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../src/load/located-error.js';
import { loadRubric } from '../../src/load/rubric.js';
import { CHECKS } from '../../src/checks/index.js';

const RUBRIC = readFileSync(new URL('../../rubrics/pes-27.yaml', import.meta.url), 'utf8');

async function errorsFor(text: string): Promise<string[]> {
  const result = await loadRubric('r.yaml', text, CHECKS);
  if (result.ok) throw new Error('expected the rubric to be rejected');
  return result.errors.map(formatLocatedError);
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${needle}`);
  return text.slice(0, index).split('\n').length;
}

/** Table 2 of the field guide lists this many practices; a rubric numbers its own additions after them. */
const FIELD_GUIDE_PRACTICES = 27;

const builtin = await loadRubric('rubrics/pes-27.yaml', RUBRIC, CHECKS);

describe('the built-in rubric', () => {
  if (!builtin.ok) throw new Error(builtin.errors.map(formatLocatedError).join('\n'));
  const rubric = builtin.rubric;

  it('has the field guide\'s 6 principles and all its practices, numbered from 1 in order with no gap', async () => {
    expect(rubric.principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rubric.practices.map((p) => p.number)).toEqual(Array.from({ length: rubric.practices.length }, (_, i) => i + 1));
    expect(rubric.practices.length).toBeGreaterThanOrEqual(FIELD_GUIDE_PRACTICES);
  });

  it('puts practices under the principles of Table 2 (1-3, 4-10, 11-14, 15-20, 21-24, 25-27)', async () => {
    const principleOf = (n: number) => rubric.principles.find((p) => p.id === rubric.practices[n - 1]!.principle)!.number;
    expect([1, 3, 4, 10, 11, 14, 15, 20, 21, 24, 25, 27].map(principleOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
  });

  it('gives every practice evidence checks, a survey statement, a discussion question and advice for when it is strong', async () => {
    for (const practice of rubric.practices) {
      expect(practice.checks.length, `practice ${practice.number}`).toBeGreaterThan(0);
      expect(practice.statement).not.toMatch(/TODO/);
      expect(practice.question).not.toMatch(/TODO/);
      expect(practice.advice.strong).not.toMatch(/TODO/);
    }
  });

  it('justifies every practice and every check from the field guide, and gives every check a fix naming where to record it', async () => {
    for (const practice of rubric.practices) {
      // A practice of the guide's table cites itself; one added after them cites the principle or practice it builds on.
      const cited = practice.number <= FIELD_GUIDE_PRACTICES ? `(principle \\d+ and )?practice ${practice.number}\\b` : '(principle|practice) \\d+\\b';
      expect(practice.basis, `practice ${practice.number}`).toMatch(new RegExp(`^Guide ${cited}`));
      for (const [index, use] of practice.checks.entries()) {
        const where = `practice ${practice.number}, check ${index + 1}`;
        expect(use.basis.length, where).toBeGreaterThan(30);
        // A fix says where the result goes: a `field` of the partnership file.
        expect(use.fix, where).toMatch(/`[a-z_.[\]]+/);
      }
    }
  });

  it('marks the defining test of every practice as critical, among them the ones the issue names', async () => {
    for (const practice of rubric.practices) expect(practice.checks.some((use) => use.critical), `practice ${practice.number}`).toBe(true);
    const critical = (number: number) => rubric.practices[number - 1]!.checks.filter((use) => use.critical).map((use) => use.check);
    expect(critical(15)).toEqual(['integrationAssumptionsAligned']);
    expect(critical(11)).toEqual(['teamsRelaunchedAfterTurnover']);
    // Fewest metrics, and a results chain beyond outputs.
    expect(critical(25)).toEqual(['focusedList', 'valuesCovered']);
    expect(rubric.practices[24]!.checks.find((use) => use.critical && use.check === 'valuesCovered')!.params).toMatchObject({ field: 'level' });
  });

  it('scores with points 100/50/0 and bands 80/50, so that one met and one partly met check (75) stay developing', async () => {
    expect(rubric.scoring).toMatchObject({
      points: { met: 100, partly: 50, not_met: 0 },
      bands: { strong: 80, developing: 50 },
      caps: { critical_not_met: 40, critical_partly: 70 },
      met_and_partly_may_be_strong: false,
    });
  });

  it('fills in defaults declared by the checks (date_field) once, at load time', async () => {
    const recent = rubric.practices[1]!.checks.find((use) => use.check === 'recentEvents')!;
    expect(recent.params).toMatchObject({ list: 'communications.stories', date_field: 'date' });
  });

  it('uses the guide\'s 15% turnover rule and 3-6 month sprints', async () => {
    expect(rubric.practices[10]!.checks[0]!.params).toEqual({ turnover_threshold: 0.15, partly_share_due: 0.5 });
    expect(rubric.practices[23]!.checks[0]!.params).toMatchObject({ min_months: 3, max_months: 6 });
  });
});

describe('the scoring settings', () => {
  const scoring = (settings: string) => RUBRIC.replace(/^scoring:\n(?:  .*\n|\s*#.*\n)+/m, `scoring:\n${settings}\n`);
  const settings = (partly: number, strong: number, extra = '') =>
    `  points: { met: 100, partly: ${partly}, not_met: 0 }\n  bands: { strong: ${strong}, developing: 50 }\n  caps: { critical_not_met: 40, critical_partly: 70 }\n  provisional_below: 0.6${extra}`;

  it('refuses points and bands that let one met and one partly met check average into strong, exactly on the boundary', async () => {
    // (100 + 50) / 2 = 75: a band at 75 is reached, one at 75.5 is not.
    const text = scoring(settings(50, 75));
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${lineOf(text, 'partly: 50')}:31 scoring.points.partly: one met and one partly-met check average 75, which reaches scoring.bands.strong (75); lower the points or raise the band, or set scoring.met_and_partly_may_be_strong: true`,
    ]);
    expect((await loadRubric('r.yaml', scoring(settings(50, 75.5)), CHECKS)).ok).toBe(true);
    expect((await loadRubric('r.yaml', scoring(settings(49, 75)), CHECKS)).ok).toBe(true);
  });

  it('accepts it when the rubric says so explicitly', async () => {
    expect((await loadRubric('r.yaml', scoring(`${settings(50, 75)}\n  met_and_partly_may_be_strong: true`), CHECKS)).ok).toBe(true);
  });

  it('refuses caps outside the bands they are meant for', async () => {
    const text = scoring(settings(50, 80).replace('critical_not_met: 40, critical_partly: 70', 'critical_not_met: 50, critical_partly: 80'));
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${lineOf(text, 'critical_not_met: 50')}:29 scoring.caps.critical_not_met: must lie in the gap band, below scoring.bands.developing (50)`,
      `r.yaml:${lineOf(text, 'critical_partly: 80')}:50 scoring.caps.critical_partly: must lie below scoring.bands.strong (80)`,
    ]);
  });
});

describe('a rubric of the earlier format', () => {
  it('is refused in one located line that says how to move on, not with every missing key', async () => {
    const text = "id: mine\nversion: '1'\ntitle: Mine\nbands:\n  strong: 75\n  developing: 50\n  min_described_share: 0.5\n";
    expect(await errorsFor(text)).toEqual([
      'r.yaml:4:1 this rubric has the earlier format (top-level `bands`, advice per band); start a new file with `extends: pes-27` and carry over only your changes: `scoring` holds the points, bands and caps, and each check a `basis` and a `fix` (docs/custom-rubric.md)',
    ]);
  });
});

describe('a broken rubric', () => {
  it('names an unknown check at its line, with the closest known name', async () => {
    const text = RUBRIC.replace('check: purposeIsConcise', 'check: purposeIsConsise');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${lineOf(text, 'purposeIsConsise')}:16 practices[0].checks[0].check: unknown check "purposeIsConsise"; did you mean "purposeIsConcise"?`,
    ]);
  });

  it('rejects a threshold of the wrong type, and a parameter the check does not take', async () => {
    const text = RUBRIC.replace('params: { max_words: 75, partly_max_words: 150 }', 'params: { max_words: seventy, partly_max_words: 150, max_seconds: 30 }');
    const line = lineOf(text, 'max_words: seventy');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${line}:30 practices[0].checks[0].params.max_words: invalid parameter for purposeIsConcise (invalid type), got "seventy"`,
      `r.yaml:${line}:62 practices[0].checks[0].params.max_seconds: unknown parameter "max_seconds" for purposeIsConcise`,
    ]);
  });

  it('rejects a path the partnership format does not have', async () => {
    const text = RUBRIC.replace('list: communications.stories', 'list: communications.storys');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${lineOf(text, 'communications.storys')}:17 practices[1].checks[1].params.list: the partnership format has no "communications.storys"`,
    ]);
  });

  it('rejects duplicate practice numbers and unknown principles', async () => {
    const text = RUBRIC.replace('  - number: 2\n    id: consistent-communication\n    principle: purpose', '  - number: 1\n    id: consistent-communication\n    principle: purpse');
    const errors = await errorsFor(text);
    expect(errors).toContain(`r.yaml:${lineOf(text, 'number: 1\n    id: consistent')}:13 practices[1].number: duplicate number 1`);
    expect(errors).toContain(`r.yaml:${lineOf(text, 'purpse')}:16 practices[1].principle: unknown principle "purpse"; did you mean "purpose"?`);
  });

  it('reports a missing required field at the practice that lacks it', async () => {
    const text = RUBRIC.replace(/(  - number: 5\n(?:.*\n)*?)    weight: 1\n/, '$1');
    expect(await errorsFor(text)).toEqual([`r.yaml:${lineOf(text, 'number: 5\n    id: community')}:5 practices[4].weight: missing; expected a number`]);
  });
});
