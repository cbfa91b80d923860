/**
 * Loads the CLI bundles through V8's code cache. The build runs representative
 * commands once and stores the compiled bytecode beside each bundle
 * (dist/*.cjs.cache), so a start-up reads bytecode instead of parsing and compiling
 * the same JavaScript again: Node 20 has no compile cache of its own. A cache made
 * by another Node version is simply rejected by V8 and the bundle compiles as usual.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

interface CompilableModule {
  exports: unknown;
  require(id: string): unknown;
}

type Compile = (this: CompilableModule, content: string, filename: string) => unknown;

// The constructor of this very module is node:module's Module; requiring node:module
// itself would also load the ES module loader, which a CommonJS start never needs.
const moduleInternals = module.constructor as unknown as {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _cache: unknown;
};

/** Set by the build (PES_WRITE_CODE_CACHE=1) to record the caches; never at run time. */
const writing = process.env.PES_WRITE_CODE_CACHE === '1';
const compiled: { script: Script; cacheFile: string }[] = [];
const bundleDirectory = __dirname;
const originalCompile = moduleInternals.prototype._compile;

moduleInternals.prototype._compile = function compileWithCache(this: CompilableModule, content: string, filename: string) {
  if (dirname(filename) !== bundleDirectory || !filename.endsWith('.cjs')) return originalCompile.call(this, content, filename);
  const cacheFile = `${filename}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = writing ? undefined : readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(moduleInternals.wrap(content), { filename, cachedData });
  if (writing) compiled.push({ script, cacheFile });
  const wrapper = script.runInThisContext() as (exports: unknown, require: unknown, module: unknown, filename: string, dirname: string) => unknown;
  const owner = this;
  const requireFromBundle = Object.assign((id: string) => owner.require(id), {
    resolve: (request: string, options?: unknown) => moduleInternals._resolveFilename(request, owner, false, options),
    cache: moduleInternals._cache,
    main: require.main,
  });
  return wrapper.call(owner.exports, owner.exports, requireFromBundle, owner, filename, dirname(filename));
};

if (writing) {
  process.on('exit', () => {
    for (const { script, cacheFile } of compiled) writeFileSync(cacheFile, script.createCachedData());
  });
}

require('./pes.cjs');
