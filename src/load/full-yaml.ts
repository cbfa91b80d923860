/**
 * The full YAML reader, for whatever the fast reader declines: the `yaml` package
 * with node ranges kept for locating, aliases limited, duplicate keys refused.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { SourcePosition } from './located-error.js';
import type { Path, YamlLimits, YamlParse } from './yaml-source.js';

export function parseFullYaml(file: string, text: string, limits: YamlLimits): YamlParse {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  } catch (error) {
    // The parser recurses per level of nesting; a stack overflow means a file built to exhaust it.
    if (error instanceof RangeError) return { ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: `refused: nesting too deep to read (over ${limits.maxDepth} levels)` }] };
    throw error;
  }
  const position = (offset: number): SourcePosition => lineCounter.linePos(offset);

  // The parser reports exhaustion once per level it could not descend; one line says it.
  if (doc.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) {
    return { ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: `refused: nesting too deep to read (over ${limits.maxDepth} levels)` }] };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({ file, position: position(error.pos[0]), message: describeYamlError(error.code, error.message) })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError) return { ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: `refused: ${error.message}` }] };
    if (error instanceof RangeError) return { ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: `refused: nesting too deep to read (over ${limits.maxDepth} levels)` }] };
    throw error;
  }
  return {
    ok: true,
    source: {
      file,
      value,
      locate: (path, target = 'value') => position(offsetOf(doc, path, target)),
    },
  };
}

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return `YAML syntax: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')} (${code})`;
}

function offsetOf(doc: Document.Parsed, path: Path, target: 'value' | 'key'): number {
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      if (last && target === 'key') return key.range?.[0] ?? offset;
      // A key with no value (`agreement:`) has no value range: point at the key.
      offset = value?.range?.[0] ?? key.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
