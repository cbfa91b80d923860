/**
 * Reports an internal error. Source maps are applied here, on demand, rather than
 * with --enable-source-maps, which would parse every map at every start-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

export function reportBug(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return [
    `pes: internal error (a bug in pes, not in your files): ${error instanceof Error ? error.message : String(error)}`,
    mapStack(stack),
    'Please report it with the command you ran and, if you can, the input files.',
    '',
  ].join('\n');
}

/** A stack frame in one of the bundles: a path (or file: URL) ending in .cjs or .js, a line and a column. */
const FRAME = /((?:file:\/\/)?\/[^\s()]+?\.c?js):(\d+):(\d+)/g;

function mapStack(stack: string): string {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string) => {
    if (!maps.has(url)) maps.set(url, loadMap(url));
    return maps.get(url) ?? null;
  };
  return stack
    .split('\n')
    .slice(1)
    .map((line) =>
      line.replace(FRAME, (whole, url: string, line: string, column: string) => {
        const entry = mapFor(url)?.findEntry(Number(line) - 1, Number(column) - 1);
        if (!entry || !('originalSource' in entry)) return whole;
        const source = entry.originalSource.replace(/^.*?(src\/)/, '$1');
        return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
      }),
    )
    .join('\n');
}

function loadMap(url: string): SourceMap | null {
  try {
    const file = `${url.startsWith('file:') ? fileURLToPath(url) : url}.map`;
    return existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null;
  } catch {
    return null;
  }
}
