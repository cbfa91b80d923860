/**
 * The report as one table for a spreadsheet. The `record` column says what a row is:
 *
 * - `overall`, then one `principle` row each: score, band and coverage (finding: the coverage in words,
 *   and for the overall any survey caution and placeholder count);
 * - one `practice` row each: its scores, coverage, survey figures, lead finding and all its advice;
 * - under it one `check` row per evidence check: status, critical, the points it earned (in `score`),
 *   weight, the line, the finding and the check's fix (in `advice`);
 * - and one `group` row per survey group figure shown.
 *
 * Every cell passes through csvCell, which keeps spreadsheet formulas from running.
 */
import type { Report } from '../model/report.js';
import { practiceChange, principleChange } from './changes.js';
import { csvDocument } from '../text/csv-cell.js';
import { coverageText, reportCautions } from './labels.js';

const HEADER = [
  'record',
  'practice',
  'id',
  'title',
  'principle',
  'weight',
  'score',
  'band',
  'coverage',
  'evidence_score',
  'evidence_band',
  'survey_n',
  'survey_mean',
  'survey_sd',
  'survey_dont_know',
  'labels',
  'change',
  'check',
  'critical',
  'status',
  'line',
  'finding',
  'advice',
  'not_pursued_reason',
  'dimension',
  'group',
  'group_n',
  'group_mean',
] as const;

type Column = (typeof HEADER)[number];
type Cell = string | number | null | undefined;

/** A row from named cells, so that no record type depends on counting columns. */
function row(cells: Partial<Record<Column, Cell | boolean>>): Cell[] {
  return HEADER.map((column) => {
    const value = cells[column];
    return typeof value === 'boolean' ? String(value) : value;
  });
}

type Summary = Pick<Report['overall'], 'score' | 'band' | 'coverage' | 'described' | 'total' | 'provisional' | 'evidenceScore' | 'perception'>;

/** The row of the overall score or of a principle: its figures, and its coverage in words (with the report's cautions, for the overall). */
function summaryRow(record: 'overall' | 'principle', id: string, title: string, summary: Summary, change: number | null, cautions: readonly string[]): Cell[] {
  return row({
    record,
    id,
    title,
    principle: record === 'principle' ? id : undefined,
    score: summary.score,
    band: summary.band,
    coverage: summary.coverage,
    evidence_score: summary.evidenceScore,
    survey_n: summary.perception?.n,
    survey_mean: summary.perception?.mean,
    change,
    finding: [`${coverageText(summary)}${summary.provisional ? ' (provisional)' : ''}.`, ...cautions].join(' '),
  });
}

export function renderCsv(report: Report): string {
  const rows: Cell[][] = [[...HEADER]];
  const { overall } = report;
  rows.push(summaryRow('overall', 'overall', 'Overall', overall, report.baseline?.overall.delta ?? null, reportCautions(report)));
  for (const principle of report.principles) rows.push(summaryRow('principle', principle.id, principle.title, principle, principleChange(report, principle.id), []));
  for (const practice of report.practices) {
    const perception = practice.perception;
    const same = { practice: practice.number, id: practice.id, title: practice.title, principle: practice.principle };
    rows.push(
      row({
        record: 'practice',
        ...same,
        weight: practice.weight,
        score: practice.score,
        band: practice.band,
        coverage: practice.coverage,
        evidence_score: practice.evidence.score,
        evidence_band: practice.evidence.band,
        survey_n: perception?.n,
        survey_mean: perception?.mean,
        survey_sd: perception?.sd,
        survey_dont_know: perception?.dontKnow,
        labels: practice.tooFewAnswers ? 'too_few_answers' : practice.labels.join(' '),
        change: practiceChange(report, practice.number),
        line: practice.location.line,
        finding: practice.finding,
        advice: practice.advice.join('\n'),
        not_pursued_reason: practice.notApplicable?.reason,
      }),
    );
    for (const check of practice.evidence.checks) {
      rows.push(
        row({
          record: 'check',
          ...same,
          weight: check.weight,
          score: check.points,
          check: check.check,
          critical: check.critical,
          status: check.status,
          line: check.location.line,
          finding: check.message,
          advice: check.fix,
        }),
      );
    }
    for (const group of perception?.groups ?? []) {
      rows.push(row({ record: 'group', ...same, dimension: group.dimension, group: group.group, group_n: group.n, group_mean: group.mean }));
    }
  }
  return csvDocument(rows);
}
