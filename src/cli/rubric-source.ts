/**
 * Where the rubric comes from: --rubric FILE (parsed and validated now), or the
 * built-in pes-27, which the build has already validated and stored as JSON so that
 * start-up does not parse YAML it has checked before.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../load/located-error.js';
import type { BuiltinRubrics } from '../load/rubric-extends.js';
import type { Rubric } from '../model/rubric.js';
import { displayPath, readTextInput } from './io.js';

export interface RubricSource {
  rubric: Rubric;
  /** The file as shown in reports. */
  file: string;
  sha256: string;
}

/** The compiled built-in rubric's file, beside the bundle. */
export const BUILTIN_RUBRIC_JSON = 'rubric-pes-27.json';

export async function resolveRubric(file: string | undefined, maxMegabytes?: number): Promise<RubricSource> {
  if (file === undefined) return builtinRubric();
  const text = readTextInput(file, maxMegabytes);
  // The rubric loader validates with zod, and the digest needs node:crypto: both only for a rubric file, never for the built-in one.
  const [{ loadRubric }, { CHECKS }, { sha256 }] = await Promise.all([import('../load/rubric.js'), import('../checks/index.js'), import('../text/sha256.js')]);
  const loaded = await loadRubric(displayPath(file), text, CHECKS, BUILTIN_RUBRICS);
  if (!loaded.ok) throw new UserError(loaded.errors);
  // A rubric that extends a built-in one is that one's text plus its own: a change to either changes the digest.
  return { rubric: loaded.rubric, file: displayPath(file), sha256: sha256(loaded.base === undefined ? text : `${loaded.base}\n---\n${text}`) };
}

/** The rubrics shipped in the package's rubrics/ folder, which `extends:` may name. */
const BUILTIN_RUBRICS: BuiltinRubrics = {
  ids: ['pes-27'],
  read: (id) => {
    if (!BUILTIN_RUBRICS.ids.includes(id)) return undefined;
    const url = new URL(`../rubrics/${id}.yaml`, import.meta.url);
    return { file: `${id} (built in)`, text: readFileSync(url, 'utf8') };
  },
};

function builtinRubric(): RubricSource {
  return JSON.parse(readFileSync(new URL(`./${BUILTIN_RUBRIC_JSON}`, import.meta.url), 'utf8')) as RubricSource;
}
