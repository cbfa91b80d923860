/**
 * Every node of a read YAML file with where it starts, and the same read by the
 * `yaml` package as an independent reference: what the position tests compare.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Path } from '../../src/model/path.js';
import type { YamlSource } from '../../src/load/yaml-source.js';

/**
 * One line per node, in document order: its path, then `key L:C` for a mapping
 * entry and `value L:C`, both as `locate` reports them.
 */
export function listPositions(source: Pick<YamlSource, 'value' | 'locate'>): string[] {
  const lines: string[] = [];
  const at = (path: Path, target: 'key' | 'value') => {
    const { line, col } = source.locate(path, target);
    return `${line}:${col}`;
  };
  const visit = (value: unknown, path: Path) => {
    const key = path.length > 0 && typeof path.at(-1) === 'string' ? ` key ${at(path, 'key')}` : '';
    lines.push(`${JSON.stringify(path)}${key} value ${at(path, 'value')}`);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') for (const [name, item] of Object.entries(value)) visit(item, [...path, name]);
  };
  visit(source.value, []);
  return lines;
}

/**
 * The file as the `yaml` package reads it (core schema, duplicate keys refused): its
 * value, and positions from its node ranges, which is where pes has always placed
 * its messages. Undefined when the package finds the text invalid.
 */
export function referenceRead(text: string): Pick<YamlSource, 'value' | 'locate'> | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, schema: 'core', prettyErrors: false, lineCounter: lines });
  if (doc.errors.length > 0) return undefined;
  const value = doc.toJS({ maxAliasCount: -1 }) as unknown;
  const position = (offset: number) => lines.linePos(offset);
  const locate = (path: Path, target: 'value' | 'key' = 'value') => {
    let node = doc.contents as Node | null;
    let offset = node?.range?.[0] ?? 0;
    for (let i = 0; i < path.length && node; i++) {
      const segment = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const keyOffset = (pair.key as Node).range?.[0] ?? offset;
        if (i === path.length - 1 && target === 'key') return position(keyOffset);
        node = pair.value as Node | null;
        offset = node?.range?.[0] ?? keyOffset;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment] as Node | null;
        offset = node?.range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return position(offset);
  };
  return { value, locate };
}
