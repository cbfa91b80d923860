// Build step: validate a rubric YAML file and store it, parameters resolved, as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { formatLocatedError } from '../src/load/located-error.js';
import { loadRubric } from '../src/load/rubric.js';
import { CHECKS } from '../src/checks/index.js';

const [source, target] = process.argv.slice(2);
if (!source || !target) throw new Error('usage: compile-rubric SOURCE.yaml TARGET.json');
const text = readFileSync(source, 'utf8');
const file = 'rubrics/pes-27.yaml';
const loaded = await loadRubric(file, text, CHECKS);
if (!loaded.ok) {
  for (const error of loaded.errors) console.error(formatLocatedError(error));
  process.exit(1);
}
const sha256 = createHash('sha256').update(text).digest('hex');
writeFileSync(target, JSON.stringify({ rubric: loaded.rubric, file: `${file} (built in)`, sha256 }));
