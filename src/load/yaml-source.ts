/**
 * Reads YAML while keeping where every node came from, so that a validation error
 * or a finding about `['partners', 3, 'agreement']` can be shown at its line and
 * column. Locating is done here, once, for every kind of message.
 *
 * The fast reader handles the plain YAML these files are written in; anything else
 * goes to the `yaml` package, loaded only then, which also words every syntax error.
 */
import { fastParse, TooDeep, Unsupported, type Position, type PositionedDocument } from './fast-yaml.js';
import type { LocatedError, SourcePosition } from './located-error.js';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface YamlLimits {
  /** Aliases expanded beyond this count are treated as an expansion ("billion laughs") attack. */
  maxAliasCount: number;
  /** Deeper nesting is refused; the file formats need fewer than ten levels. */
  maxDepth: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxAliasCount: 200, maxDepth: 64 };

export interface YamlSource {
  file: string;
  value: unknown;
  /** Position of the node at `path`, or of its nearest ancestor present in the file. */
  locate(path: Path, target?: 'value' | 'key'): SourcePosition;
}

export type YamlParse = { ok: true; source: YamlSource } | { ok: false; errors: LocatedError[] };

export async function parseYaml(file: string, text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): Promise<YamlParse> {
  const position = lineIndex(text);
  let document: PositionedDocument;
  try {
    document = fastParse(text, limits.maxDepth);
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: `refused: ${error.message}` }] };
    if (!(error instanceof Unsupported)) throw error;
    const { parseFullYaml } = await import('./full-yaml.js');
    const full = parseFullYaml(file, text, limits, position);
    if (!full.ok) return full;
    document = full.document;
  }
  const root = document.root;
  return {
    ok: true,
    source: { file, value: document.value, locate: (path, target = 'value') => position(offsetOf(root, path, target)) },
  };
}

function offsetOf(root: Position, path: Path, target: 'value' | 'key'): number {
  let node: Position | undefined = root;
  let offset = root.offset;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i]!;
    if (node.entries) {
      const entry = node.entries.get(String(segment));
      if (!entry) break;
      if (i === path.length - 1 && target === 'key') return entry.key;
      node = entry.value;
    } else if (node.items && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) break;
    } else {
      break;
    }
    offset = node.offset;
  }
  return offset;
}

/** Offset -> 1-based line and column, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: offset - starts[low]! + 1 };
  };
}
