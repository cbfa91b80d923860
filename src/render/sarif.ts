/**
 * SARIF 2.1.0 for code scanning: one rule per practice with its advice as help, one
 * result per unmet check located on the line of the partnership file it is about,
 * so the finding shows on the YAML in a pull request.
 */
import { sha256 } from '../text/sha256.js';
import type { PracticeResult, Report } from '../model/report.js';
import { findingsOf } from './findings.js';
import { BAND_LABEL, coverageText, reportCautions, scoreText } from './labels.js';
import type { RenderOptions } from './options.js';
import { practiceDocUrl } from '../model/practice-docs.js';
import { artifactLocation, originalUriBaseIds, SARIF_SCHEMA, sarifDriver, wholeFile } from './sarif-log.js';

export function renderSarif(report: Report, options: RenderOptions): string {
  const rules = report.practices.map((practice) => ({
    id: ruleId(practice.number, practice.id),
    name: pascal(practice.id),
    shortDescription: { text: `#${practice.number} ${practice.title}` },
    fullDescription: { text: practice.title },
    helpUri: practiceDocUrl(practice, report.tool.version),
    help: { text: practice.advice.join('\n'), markdown: practice.advice.map((step) => `- ${step}`).join('\n') },
    defaultConfiguration: { level: 'warning' as const },
    properties: { principle: practice.principle, weight: practice.weight, tags: ['partnership-health', practice.principle] },
  }));
  const artifact = artifactLocation(report.inputs.partnership.file);
  const ruleIndex = new Map(report.practices.map((practice, index) => [practice.id, index]));
  const location = (line: number, column: number) => ({
    physicalLocation: { artifactLocation: artifact, region: { startLine: line, startColumn: column } },
  });
  const standing = (practice: PracticeResult) => `#${practice.number} ${practice.title}: ${BAND_LABEL[practice.band]}, ${practice.score === null ? 'no score' : `${scoreText(practice.score)}/100`}`;
  const results = findingsOf(report, options).map((finding) => {
    const { practice } = finding;
    const rule = { ruleId: ruleId(practice.number, practice.id), ruleIndex: ruleIndex.get(practice.id)!, level: SARIF_LEVEL[finding.level] };
    if (finding.kind === 'signal') {
      // A survey signal is about the practice as people live it, not a line: it sits on the file as a whole.
      return {
        ...rule,
        message: { text: `${finding.message} (${standing(practice)})` },
        locations: [{ physicalLocation: { artifactLocation: artifact, ...wholeFile(options.partnershipLines) } }],
        partialFingerprints: { 'pesFinding/v1': fingerprint(`${practice.id}|signal|${finding.signal}`) },
        properties: { signal: finding.signal, band: practice.band },
      };
    }
    const { check } = finding;
    return {
      ...rule,
      message: { text: `${check.message} (${standing(practice)})` },
      locations: [location(check.location.line, check.location.column)],
      ...(check.related.length > 0
        ? { relatedLocations: check.related.map((related, index) => ({ id: index + 1, ...location(related.line, related.column), message: { text: `also ${related.path.join('.')}` } })) }
        : {}),
      partialFingerprints: { 'pesFinding/v1': fingerprint(`${practice.id}|${check.check}|${check.messageId}|${check.location.path.join('.')}`) },
      properties: { check: check.check, status: check.status, critical: check.critical, band: practice.band },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: sarifDriver(report.tool, rules) },
        originalUriBaseIds: originalUriBaseIds([artifact]),
        artifacts: [{ location: artifact, hashes: { 'sha-256': report.inputs.partnership.sha256 } }],
        invocations: [{ executionSuccessful: true }],
        results,
        properties: {
          asOf: report.asOf,
          overallScore: report.overall.score,
          overallBand: report.overall.band,
          overallCoverage: report.overall.coverage,
          coverage: coverageText(report.overall),
          provisional: report.overall.provisional,
          principles: report.principles.map(({ id, score, band, coverage, provisional }) => ({ id, score, band, coverage, provisional })),
          cautions: reportCautions(report),
          rubric: `${report.rubric.id} ${report.rubric.version}`,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF calls a notice a note. */
const SARIF_LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

function ruleId(number: number, id: string): string {
  return `PES${String(number).padStart(2, '0')}-${id}`;
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}

function fingerprint(text: string): string {
  return sha256(text).slice(0, 32);
}
