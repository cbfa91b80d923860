#!/usr/bin/env node
// Regenerates test/golden/* from the built binary. Run on purpose (`npm run golden`)
// after a deliberate change to the output, then read the diff before committing it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { cases } = JSON.parse(readFileSync(join(root, 'test/golden/cases.json'), 'utf8'));
const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;
for (const { name, args } of cases) {
  const output = execFileSync(process.execPath, [join(root, 'bin/pes'), ...args], { cwd: root, env, encoding: 'utf8' });
  writeFileSync(join(root, 'test/golden', name), output);
  console.log(`updated test/golden/${name}`);
}
