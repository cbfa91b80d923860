/**
 * What every SARIF log pes writes shares: the schema, the driver (with the tool's
 * address), and how a file becomes an artifact location against a base URI.
 */
import { PROJECT_URL } from '../model/practice-docs.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** package.json `homepage`, which a test keeps equal: where a reader of the log learns what the tool is. */
export const INFORMATION_URI = `${PROJECT_URL}#readme`;

const SOURCE_ROOT = '%SRCROOT%';
const FILE_SYSTEM_ROOT = 'FILESYSTEMROOT';

export function sarifDriver<Rule>(tool: { name: string; version: string }, rules: Rule[]) {
  return { name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: INFORMATION_URI, rules };
}

export interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
}

/**
 * A file as SARIF wants it: a relative URI reference, every path segment
 * percent-encoded (a space is %20), against a base: the directory pes ran in for a
 * file below it, the file-system root for a file elsewhere (reports show such a path
 * absolute).
 */
export function artifactLocation(file: string): ArtifactLocation {
  const absolute = file.startsWith('/');
  const uri = file
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: absolute ? FILE_SYSTEM_ROOT : SOURCE_ROOT };
}

/** The bases the artifact locations use, described (and the file-system root given its URI) only when used. */
export function originalUriBaseIds(locations: readonly ArtifactLocation[]) {
  return {
    [SOURCE_ROOT]: { description: { text: 'The directory pes was run from.' } },
    ...(locations.some((location) => location.uriBaseId === FILE_SYSTEM_ROOT)
      ? { [FILE_SYSTEM_ROOT]: { uri: 'file:///', description: { text: 'The root of the file system, for a file outside the directory pes was run from.' } } }
      : {}),
  };
}

/** The region of a finding on the whole file, as SARIF expresses one: from the first line to the last. */
export function wholeFile(lines: number | undefined): { region?: { startLine: number; endLine: number } } {
  return lines === undefined ? {} : { region: { startLine: 1, endLine: lines } };
}
