/** Survey responses named by --responses: folders (every *.yaml in them) and single files. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, type LocatedError } from '../load/located-error.js';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';
import { parseResponse } from '../survey/response-file.js';
import { sha256 } from '../assess/sha256.js';
import { describeFsError, displayPath, readTextInput } from './io.js';
import { byCodePoint } from '../model/order.js';

export interface LoadedResponses {
  responses: SurveyResponse[];
  /** One fingerprint over every response file, in a stable order. */
  sha256: string;
  /** Every file read, so that none of them is ever written. */
  files: string[];
}

export async function loadResponses(paths: readonly string[], rubric: Rubric, partnershipName: string, maxMegabytes?: number): Promise<LoadedResponses> {
  const files = paths.flatMap(expand).sort(byCodePoint);
  const errors: LocatedError[] = [];
  const responses: SurveyResponse[] = [];
  const digests: string[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    const text = readTextInput(file, maxMegabytes);
    const loaded = await parseResponse(displayPath(file), text, rubric);
    if (!loaded.ok) {
      errors.push(...loaded.errors);
      continue;
    }
    const response = loaded.response;
    if (response.partnership !== partnershipName) {
      errors.push({ file: displayPath(file), position: { line: 1, col: 1 }, message: `these answers are about "${response.partnership}", not "${partnershipName}"` });
      continue;
    }
    const previous = ids.get(response.respondent.id);
    if (previous !== undefined) {
      errors.push({ file: displayPath(file), message: `respondent "${response.respondent.id}" also answered in ${previous}; count each person once` });
      continue;
    }
    ids.set(response.respondent.id, displayPath(file));
    responses.push(response);
    digests.push(sha256(text));
  }
  if (errors.length > 0) throw new UserError(errors);
  return { responses, sha256: sha256(digests.join('\n')), files };
}

function expand(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new UserError({ file: path, message: describeFsError(error, 'cannot read the responses') });
  }
  if (!isDirectory) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .map((name) => join(path, name));
}
