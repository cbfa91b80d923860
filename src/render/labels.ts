/** Words and plain-text figures shared by every renderer: bands, scores, bars, triangulation labels, group gaps, findings. */
import { coverageText, weightPercent } from '../assess/messages.js';
import { worstFirst } from '../assess/check-order.js';
import type { CheckStatus } from '../model/labels.js';
import type { Audience } from '../model/formats.js';
import type { Band, CheckResult, PracticeResult, Report } from '../model/report.js';

export { coverageText, weightPercent };

export const BAND_LABEL: Record<Band, string> = {
  strong: 'strong',
  developing: 'developing',
  gap: 'gap',
  not_described: 'not described',
  not_applicable: 'not pursued',
};

/**
 * A mark per band for Markdown, where no colour survives: GitHub shows these emoji in a pull-request
 * comment, and the band word beside them keeps the meaning for anyone who cannot tell the colours apart.
 */
export const BAND_MARK: Record<Band, string> = {
  strong: '🟢',
  developing: '🟡',
  gap: '🔴',
  not_described: '⚪',
  not_applicable: '➖',
};

export function scoreText(score: number | null): string {
  return score === null ? '-' : String(Math.round(score));
}

export function bar(score: number | null, width: number): string {
  if (score === null) return '·'.repeat(width);
  const filled = Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}


type Label = Report['practices'][number]['labels'][number];

export const LABEL_NAMES: Record<Label, string> = {
  paper_only: 'paper only',
  divergent: 'divergent',
  hidden_strength: 'hidden strength',
  confirmed_gap: 'confirmed gap',
  confirmed_strength: 'confirmed strength',
};

export function labelList(labels: readonly Label[]): string {
  return labels.map((label) => LABEL_NAMES[label]).join(', ');
}

/** What the Signal column says: the labels, or that the survey answered too few times to give one. */
export function signalText(practice: Pick<PracticeResult, 'labels' | 'tooFewAnswers'>): string {
  return practice.tooFewAnswers ? TOO_FEW_ANSWERS : labelList(practice.labels);
}

export const TOO_FEW_ANSWERS = 'too few answers to tell';

export const STATUS_LABEL: Record<CheckStatus, string> = { met: 'met', partly: 'partly met', not_met: 'not met', not_described: 'not described' };
/** A mark per status for the terminal and Markdown, where colour may be off. */
export const STATUS_MARK: Record<CheckStatus, string> = { met: '✓', partly: '◐', not_met: '✗', not_described: '?' };

/** The checks a practice has yet to meet (not met or partly met), critical and worst first: every one is shown in every human format. */
export function openChecks(practice: PracticeResult): CheckResult[] {
  return worstFirst(practice.evidence.checks).filter((check) => check.status === 'not_met' || check.status === 'partly');
}

/** One finding as plain text, for the renderer to escape: "<message> (line 12; also 40)". */
export function findingText(check: CheckResult): string {
  return `${check.message} (line ${lineList(check)})`;
}

/** "not met, critical": what a finding is, before its text. */
export function findingStatus(check: CheckResult): string {
  return `${STATUS_LABEL[check.status]}${check.critical ? ', critical' : ''}`;
}

/** "12" or "12; also 40, 52": the line of a finding and of every further place it concerns. */
export function lineList(check: Pick<CheckResult, 'location' | 'related'>): string {
  const also = [...new Set(check.related.map((location) => location.line))].filter((line) => line !== check.location.line);
  return also.length > 0 ? `${check.location.line}; also ${also.join(', ')}` : String(check.location.line);
}

/** "Only 4 people answered the survey..." when the sample is small, and what was done with late answers. */
function surveyCautions(report: Report): string[] {
  const survey = report.survey;
  if (!survey) return [];
  const cautions: string[] = [];
  if (survey.smallSample) {
    cautions.push(
      `Only ${survey.respondents} ${survey.respondents === 1 ? 'person' : 'people'} answered the survey: read its figures as a few voices, not the partnership's view (practices with fewer than ${survey.minAnswers} answers get no signal).`,
    );
  }
  if (survey.late.count > 0) {
    const late = `${survey.late.count} response${survey.late.count === 1 ? '' : 's'} dated after ${report.asOf}`;
    cautions.push(survey.late.included ? `${late} ${survey.late.count === 1 ? 'is' : 'are'} included, as asked.` : `${late} ${survey.late.count === 1 ? 'was' : 'were'} left out, as evidence after the as-of date is.`);
  }
  return cautions;
}

/**
 * Every caution a report's header carries, in every format: a rubric change since the baseline, a small or late survey,
 * a provisional band, placeholders (with their lines for the coordinator; partners are not sent into the file).
 */
export function reportCautions(report: Report, audience: Audience = 'coordinator'): string[] {
  const cautions: string[] = [];
  const baseline = report.baseline;
  if (baseline && baseline.rubricVersion !== report.rubric.version) {
    cautions.push(`The baseline was made with ${report.rubric.id} ${baseline.rubricVersion}: some changes may come from the rubric, not the partnership.`);
  }
  cautions.push(...surveyCautions(report));
  if (report.overall.provisional) cautions.push('Too little of the file is described for the overall band to be more than provisional: see what is not described.');
  const placeholders = placeholderSummary(report, audience);
  if (placeholders) cautions.push(placeholders);
  return cautions;
}

/** The header's line on placeholders: values still to be filled in, read as not described. */
function placeholderSummary(report: Report, audience: Audience): string | null {
  const count = report.placeholders.length;
  if (count === 0) return null;
  if (audience === 'partners') return `${count} value${count === 1 ? ' is' : 's are'} still to be filled in, and read as not described until then.`;
  const lines = [...new Set(report.placeholders.map((placeholder) => placeholder.line))];
  return `${count} placeholder${count === 1 ? '' : 's'} still to fill in (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}), read as not described.`;
}

/** "3.4 ±1.2" for a practice's survey answers, or "-" without any. */
export function surveyCell(perception: Report['practices'][number]['perception']): string {
  if (!perception || perception.mean === null) return '-';
  return `${perception.mean.toFixed(1)} ±${(perception.sd ?? 0).toFixed(1)}`;
}

/** How far apart the answers to a disputed practice lie: "answers 1-5, sd 1.32; public 4.3 vs private 2.0 (by sector)". Plain text, for the renderer to escape. */
export function spreadText(entry: Report['disagreements'][number], sdWord: 'sd' | 'standard deviation'): string {
  const groups = groupGapText(entry.widestGroupGap);
  return `answers ${entry.min}-${entry.max}, ${sdWord} ${entry.sd.toFixed(2)}${groups ? `; ${groups}` : ''}`;
}

function groupGapText(gap: Report['disagreements'][number]['widestGroupGap']): string {
  if (!gap || gap.gap === 0) return '';
  return `${gap.high.group} ${gap.high.mean.toFixed(1)} vs ${gap.low.group} ${gap.low.mean.toFixed(1)} (by ${gap.dimension})`;
}
