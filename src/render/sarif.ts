/**
 * SARIF 2.1.0 for code scanning: one rule per practice with its advice as help, one
 * result per unmet check located on the line of the partnership file it is about,
 * so the finding shows on the YAML in a pull request.
 */
import { sha256 } from '../text/sha256.js';
import type { Report } from '../model/report.js';
import { findingsOf } from './findings.js';
import { BAND_LABEL, coverageText, reportCautions, scoreText } from './labels.js';
import type { RenderOptions } from './options.js';

export function renderSarif(report: Report, options: RenderOptions): string {
  const rules = report.practices.map((practice) => ({
    id: ruleId(practice.number, practice.id),
    name: pascal(practice.id),
    shortDescription: { text: `#${practice.number} ${practice.title}` },
    fullDescription: { text: practice.title },
    help: { text: practice.advice.join('\n'), markdown: practice.advice.map((step) => `- ${step}`).join('\n') },
    defaultConfiguration: { level: 'warning' as const },
    properties: { principle: practice.principle, weight: practice.weight, tags: ['partnership-health', practice.principle] },
  }));
  const artifact = artifactLocation(report.inputs.partnership.file);
  const ruleIndex = new Map(report.practices.map((practice, index) => [practice.id, index]));
  const results = findingsOf(report, options.failOn).map(({ practice, check, level }) => {
    const location = (line: number, column: number) => ({
      physicalLocation: { artifactLocation: artifact, region: { startLine: line, startColumn: column } },
    });
    return {
      ruleId: ruleId(practice.number, practice.id),
      ruleIndex: ruleIndex.get(practice.id)!,
      level,
      message: { text: `${check.message} (#${practice.number} ${practice.title}: ${BAND_LABEL[practice.band]}, ${practice.score === null ? 'no score' : `${scoreText(practice.score)}/100`})` },
      locations: [location(check.location.line, check.location.column)],
      ...(check.related.length > 0
        ? { relatedLocations: check.related.map((related, index) => ({ id: index + 1, ...location(related.line, related.column), message: { text: `also ${related.path.join('.')}` } })) }
        : {}),
      partialFingerprints: { 'pesFinding/v1': fingerprint(`${practice.id}|${check.check}|${check.messageId}|${check.location.path.join('.')}`) },
      properties: { check: check.check, status: check.status, critical: check.critical, band: practice.band },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { description: { text: 'The directory pes was run from.' } },
          ...(artifact.uriBaseId === FILE_SYSTEM_ROOT ? { [FILE_SYSTEM_ROOT]: { uri: 'file:///', description: { text: 'The root of the file system, for a file outside the directory pes was run from.' } } } : {}),
        },
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

const SOURCE_ROOT = '%SRCROOT%';
const FILE_SYSTEM_ROOT = 'FILESYSTEMROOT';

/**
 * The partnership file as SARIF wants it: a relative URI reference, every path segment
 * percent-encoded (a space is %20), against a base: the directory pes ran in for a
 * file below it, the file-system root for a file elsewhere (reports show such a path
 * absolute).
 */
function artifactLocation(file: string): { uri: string; uriBaseId: string } {
  const absolute = file.startsWith('/');
  const uri = file
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: absolute ? FILE_SYSTEM_ROOT : SOURCE_ROOT };
}

function ruleId(number: number, id: string): string {
  return `PES${String(number).padStart(2, '0')}-${id}`;
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}

function fingerprint(text: string): string {
  return sha256(text).slice(0, 32);
}
