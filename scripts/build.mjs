#!/usr/bin/env node
// Production build, run by `npm install` (prepare) and `npm test`:
//
//   dist/pes.cjs           commander wiring; loads one command bundle when it runs
//   dist/cmd-<name>.cjs    one self-contained bundle per command
//   dist/lazy-<module>.cjs one bundle per module a command imports only when it needs it
//   dist/compile-cache.cjs loads the bundles above with V8's cached compiled code (src/cli/compile-cache.ts)
//   dist/rubric-pes-27.json the built-in rubric, validated and resolved
//   dist/workshop-*.js     the browser code of `pes workshop`'s pages, and the thread its reports are built on
//
// CommonJS, not ESM: Node 20 resolves and links every ES module asynchronously, which
// cost more start-up time than the code itself. Everything is built beside dist and
// swapped in at the end, so a concurrent test run never sees a half-written build.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const finalDist = join(root, 'dist');
const dist = join(root, `.dist-build-${process.pid}`);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Command modules: src/cli/<name>.ts, imported by the CLI wiring when that command runs. */
const COMMANDS = ['assess', 'validate', 'rubric', 'schema', 'init', 'survey', 'survey-template', 'survey-import', 'trend', 'bug-report', 'workshop'];
const sourceRoot = join(root, 'src');

/** The bundle a lazily imported source module becomes: cmd-assess for src/cli/assess.ts, lazy-render-html for src/render/html.ts. */
function bundleName(sourceFile) {
  const module = relative(sourceRoot, sourceFile).replace(/\.ts$/, '').split(sep).join('/');
  const command = /^cli\/(.+)$/.exec(module)?.[1];
  return command && COMMANDS.includes(command) ? `cmd-${command}` : `lazy-${module.replaceAll('/', '-')}`;
}

/** Bundles some import() asked for: name -> source file. The build runs until every one is built. */
const wanted = new Map();

/**
 * Every import() in src becomes a require of its own bundle at the moment it runs,
 * so a command's bundle holds only what every run of it needs:
 * zod, the full YAML parser and the renderers of other formats load when used.
 * Bundles share no module instances, which is why errors are recognised by a
 * Symbol.for brand rather than instanceof.
 */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(builder) {
    builder.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(sourceRoot)) return undefined;
      const sourceFile = join(dirname(args.importer), args.path.replace(/\.js$/, '.ts'));
      const name = bundleName(sourceFile);
      wanted.set(name, sourceFile);
      return { path: name, namespace: 'lazy-bundle' };
    });
    builder.onLoad({ filter: /.*/, namespace: 'lazy-bundle' }, (args) => ({
      contents: `module.exports = require('./compile-cache.cjs').load(__dirname, '${args.path}.cjs');`,
      loader: 'js',
    }));
    builder.onResolve({ filter: /^\.\/(cmd-.*|lazy-.*|pes|compile-cache)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands
 * that pes does not have; child_process pulls in net, dgram and the stream modules,
 * about 4 ms of every run. Inside commander it resolves to a stand-in that fetches
 * the real module the first time spawn is used.
 */
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}commander${sep}`) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = { get spawn() { return process.getBuiltinModule('node:child_process').spawn; } };",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  define: { __PES_VERSION__: JSON.stringify(version), 'import.meta.url': '__pesModuleUrl' },
  // import.meta.url has no CommonJS equivalent; each bundle defines it from its own file name.
  banner: { js: "var __pesModuleUrl=require('url').pathToFileURL(__filename).href;" },
  plugins: [lazyBundles, lazyChildProcessInCommander],
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
try {
  await build({
    ...common,
    entryPoints: {
      pes: join(root, 'src/cli/entry.ts'),
      // The thread `pes workshop` builds the projector's report on (new Worker() takes a file, not an import).
      'workshop-report-worker': join(root, 'src/workshop/report-worker.ts'),
    },
  });
  // Each round builds the bundles the previous one asked for, until none is new.
  const built = new Set();
  for (;;) {
    const next = [...wanted].filter(([name]) => !built.has(name));
    if (next.length === 0) break;
    for (const [name] of next) built.add(name);
    await build({ ...common, entryPoints: Object.fromEntries(next) });
  }

  // The loader of the bundles above, with their compile cache, named after a hash of them (see src/cli/compile-cache.ts).
  const buildId = createHash('sha256');
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.cjs')).sort()) buildId.update(file).update(readFileSync(join(dist, file)));
  await build({
    ...common,
    plugins: [],
    define: { ...common.define, __PES_BUILD_ID__: JSON.stringify(buildId.digest('hex').slice(0, 16)) },
    entryPoints: { 'compile-cache': join(root, 'src/cli/compile-cache.ts') },
  });

  // The workshop's pages run this in phones' browsers: current Safari, Chrome and Firefox, inlined into each page under a nonce.
  await build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['safari15', 'chrome100', 'firefox100'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    outdir: dist,
    entryNames: 'workshop-[name]',
    entryPoints: ['participant', 'projector'].map((name) => join(root, `src/workshop/client/${name}.ts`)),
  });

  const compiler = join(dist, '.compile-rubric.mjs');
  await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    entryPoints: [join(root, 'scripts/compile-rubric.ts')],
    outfile: compiler,
    banner: { js: "import{createRequire as __pesRequire}from'node:module';const require=__pesRequire(import.meta.url);" },
  });
  execFileSync(process.execPath, [compiler, join(root, 'rubrics/pes-27.yaml'), join(dist, 'rubric-pes-27.json')], { stdio: 'inherit' });
  rmSync(compiler, { force: true });
} catch (error) {
  rmSync(dist, { recursive: true, force: true });
  console.error(`build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
}

const previous = join(root, `.dist-old-${process.pid}`);
try {
  renameSync(finalDist, previous);
} catch {
  // no earlier build
}
renameSync(dist, finalDist);
rmSync(previous, { recursive: true, force: true });
