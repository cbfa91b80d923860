// Bundles a TypeScript script of bench/ into one ES module that node runs directly
// (with `require` defined, for the CommonJS packages inside it).
import { buildSync } from 'esbuild';

/** `input` is esbuild's entry: `{ entryPoints: [...] }` or `{ stdin: {...} }`. */
export function bundleScript(input, outfile) {
  buildSync({
    ...input,
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    banner: { js: "import{createRequire as __r}from'node:module';const require=__r(import.meta.url);" },
  });
}
