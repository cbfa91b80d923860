/** The built-in rubric, loaded from its YAML source as the build does. */
import { readFileSync } from 'node:fs';
import { formatLocatedError } from '../../src/load/located-error.js';
import { loadRubric } from '../../src/load/rubric.js';
import { CHECKS } from '../../src/checks/index.js';
import type { Rubric } from '../../src/model/rubric.js';

export async function builtinRubric(): Promise<Rubric> {
  const loaded = await loadRubric('rubrics/pes-27.yaml', readFileSync(new URL('../../rubrics/pes-27.yaml', import.meta.url), 'utf8'), CHECKS);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLocatedError).join('\n'));
  return loaded.rubric;
}
