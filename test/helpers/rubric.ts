/** The built-in rubric, loaded from its YAML source as the build does. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { formatLocatedError } from '../../src/load/located-error.js';
import { loadRubric } from '../../src/load/rubric.js';
import { CHECKS } from '../../src/checks/index.js';
import type { Rubric } from '../../src/model/rubric.js';

export async function builtinRubric(): Promise<Rubric> {
  const loaded = await loadRubric('rubrics/pes-27.yaml', readFileSync(new URL('../../rubrics/pes-27.yaml', import.meta.url), 'utf8'), CHECKS);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLocatedError).join('\n'));
  return loaded.rubric;
}

/**
 * How many response files in `dir` answer every practice of `rubric` ("don't know" counts): the
 * survey's complete count, worked out from the files themselves rather than by pes, so that a test's
 * expectation follows the rubric instead of the rubric the example responses were written for.
 */
export function completeResponseFiles(dir: string, rubric: Rubric): number {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .filter((name) => {
      const response = load(readFileSync(join(dir, name), 'utf8')) as { answers?: Record<string, unknown> };
      return rubric.practices.every((practice) => response.answers?.[practice.id] !== undefined);
    }).length;
}
