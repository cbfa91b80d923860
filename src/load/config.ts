/** Loads a config file with located errors, and checks that the practices it names exist. */
import type { Config } from '../model/config.js';
import { isValidConfig } from '../model/generated/config-valid.js';
import type { Rubric } from '../model/rubric.js';
import { closestMatch } from './closest-match.js';
import type { LocatedError } from './located-error.js';
import { formatPath } from './validate.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

export type ConfigLoad = { ok: true; config: Config; source: YamlSource } | { ok: false; errors: LocatedError[] };

export async function loadConfig(file: string, text: string): Promise<ConfigLoad> {
  const parsed = await parseYaml(file, text);
  if (!parsed.ok) return parsed;
  if (parsed.source.value === null || parsed.source.value === undefined) return { ok: true, config: {}, source: parsed.source };
  if (isValidConfig(parsed.source.value)) return { ok: true, config: parsed.source.value as Config, source: parsed.source };
  return { ok: false, errors: (await import('./explain-invalid.js')).explainInvalid('config', parsed.source) };
}

/** Practice references in a config (suppressions, per-practice gates) must name practices of the rubric in use. */
export function configPracticeErrors(config: Config, source: YamlSource, rubric: Rubric): LocatedError[] {
  const errors: LocatedError[] = [];
  const known = (key: string | number) => practiceIdFor(key, rubric) !== undefined;
  const report = (path: (string | number)[], key: string | number, target: 'key' | 'value') => {
    const suggestion = typeof key === 'string' ? closestMatch(key, rubric.practices.map((practice) => practice.id)) : undefined;
    errors.push({
      file: source.file,
      position: source.locate(path, target),
      message: `${formatPath(path)}: no practice "${key}" in ${rubric.id}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    });
  };
  for (const key of Object.keys(config.gates?.practices ?? {})) if (!known(key)) report(['gates', 'practices', key], key, 'key');
  config.suppress?.forEach((entry, index) => {
    if (!known(entry.practice)) report(['suppress', index, 'practice'], entry.practice, 'value');
  });
  return errors;
}

/** The practice id a config key names (a number or an id). */
export function practiceIdFor(key: string | number, rubric: Rubric): string | undefined {
  return rubric.practices.find((practice) => String(practice.number) === String(key) || practice.id === key)?.id;
}
