/**
 * GitHub Actions workflow commands: `::error file=...,line=...::message`, so each
 * finding appears as an annotation on the YAML line in the pull request.
 */
import type { Report } from '../model/report.js';
import { findingsOf } from './findings.js';
import { BAND_LABEL, coverageText, reportCautions, scoreText } from './labels.js';
import type { RenderOptions } from './options.js';
import { terminalSafe } from '../text/sanitize.js';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', note: 'notice' };

export function renderGithub(report: Report, options: RenderOptions): string {
  const file = report.inputs.partnership.file;
  const lines = findingsOf(report, options.failOn).map(({ practice, check, level }) => {
    const properties = [`file=${property(file)}`, `line=${check.location.line}`, `col=${check.location.column}`, `title=${property(`#${practice.number} ${practice.title}`)}`];
    return `::${COMMAND[level]} ${properties.join(',')}::${data(check.message)}`;
  });
  const overall = report.overall;
  const provisional = overall.provisional ? ' (provisional)' : '';
  lines.push(
    `::notice title=${property('Partnership health')}::${data(`${report.partnership.name}: ${scoreText(overall.score)}/100, ${BAND_LABEL[overall.band]}${provisional} as of ${report.asOf}; ${coverageText(overall)}`)}`,
  );
  for (const caution of reportCautions(report)) lines.push(`::warning title=${property('Partnership health')}::${data(caution)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Escaping as the Actions runner expects for a command's message. Line breaks are
 * encoded (so a name cannot start a command of its own); other control characters,
 * which the log viewer would interpret, are shown as visible escapes.
 */
function data(text: string): string {
  return terminalSafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** ...and for its properties, where ':' and ',' are separators. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
