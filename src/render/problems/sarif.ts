/**
 * Validation problems as SARIF 2.1.0, so code scanning shows a file that does not
 * validate on its lines: one rule (the partnership format), one result per problem.
 * A valid file is an artifact with no results, which closes earlier alerts on it.
 */
import { sha256 } from '../../text/sha256.js';
import { PROJECT_URL } from '../../model/practice-docs.js';
import type { ProblemList } from '../../model/problems.js';
import { artifactLocation, originalUriBaseIds, SARIF_SCHEMA, sarifDriver, wholeFile } from '../sarif-log.js';

/** No practice has number 0, so this id cannot meet a practice's. */
const RULE_ID = 'PES00-invalid-file';

export function renderProblemsSarif(list: ProblemList): string {
  const rule = {
    id: RULE_ID,
    name: 'InvalidFile',
    shortDescription: { text: 'The file does not follow the partnership-health format' },
    fullDescription: { text: 'A partnership, config or response file that does not parse as YAML or does not match its schema; nothing in it is scored until it does.' },
    helpUri: `${PROJECT_URL}/blob/v${list.tool.version}/docs/ci.md#when-the-file-does-not-validate`,
    help: { text: 'Fix the file at the line and column given; `pes schema` prints the format, and `pes validate` checks it again.' },
    defaultConfiguration: { level: 'error' as const },
    properties: { tags: ['partnership-health', 'format'] },
  };
  const files = [...new Set([...list.files.map((checked) => checked.file), ...list.problems.map((problem) => problem.file)])];
  const lines = new Map(list.files.map((checked) => [checked.file, checked.lines]));
  const artifacts = new Map(files.map((file) => [file, artifactLocation(file)]));
  const seen = new Map<string, number>();
  const occurrence = (key: string) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count;
  };
  const results = list.problems.map((problem) => ({
    ruleId: RULE_ID,
    ruleIndex: 0,
    level: 'error' as const,
    message: { text: problem.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifacts.get(problem.file)!,
          ...(problem.line !== undefined ? { region: { startLine: problem.line, startColumn: problem.column ?? 1 } } : wholeFile(lines.get(problem.file))),
        },
      },
    ],
    // The same problem keeps its alert when lines move above it; two alike in one file stay apart by their order.
    partialFingerprints: { 'pesProblem/v1': sha256(`${problem.file}|${problem.message}|${occurrence(`${problem.file}|${problem.message}`)}`).slice(0, 32) },
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: sarifDriver(list.tool, [rule]) },
        originalUriBaseIds: originalUriBaseIds([...artifacts.values()]),
        artifacts: [...artifacts.values()].map((location) => ({ location })),
        invocations: [{ executionSuccessful: true }],
        results,
        properties: { command: list.command, valid: list.problems.length === 0 },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
