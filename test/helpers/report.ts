/** Reports built the way `pes assess` builds them, from YAML text or an in-memory partnership, for scoring and property tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildReport } from '../../src/assess/report.js';
import { formatLocatedError } from '../../src/load/located-error.js';
import { loadPartnership } from '../../src/load/partnership.js';
import type { Report } from '../../src/model/report.js';
import type { SurveyResponse } from '../../src/model/responses.js';
import type { Rubric } from '../../src/model/rubric.js';
import { parseResponse } from '../../src/survey/response-file.js';
import { aggregateResponses } from '../../src/survey/aggregate.js';
import { ROOT } from './cli.js';
import { AS_OF } from './partnership.js';

export const EXAMPLES = ['examples/mature-coalition.yaml', 'examples/struggling-alliance.yaml', 'examples/new-network.yaml'];

/** An example file as a plain value (dates stay strings, as pes reads them), to be changed and written back. */
export function readExample(file: string): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

export interface AssessOptions {
  asOf?: string;
  responses?: readonly SurveyResponse[];
  notApplicable?: ReadonlyMap<string, string>;
}

/** Loads YAML text (or a value, written out as YAML) with the real loader and builds its report; null when the file is not valid. */
export async function reportFor(rubric: Rubric, input: string | object, options: AssessOptions = {}): Promise<Report | null> {
  const text = typeof input === 'string' ? input : stringify(input);
  const loaded = await loadPartnership('p.yaml', text);
  if (!loaded.ok) return null;
  const asOf = options.asOf ?? loaded.loaded.partnership.as_of ?? AS_OF;
  return buildReport({
    rubric,
    partnership: loaded.loaded.partnership,
    locate: loaded.loaded.source.locate,
    placeholders: loaded.loaded.placeholders,
    asOf,
    tool: { name: 'partnership-health', version: 'test' },
    survey: options.responses ? aggregateResponses(rubric, options.responses, 3, undefined, false, { asOf, includeLate: false }) : undefined,
    notApplicable: options.notApplicable,
    inputs: { partnershipFile: 'p.yaml', partnershipSha256: '0', rubricFile: 'r', rubricSha256: '0', digest: '0' },
  });
}

/** Like reportFor, for input that must be valid. */
export async function mustReport(rubric: Rubric, input: string | object, options: AssessOptions = {}): Promise<Report> {
  const report = await reportFor(rubric, input, options);
  if (report === null) {
    const loaded = await loadPartnership('p.yaml', typeof input === 'string' ? input : stringify(input));
    throw new Error(loaded.ok ? 'unexpected' : loaded.errors.map(formatLocatedError).join('\n'));
  }
  return report;
}

/** The shipped survey responses of the mature example. */
export async function shippedResponses(rubric: Rubric): Promise<SurveyResponse[]> {
  const folder = join(ROOT, 'examples/responses/mature-coalition');
  const responses: SurveyResponse[] = [];
  for (const name of readdirSync(folder).sort()) {
    const parsed = await parseResponse(name, readFileSync(join(folder, name), 'utf8'), rubric);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatLocatedError).join('\n'));
    responses.push(parsed.response);
  }
  return responses;
}

/** Every score of a report by name, a practice without one counting 0 as it does in the aggregates. */
export function scoresOf(report: Report): Map<string, number> {
  const scores = new Map<string, number>([['overall', report.overall.score ?? 0]]);
  for (const principle of report.principles) scores.set(`principle ${principle.id}`, principle.score ?? 0);
  for (const practice of report.practices) scores.set(`practice ${practice.number}`, practice.score ?? 0);
  return scores;
}
