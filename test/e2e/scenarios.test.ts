/**
 * The scenario suite: realistic partnerships written from the field guide's own stories, each the
 * healthy control (test/fixtures/scenarios/healthy-control.yaml) with one defect written in. Run
 * through the built binary as a user would, a scenario must flag the practices its story is about,
 * with a finding that names the defect, and leave every other practice strong: the defect is
 * isolated. The control must come out healthy throughout.
 *
 * The expectations come from the guide, not from the checks. A check that ignores a qualifying field
 * (an intermediary's `via`, `followed_protocol`, a date after `as_of`) or lets one serious failure be
 * averaged away by easy checks fails here. The assertions are on bands, check statuses and what the
 * findings name, never on exact scores, so they survive a change in the scoring arithmetic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PracticeResult, Report } from '../../src/model/report.js';
import { expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';

const DIR = 'test/fixtures/scenarios';
const CONTROL = 'healthy-control.yaml';

/**
 * File -> the practices it must flag, each with what one of its unmet or partly met findings must
 * name: the intermediary, the team, the statements, the missing part of the scorecard...
 */
const EXPECTED_FLAGS: Record<string, Record<number, RegExp>> = {
  [CONTROL]: {},
  'purpose-too-long.yaml': { 1: /\bwords\b|seconds/i },
  'purpose-not-realigned.yaml': { 1: /2023-05-11/ },
  'too-many-accountants.yaml': { 4: /volunteer accountants|Hartwell & Rowe/ },
  'press-release-bypass.yaml': { 8: /tidemark|harbour byelaw/i },
  'roi-without-figures.yaml': { 7: /Polvean Yard stays|own words|\bcite|figure/i },
  'relaunch-missed-after-turnover.yaml': { 11: /Wash-down Systems Team/ },
  'just-let-us-work.yaml': { 14: /\bON\b/ },
  'unexamined-integration.yaml': { 15: /parallel.play/i },
  'handshake-members.yaml': { 17: /written agreement|contract or MOU|informal|handshake/i },
  'groundhog-day.yaml': { 20: /reopen|revisit/i },
  'trade-association-voice.yaml': { 21: /Boatyard Operators' Association/, 23: /Boatyard Operators' Association/ },
  'co-design-by-proxy.yaml': { 22: /Boatyard Operators' Association/ },
  'designed-for-not-with.yaml': { 22: /co-design|shaped or tested|design.team/i },
  'sprints-too-long.yaml': { 24: /Phase \d/ },
  'output-only-scorecard.yaml': { 25: /finance|\binput|outcome|impact/i },
  'reviews-only-planned.yaml': { 27: /2024-06-20|retrospective/i },
};

const rubric = parse(readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8')) as { practices: { number: number }[] };
const RUBRIC_PRACTICES = rubric.practices.map((practice) => practice.number);

const reports = new Map<string, Report>();

/** Each scenario is assessed once by the built binary; every assertion reads the same report. */
function reportFor(file: string): Report {
  const cached = reports.get(file);
  if (cached) return cached;
  const result = pes(['assess', join(DIR, file), '--format', 'json']);
  expectNoStackTrace(result.stderr);
  expect(result.status, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as Report;
  reports.set(file, report);
  return report;
}

function practice(report: Report, number: number): PracticeResult {
  const found = report.practices.find((entry) => entry.number === number);
  if (!found) throw new Error(`practice ${number} is missing from the report`);
  return found;
}

const isShortfall = (status: string) => status === 'not_met' || status === 'partly';

/** What a reader of a failure needs: the practice's band and every check's status and message. */
function describePractice(entry: PracticeResult): string {
  const checks = entry.evidence.checks.map((check) => `    ${check.check} ${check.status}: ${check.message}`);
  return [`practice ${entry.number} (${entry.short}) is ${entry.band}`, ...checks].join('\n');
}

/** A healthy practice: strong, and no check falls short. */
function shortfallOf(entry: PracticeResult): string | undefined {
  const healthy = entry.band === 'strong' && !entry.evidence.checks.some((check) => isShortfall(check.status));
  return healthy ? undefined : describePractice(entry);
}

/** The practice numbers after "Must flag:" in a scenario's header comment ("none" gives none). */
function headerFlags(file: string): number[] {
  const header = readFileSync(join(ROOT, DIR, file), 'utf8').split('\n').filter((line) => line.startsWith('#'));
  const text = header.map((line) => line.replace(/^#\s*/, '')).join(' ');
  const mustFlag = /Must flag: ([^;.]*)/.exec(text);
  if (!mustFlag) throw new Error(`${file} has no "Must flag:" line in its header`);
  return [...mustFlag[1]!.matchAll(/\b\d+\b/g)].map((match) => Number(match[0]));
}

const scenarios = Object.entries(EXPECTED_FLAGS).filter(([file]) => file !== CONTROL);

describe('the scenario suite', () => {
  it('has a row for every scenario file, and each file says in its header what the row expects', () => {
    const files = readdirSync(join(ROOT, DIR)).filter((name) => name.endsWith('.yaml'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED_FLAGS).sort());
    for (const [file, flags] of Object.entries(EXPECTED_FLAGS)) {
      expect(headerFlags(file), file).toEqual(Object.keys(flags).map(Number));
    }
  });

  it.each(Object.keys(EXPECTED_FLAGS))('%s is a valid partnership file', (file) => {
    const result = pes(['validate', join(DIR, file)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(Object.keys(EXPECTED_FLAGS))('%s is assessed against every practice of the rubric', (file) => {
    expect(reportFor(file).practices.map((entry) => entry.number).sort((a, b) => a - b)).toEqual(RUBRIC_PRACTICES);
  });
});

describe('the healthy control', () => {
  it('is strong in every practice and principle, overall, with nothing to recommend', () => {
    const report = reportFor(CONTROL);
    const shortfalls = report.practices.map(shortfallOf).filter((text) => text !== undefined);
    expect(shortfalls).toEqual([]);
    expect(report.principles.filter((principle) => principle.band !== 'strong').map((principle) => principle.title)).toEqual([]);
    expect(report.overall.band).toBe('strong');
    expect(report.recommendations).toEqual([]);
  });

  it('describes every section: no check and no practice is left not described', () => {
    const report = reportFor(CONTROL);
    expect(report.notDescribed).toEqual([]);
    const unknown = report.practices.flatMap((entry) =>
      entry.evidence.checks.filter((check) => check.status === 'not_described').map((check) => `${entry.number} ${check.check}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe.each(scenarios)('scenario %s', (file, flags) => {
  const expected = Object.keys(flags).map(Number);

  it.each(expected)('flags practice %i, with a finding that names the defect', (number) => {
    const entry = practice(reportFor(file), number);
    const summary = describePractice(entry);
    expect(['gap', 'developing'], summary).toContain(entry.band);
    const naming = flags[number]!;
    const namesDefect = entry.evidence.checks.some((check) => isShortfall(check.status) && naming.test(check.message));
    expect(namesDefect, `no unmet or partly met check of practice ${number} names ${naming}:\n${summary}`).toBe(true);
  });

  it('leaves every other practice strong, with no check falling short', () => {
    const report = reportFor(file);
    const others = RUBRIC_PRACTICES.filter((number) => !expected.includes(number));
    const shortfalls = others.map((number) => shortfallOf(practice(report, number))).filter((text) => text !== undefined);
    expect(shortfalls).toEqual([]);
  });

  it('recommends work on the flagged practices, and on no other, and never praises them', () => {
    const report = reportFor(file);
    expect(report.recommendations.map((recommendation) => recommendation.practice).sort((a, b) => a - b)).toEqual(expected);
    const praised = report.strengths.map((strength) => strength.practice).filter((number) => expected.includes(number));
    expect(praised).toEqual([]);
  });
});
