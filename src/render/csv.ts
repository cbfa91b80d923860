/**
 * One row per practice, and one per group figure where the survey shows groups;
 * every cell passes through csvCell, which keeps spreadsheet formulas from running.
 */
import type { Report } from '../model/report.js';
import { practiceChange } from './changes.js';
import { csvRow } from './csv-cell.js';

const HEADER = [
  'record',
  'practice',
  'id',
  'title',
  'principle',
  'weight',
  'score',
  'band',
  'evidence_score',
  'evidence_band',
  'survey_n',
  'survey_mean',
  'survey_sd',
  'survey_dont_know',
  'labels',
  'change',
  'line',
  'finding',
  'recommendation',
  'not_pursued_reason',
  'dimension',
  'group',
  'group_n',
  'group_mean',
];

export function renderCsv(report: Report): string {
  const rows = [csvRow(HEADER)];
  for (const practice of report.practices) {
    const perception = practice.perception;
    rows.push(
      csvRow([
        'practice',
        practice.number,
        practice.id,
        practice.title,
        practice.principle,
        practice.weight,
        practice.score,
        practice.band,
        practice.evidence.score,
        practice.evidence.band,
        perception?.n,
        perception?.mean,
        perception?.sd,
        perception?.dontKnow,
        practice.labels.join(' '),
        practiceChange(report, practice.number),
        practice.location.line,
        practice.finding,
        practice.recommendation,
        practice.notApplicable?.reason,
        '',
        '',
        '',
        '',
      ]),
    );
    for (const group of perception?.groups ?? []) {
      rows.push(csvRow(['group', practice.number, practice.id, practice.title, practice.principle, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', group.dimension, group.group, group.n, group.mean]));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
