#!/usr/bin/env node
// Regenerates what the zod schemas determine: the validators in src/model/generated/
// and the JSON Schemas in schema/. A test fails when either is out of date.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, `.generate-${process.pid}.mjs`);
await build({ bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', entryPoints: [join(root, 'scripts/generate-validators.ts')], outfile: script });
try {
  execFileSync(process.execPath, [script, root], { stdio: 'inherit' });
} finally {
  rmSync(script, { force: true });
}
