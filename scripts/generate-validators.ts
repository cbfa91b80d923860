// `npm run generate`: writes the generated validators from the zod schemas.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatorSources } from '../src/model/validator-sources.js';

const root = process.argv[2];
if (!root) throw new Error('usage: generate-validators ROOT');
for (const { file, source } of validatorSources()) {
  writeFileSync(join(root, file), source);
  console.log(`wrote ${file}`);
}
