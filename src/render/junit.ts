/**
 * JUnit XML, which every CI system can display: a test suite per principle, a test
 * case per practice; a practice whose band or survey signal has the severity `error`
 * is a failure (by default the gate's bands, a practice without evidence with them: no
 * evidence, no points), those not pursued are skipped.
 */
import { louder, type Severity } from '../model/severity.js';
import { severityOf, signalMessage } from './findings.js';
import type { PracticeResult, Report } from '../model/report.js';
import type { RenderOptions } from './options.js';
import { BAND_LABEL, coverageText, reportCautions, scoreText } from './labels.js';
import { junitDocument, junitSuite } from './junit-xml.js';
import { escapeXml as x } from '../text/xml-text.js';

export function renderJunit(report: Report, options: RenderOptions): string {
  const severity = severityOf(options);
  const levelOf = (practice: PracticeResult): Severity =>
    practice.band === 'not_applicable' ? 'none' : practice.labels.reduce<Severity>((level, label) => louder(level, severity[label]), severity[practice.band]);
  const fails = (practice: PracticeResult) => levelOf(practice) === 'error';
  const signals = (practice: PracticeResult) => practice.labels.filter((label) => severity[label] !== 'none').map((label) => signalMessage(report, practice, label));
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
          ...signals(practice).map((signal) => `[survey] ${signal}`),
          ...practice.advice.map((step) => `Do: ${step}`),
        ].join('\n');
        return `    <testcase ${attributes}>\n      <failure message="${x(`${summary}; ${practice.finding}`)}" type="${practice.band}">${x(details)}</failure>\n    </testcase>`;
      }
      const said = [`${summary}; ${practice.finding}`, ...signals(practice)].join('\n');
      return `    <testcase ${attributes}>\n      <system-out>${x(said)}</system-out>\n    </testcase>`;
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
    return junitSuite(`${principle.number}. ${principle.title}`, { tests: practices.length, failures, skipped }, [propertyList, ...cases]);
  });
  const failures = report.practices.filter(fails).length;
  const skipped = report.practices.filter(isSkipped).length;
  return junitDocument(
    `partnership health: ${report.partnership.name} (${report.asOf}): ${scoreText(report.overall.score)}/100, ${BAND_LABEL[report.overall.band]}, ${coverageText(report.overall)}`,
    { tests: report.practices.length, failures, skipped },
    suites,
  );
}

/** Deliberately not pursued: neither passes nor fails. */
function isSkipped(practice: PracticeResult): boolean {
  return practice.band === 'not_applicable';
}
