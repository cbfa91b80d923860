/**
 * Reads an earlier JSON report for --baseline and `pes trend`, with located errors when
 * it is not one. A baseline is input like any other: it is validated in full (its dates
 * are dates), and its text is escaped wherever it is shown.
 */
import { UserError } from '../load/located-error.js';
import { validateSource } from '../load/validate.js';
import { parseYaml } from '../load/yaml-source.js';
import { REPORT_SCHEMA_VERSION, reportSchema, type Report } from '../model/report.js';
import { sha256 } from '../assess/sha256.js';
import { displayPath, readTextInput } from './io.js';

export interface LoadedBaseline {
  report: Report;
  file: string;
  sha256: string;
}

export async function loadBaseline(file: string, maxMegabytes?: number): Promise<LoadedBaseline> {
  const text = readTextInput(file, maxMegabytes);
  const shown = displayPath(file);
  // JSON is YAML, so the YAML reader gives positions for syntax errors and schema problems alike.
  const parsed = await parseYaml(shown, text);
  if (!parsed.ok) throw new UserError(parsed.errors);
  const value = parsed.source.value as { schemaVersion?: unknown } | null;
  const version = value !== null && typeof value === 'object' ? value.schemaVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > REPORT_SCHEMA_VERSION) {
    throw new UserError({
      file: shown,
      position: parsed.source.locate(['schemaVersion']),
      message: `made by a newer pes (report schemaVersion ${version}; this pes reads ${REPORT_SCHEMA_VERSION}): upgrade pes, or make the report again with this version`,
    });
  }
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new UserError({ file: shown, position: { line: 1, col: 1 }, message: `not a pes JSON report (schemaVersion ${REPORT_SCHEMA_VERSION}); make one with \`pes assess FILE --format json --output FILE.json\`` });
  }
  const validation = validateSource(reportSchema, parsed.source);
  if (!validation.ok) throw new UserError(validation.errors);
  return { report: validation.value, file: shown, sha256: sha256(text) };
}
