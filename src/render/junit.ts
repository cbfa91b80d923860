/**
 * JUnit XML, which every CI system can display: a test suite per principle, a test
 * case per practice; practices in a failing band are failures, those not described
 * or not pursued are skipped.
 */
import type { Report } from '../model/report.js';
import type { RenderOptions } from './options.js';
import { BAND_LABEL, scoreText } from './terminal-style.js';
import { escapeXml as x } from './xml-text.js';

export function renderJunit(report: Report, options: RenderOptions): string {
  const failingBands = options.failOn === 'developing' ? ['gap', 'developing'] : ['gap'];
  const file = report.inputs.partnership.file;
  const suites = report.principles.map((principle) => {
    const practices = report.practices.filter((practice) => practice.principle === principle.id);
    const cases = practices.map((practice) => {
      const attributes = `classname="${x(`${report.rubric.id}.${principle.id}`)}" name="${x(`#${practice.number} ${practice.title}`)}" file="${x(file)}" line="${practice.location.line}"`;
      if (practice.band === 'not_described' || practice.band === 'not_applicable') {
        const reason = practice.band === 'not_applicable' ? `not pursued: ${practice.notApplicable?.reason ?? ''}` : `not described: add ${practice.needs.join('; ')}`;
        return `    <testcase ${attributes}>\n      <skipped message="${x(reason)}"/>\n    </testcase>`;
      }
      const summary = `${BAND_LABEL[practice.band]}: ${scoreText(practice.score)}/100`;
      if (failingBands.includes(practice.band)) {
        const details = [
          ...practice.evidence.checks.map((check) => `[${check.status.replace('_', ' ')}] ${check.message} (line ${check.location.line})`),
          `Recommendation: ${practice.recommendation}`,
        ].join('\n');
        return `    <testcase ${attributes}>\n      <failure message="${x(`${summary}; ${practice.finding}`)}" type="${practice.band}">${x(details)}</failure>\n    </testcase>`;
      }
      return `    <testcase ${attributes}>\n      <system-out>${x(`${summary}; ${practice.finding}`)}</system-out>\n    </testcase>`;
    });
    const failures = practices.filter((practice) => failingBands.includes(practice.band)).length;
    const skipped = practices.filter((practice) => practice.band === 'not_described' || practice.band === 'not_applicable').length;
    return `  <testsuite name="${x(`${principle.number}. ${principle.title}`)}" tests="${practices.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = report.practices.filter((practice) => failingBands.includes(practice.band)).length;
  const skipped = report.practices.filter((practice) => practice.band === 'not_described' || practice.band === 'not_applicable').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(`partnership health: ${report.partnership.name} (${report.asOf})`)}" tests="${report.practices.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
