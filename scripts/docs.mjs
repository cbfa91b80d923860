#!/usr/bin/env node
// `npm run docs`: regenerates docs/reference/ and docs/rubric/ from the zod schema and the rubric.
// A test (test/docs/generated-docs.test.ts) fails while a committed page differs from what this writes.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, `.generate-docs-${process.pid}.mjs`);
await build({ bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', packages: 'external', entryPoints: [join(root, 'scripts/generate-docs.ts')], outfile: script });
try {
  execFileSync(process.execPath, [script, root], { stdio: 'inherit' });
} finally {
  rmSync(script, { force: true });
}
