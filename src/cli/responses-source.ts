/** Survey responses named by --responses: folders (every *.yaml in them) and single files. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, type LocatedError } from '../load/located-error.js';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';
import { parseResponse } from '../survey/response-file.js';
import { sha256 } from '../text/sha256.js';
import { describeFsError, displayPath, displayPaths, readTextInput } from './io.js';
import { byCodePoint } from '../model/order.js';

export interface LoadedResponses {
  responses: SurveyResponse[];
  /** One fingerprint over every response file, in a stable order. */
  sha256: string;
  /** Every file read, so that none of them is ever written. */
  files: string[];
}

export interface LoadOptions {
  maxMegabytes?: number;
  /** A folder with no response files yet is fine (a workshop about to start), not a mistake in --responses. */
  allowEmpty?: boolean;
}

export async function loadResponses(paths: readonly string[], rubric: Rubric, partnershipName: string, options: LoadOptions = {}): Promise<LoadedResponses> {
  const { maxMegabytes, allowEmpty = false } = options;
  const files = paths.flatMap((path) => expand(path, allowEmpty)).sort(byCodePoint);
  const errors: LocatedError[] = [];
  const responses: SurveyResponse[] = [];
  const digests: string[] = [];
  const ids = new Map<string, string>();
  const shownPath = displayPaths();
  for (const file of files) {
    const text = readTextInput(file, maxMegabytes);
    const shown = shownPath(file);
    const loaded = await parseResponse(shown, text, rubric);
    if (!loaded.ok) {
      errors.push(...loaded.errors);
      continue;
    }
    const response = loaded.response;
    if (response.partnership !== partnershipName) {
      errors.push({ file: shown, position: { line: 1, col: 1 }, message: `these answers are about "${response.partnership}", not "${partnershipName}"` });
      continue;
    }
    const previous = ids.get(response.respondent.id);
    if (previous !== undefined) {
      errors.push({ file: shown, message: `respondent "${response.respondent.id}" also answered in ${previous}; count each person once` });
      continue;
    }
    ids.set(response.respondent.id, shown);
    responses.push(response);
    digests.push(sha256(text));
  }
  if (errors.length > 0) throw new UserError(errors);
  return { responses, sha256: sha256(digests.join('\n')), files };
}

function expand(path: string, allowEmpty: boolean): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new UserError({ file: path, message: describeFsError(error, 'cannot read the responses') });
  }
  if (!isDirectory) return [path];
  const files = responseFilesIn(path);
  if (files.length > 0 || allowEmpty) return files;
  // An empty folder would silently mean "no survey": say so, and point at the folders that do hold answers.
  const holding = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ folder: join(path, entry.name), count: responseFilesIn(join(path, entry.name)).length }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  const hint =
    holding.length > 0
      ? `; ${holding.map(({ folder, count }) => `${displayPath(folder)} holds ${count}`).join(', ')}: name ${holding.length === 1 ? 'it' : 'one of them'} with --responses`
      : '';
  throw new UserError({ file: displayPath(path), message: `no response files (*.yaml) in this folder${hint}` });
}

function responseFilesIn(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new UserError({ file: displayPath(folder), message: describeFsError(error, 'cannot read the responses') });
  }
  return names
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(folder, name));
}
