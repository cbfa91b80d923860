#!/usr/bin/env node
// Production build: one minified ESM bundle with a chunk per command (loaded on demand),
// plus the built-in rubric compiled to JSON so that start-up skips parsing YAML it has
// already validated. Run by `npm install` (prepare) and `npm test`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const finalDist = join(root, 'dist');
// Build beside dist and swap it in at the end, so a test run or a command using dist
// at the same moment never sees a half-written build.
const dist = join(root, `.dist-build-${process.pid}`);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  define: { __PES_VERSION__: JSON.stringify(version) },
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import{createRequire as __pesRequire}from'node:module';const require=__pesRequire(import.meta.url);" },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  ...common,
  entryPoints: { pes: join(root, 'src/cli/entry.ts') },
  outdir: dist,
  splitting: true,
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  chunkNames: '[name]-[hash]',
});

const compiler = join(dist, '.compile-rubric.mjs');
await build({ ...common, entryPoints: [join(root, 'scripts/compile-rubric.ts')], outfile: compiler });
try {
  execFileSync(process.execPath, [compiler, join(root, 'rubrics/pes-27.yaml'), join(dist, 'rubric-pes-27.json')], { stdio: 'inherit' });
} catch {
  console.error('build: the built-in rubric does not load (see above)');
  rmSync(dist, { recursive: true, force: true });
  process.exit(1);
} finally {
  rmSync(compiler, { force: true });
}

const previous = join(root, `.dist-old-${process.pid}`);
try {
  renameSync(finalDist, previous);
} catch {
  // no earlier build
}
renameSync(dist, finalDist);
rmSync(previous, { recursive: true, force: true });
