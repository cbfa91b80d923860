/** Words and figures every `pes trend` format shares: changes, survey means, and the cautions under the tables. */
import type { Trend } from '../assess/trend.js';

/** "3.8" for a mean answer on the 1-5 scale, "-" without one. */
export function meanText(mean: number | null): string {
  return mean === null ? '-' : mean.toFixed(1);
}

/** A change of a 1-5 mean, one decimal: "+0.3", "−0.2", "±0.0"; "" without two means. */
export function meanDeltaText(delta: number | null): string {
  if (delta === null) return '';
  const tenths = Math.round(delta * 10);
  if (tenths === 0) return '±0.0';
  return `${tenths > 0 ? '+' : '−'}${(Math.abs(tenths) / 10).toFixed(1)}`;
}

/** The sentences every format prints under the tables when the reports are not alike. */
export function trendCautions(trend: Trend): string[] {
  const cautions: string[] = [];
  if (trend.mixedRubrics) cautions.push('The reports used different rubric versions or band thresholds; some changes may come from the rubric, not the partnership.');
  if (trend.mixedSurvey) {
    const surveyed = trend.points.filter((point) => point.respondents !== null).map((point) => point.asOf);
    cautions.push(
      `Only the ${surveyed.length === 1 ? "report" : "reports"} of ${surveyed.join(', ')} had a survey, so every score and band here is the file's evidence alone, measured the same way every year; ` +
        'a report with a survey combines the two in its own headline.',
    );
  }
  const small = trend.points.filter((point) => point.smallSample).map((point) => point.asOf);
  if (small.length > 0) cautions.push(`Few people answered the survey of ${small.join(', ')}: read its means as a few voices.`);
  return cautions;
}

/** How the survey rows are read, said once under each perception table. */
export const PERCEPTION_NOTE = 'Mean answer on the 1-5 scale (5: strongly agree), with the number of answers it pools in brackets; "-" where that assessment had no survey.';
