/**
 * One row per practice, and one per group figure where the survey shows groups;
 * every cell passes through csvCell, which keeps spreadsheet formulas from running.
 */
import type { Report } from '../model/report.js';
import { practiceChange } from './changes.js';
import { csvDocument } from './csv-cell.js';

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

/** A group row names its practice, then leaves the practice's own columns empty up to `dimension`. */
const GROUP_ROW_GAP: string[] = Array(HEADER.indexOf('dimension') - 5).fill('');

export function renderCsv(report: Report): string {
  const rows: (string | number | null | undefined)[][] = [HEADER];
  for (const practice of report.practices) {
    const perception = practice.perception;
    rows.push([
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
    ]);
    for (const group of perception?.groups ?? []) {
      rows.push(['group', practice.number, practice.id, practice.title, practice.principle, ...GROUP_ROW_GAP, group.dimension, group.group, group.n, group.mean]);
    }
  }
  return csvDocument(rows);
}
