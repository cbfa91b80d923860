/**
 * Reads an earlier JSON report for --baseline and `pes trend`, with located errors when
 * it is not one, or not comparable. A baseline is input like any other: it is validated in
 * full (its dates are dates), and its text is escaped wherever it is shown.
 */
import { UserError } from '../load/located-error.js';
import { validateSource } from '../load/validate.js';
import { parseYaml } from '../load/yaml-source.js';
import { REPORT_SCHEMA_VERSION } from '../model/labels.js';
import { reportSchema, type Report } from '../model/report.js';
import type { Rubric } from '../model/rubric.js';
import { sha256 } from '../text/sha256.js';
import { displayPath, readTextInput } from './io.js';

export interface LoadedBaseline {
  report: Report;
  file: string;
  sha256: string;
}

/** What a baseline must share with the report it is compared with: the partnership, and the rubric (any version of it). */
export interface BaselineFor {
  partnership: string;
  rubric: Pick<Rubric, 'id'>;
}

export async function loadBaseline(file: string, maxMegabytes?: number, comparedWith?: BaselineFor): Promise<LoadedBaseline> {
  const text = readTextInput(file, maxMegabytes);
  const shown = displayPath(file);
  // JSON is YAML, so the YAML reader gives positions for syntax errors and schema problems alike.
  const parsed = await parseYaml(shown, text);
  if (!parsed.ok) throw new UserError(parsed.errors);
  const value = parsed.source.value as { schemaVersion?: unknown; asOf?: unknown; inputs?: { partnership?: { file?: unknown } } } | null;
  const at = { line: 1, col: 1 };
  const version = value !== null && typeof value === 'object' ? value.schemaVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new UserError({ file: shown, position: at, message: `not a pes JSON report; make one with \`pes assess FILE --format json --output ${shown}\`` });
  }
  if (version > REPORT_SCHEMA_VERSION) {
    throw new UserError({
      file: shown,
      position: parsed.source.locate(['schemaVersion']),
      message: `made by a newer pes (report format ${version}; this pes reads format ${REPORT_SCHEMA_VERSION}): upgrade pes, or make the report again with this version`,
    });
  }
  if (version !== REPORT_SCHEMA_VERSION) {
    // Scores of an older report format were made under other rules: comparing them would show changes nobody made.
    const asOf = typeof value!.asOf === 'string' ? ` --as-of ${value!.asOf}` : '';
    const source = typeof value!.inputs?.partnership?.file === 'string' ? value!.inputs.partnership.file : 'FILE';
    throw new UserError({
      file: shown,
      position: parsed.source.locate(['schemaVersion']),
      message: `a report of format ${version}, which this pes (format ${REPORT_SCHEMA_VERSION}) cannot compare with; make it again with \`pes assess ${source}${asOf} --format json --output ${shown} --force\``,
    });
  }
  const validation = validateSource(reportSchema, parsed.source);
  if (!validation.ok) throw new UserError(validation.errors);
  const report = validation.value;
  if (comparedWith && report.partnership.name !== comparedWith.partnership) {
    throw new UserError({ file: shown, position: at, message: `this baseline is a report about "${report.partnership.name}", not "${comparedWith.partnership}"; compare reports of one partnership` });
  }
  if (comparedWith && report.rubric.id !== comparedWith.rubric.id) {
    throw new UserError({ file: shown, position: at, message: `this baseline was made with the rubric ${report.rubric.id}, not ${comparedWith.rubric.id}; its scores measure other things` });
  }
  return { report, file: shown, sha256: sha256(text) };
}
