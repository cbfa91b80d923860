/**
 * GitHub Actions workflow commands: `::error file=...,line=...::message`, so each
 * finding appears as an annotation on the YAML line in the pull request, and each
 * survey signal as a notice on the file. Within GitHub's per-step limits: what does
 * not fit is named in one summary notice and listed in the log.
 */
import type { Report } from '../model/report.js';
import { DEFAULT_MAX_ANNOTATIONS } from '../model/defaults.js';
import { type CandidateAnnotation, cappedAnnotations } from './annotation-cap.js';
import { findingsOf } from './findings.js';
import { BAND_LABEL, coverageText, reportCautions, scoreText } from './labels.js';
import type { RenderOptions } from './options.js';

const TITLE = 'Partnership health';

export function renderGithub(report: Report, options: RenderOptions): string {
  const file = report.inputs.partnership.file;
  const findings = findingsOf(report, options);
  // When a level has more than fit, the most urgent practices (the report's priority) go first, critical checks before the others.
  const critical = (finding: (typeof findings)[number]) => (finding.kind === 'check' && finding.check.critical ? 0 : 1);
  const ranked = findings.map((finding, index) => ({ finding, index })).sort((a, b) => b.finding.practice.priority - a.finding.practice.priority || critical(a.finding) - critical(b.finding) || a.index - b.index);
  const rankOf = new Map(ranked.map(({ finding }, rank) => [finding, rank]));
  const candidates: CandidateAnnotation[] = findings.map((finding) => {
    const { practice } = finding;
    const title = `#${practice.number} ${practice.title}`;
    const rank = rankOf.get(finding)!;
    return finding.kind === 'check'
      ? { level: finding.level, file, line: finding.check.location.line, column: finding.check.location.column, title, message: finding.check.message, ref: `#${practice.number}`, rank }
      : { level: finding.level, file, title, message: finding.message, ref: `#${practice.number}`, rank };
  });
  const overall = report.overall;
  const provisional = overall.provisional ? ' (provisional)' : '';
  candidates.push({
    level: 'notice',
    title: TITLE,
    message: `${report.partnership.name}: ${scoreText(overall.score)}/100, ${BAND_LABEL[overall.band]}${provisional} as of ${report.asOf}; ${coverageText(overall)}`,
    ref: 'the overall score',
    pinned: true,
    rank: 0,
  });
  for (const caution of reportCautions(report)) candidates.push({ level: 'warning', title: TITLE, message: caution, ref: 'a caution', pinned: true, rank: 0 });
  return `${cappedAnnotations(candidates, options.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS, `${TITLE}: annotations left out`).join('\n')}\n`;
}
