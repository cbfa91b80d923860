/**
 * The full YAML reader, for whatever the fast reader declines: the `yaml` package
 * with aliases limited and duplicate keys refused. It hands back the same
 * positioned document as the fast reader, so locating works one way for both.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { PositionedDocument, Position } from './fast-yaml.js';
import type { LocatedError, SourcePosition } from './located-error.js';
import type { YamlLimits } from './yaml-source.js';

export type FullYamlParse = { ok: true; document: PositionedDocument } | { ok: false; errors: LocatedError[] };

export function parseFullYaml(file: string, text: string, limits: YamlLimits, position: (offset: number) => SourcePosition): FullYamlParse {
  const refused = (message: string): FullYamlParse => ({ ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: `refused: ${message}` }] });
  const tooDeep = `nesting too deep to read (over ${limits.maxDepth} levels)`;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
  } catch (error) {
    // The parser recurses per level of nesting; a stack overflow means a file built to exhaust it.
    if (error instanceof RangeError) return refused(tooDeep);
    throw error;
  }
  // The parser reports exhaustion once per level it could not descend; one line says it.
  if (doc.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) return refused(tooDeep);
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((error) => ({ file, position: position(error.pos[0]), message: describeYamlError(error.code, error.message) })) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError) return refused(error.message);
    if (error instanceof RangeError) return refused(tooDeep);
    throw error;
  }
  return { ok: true, document: { value, root: positionOf(doc.contents, 0) } };
}

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return `YAML syntax: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')} (${code})`;
}

/** Where a node and the nodes inside it start; a node without a range (an empty value) takes `fallback`, its key or parent. */
function positionOf(node: Node | null | undefined, fallback: number): Position {
  const offset = node?.range?.[0] ?? fallback;
  if (isMap(node)) {
    const entries: NonNullable<Position['entries']> = new Map();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (entries.has(key)) continue;
      const keyOffset = pair.key.range?.[0] ?? offset;
      entries.set(key, { key: keyOffset, value: positionOf(pair.value as Node | null, keyOffset) });
    }
    return { offset, entries };
  }
  if (isSeq(node)) return { offset, items: node.items.map((item) => positionOf(item as Node | null, offset)) };
  return { offset };
}
