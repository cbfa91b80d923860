/**
 * JUnit XML, which every CI system can display: a test suite per principle, a test
 * case per practice; practices in a failing band are failures (a practice without
 * evidence with them: no evidence, no points), those not pursued are skipped.
 */
import { failsOn } from '../model/labels.js';
import type { PracticeResult, Report } from '../model/report.js';
import type { RenderOptions } from './options.js';
import { BAND_LABEL, coverageText, reportCautions, scoreText } from './labels.js';
import { escapeXml as x } from '../text/xml-text.js';

export function renderJunit(report: Report, options: RenderOptions): string {
  const fails = (practice: PracticeResult) => failsOn(practice.band, options.failOn);
  const file = report.inputs.partnership.file;
  // CI shows a suite's properties, so the survey's and the file's cautions travel with every principle.
  const cautions = reportCautions(report);
  const suites = report.principles.map((principle) => {
    const practices = report.practices.filter((practice) => practice.principle === principle.id);
    const cases = practices.map((practice) => {
      const attributes = `classname="${x(`${report.rubric.id}.${principle.id}`)}" name="${x(`#${practice.number} ${practice.title}`)}" file="${x(file)}" line="${practice.location.line}"`;
      if (isSkipped(practice)) return `    <testcase ${attributes}>\n      <skipped message="${x(practice.finding)}"/>\n    </testcase>`;
      const summary = practice.band === 'not_described' ? `not described: add ${practice.needs.join('; ')}` : `${BAND_LABEL[practice.band]}: ${scoreText(practice.score)}/100`;
      if (fails(practice)) {
        const details = [
          ...practice.evidence.checks.map((check) => `[${check.status.replace('_', ' ')}]${check.critical ? ' [critical]' : ''} ${check.message} (line ${check.location.line})`),
          ...practice.advice.map((step) => `Do: ${step}`),
        ].join('\n');
        return `    <testcase ${attributes}>\n      <failure message="${x(`${summary}; ${practice.finding}`)}" type="${practice.band}">${x(details)}</failure>\n    </testcase>`;
      }
      return `    <testcase ${attributes}>\n      <system-out>${x(`${summary}; ${practice.finding}`)}</system-out>\n    </testcase>`;
    });
    const failures = practices.filter(fails).length;
    const skipped = practices.filter(isSkipped).length;
    const properties = [
      ['score', scoreText(principle.score)],
      ['band', principle.band],
      ['coverage', coverageText(principle)],
      ...cautions.map((caution) => ['caution', caution]),
    ].map(([name, value]) => `      <property name="${name}" value="${x(value!)}"/>`);
    const propertyList = `    <properties>\n${properties.join('\n')}\n    </properties>`;
    return `  <testsuite name="${x(`${principle.number}. ${principle.title}`)}" tests="${practices.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n${propertyList}\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = report.practices.filter(fails).length;
  const skipped = report.practices.filter(isSkipped).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(`partnership health: ${report.partnership.name} (${report.asOf}): ${scoreText(report.overall.score)}/100, ${BAND_LABEL[report.overall.band]}, ${coverageText(report.overall)}`)}" tests="${report.practices.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Deliberately not pursued: neither passes nor fails. */
function isSkipped(practice: PracticeResult): boolean {
  return practice.band === 'not_applicable';
}
