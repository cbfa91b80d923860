/**
 * Reads YAML while keeping where every node came from, so that a validation error
 * or a finding about `['partners', 3, 'agreement']` can be shown at its line and
 * column. Locating is done here, once, for every kind of message.
 *
 * js-yaml reads the text, and tells a listener where each node opens and what it
 * closes as; the positions recorded from that (yaml-structure) belong to the very
 * nodes the value was built from. It reads the 10,000-partner benchmark file in
 * about 0.3 s, with any line endings, tabs in comments, multi-line and block scalars
 * alike: there is no other path.
 */
import { load, YAMLException } from 'js-yaml';
import type { LocatedError, SourcePosition } from './located-error.js';
import { keyIndex, offsetOfNode, PositionRecorder, StructureRefused, type NodePosition } from './yaml-structure.js';
import { YAML_1_2_CORE_SCHEMA } from './yaml-schema.js';
import { describeSyntaxError } from './yaml-syntax.js';
import type { Path } from '../model/path.js';

export interface YamlLimits {
  /** Aliases (`*name`) beyond this count are treated as an expansion ("billion laughs") attack. */
  maxAliasCount: number;
  /** The values all aliases together may stand for: 199 aliases of a 5,000-item list would be a million. */
  maxAliasNodes: number;
  /** Deeper nesting is refused; the file formats need fewer than ten levels. */
  maxDepth: number;
  /**
   * Lines and commas, counted before parsing (every entry of a file takes a line, or a
   * comma in `[ ]` and `{ }`): reading takes about 40 bytes of memory per byte of YAML,
   * so a file far beyond the largest partnership pes is built for is refused before it
   * is read. Flow entries are smaller than lines, so more of them are allowed.
   */
  maxLines: number;
  maxCommas: number;
}

/**
 * The 10,000-partner benchmark file has about 130,000 lines; its JSON report about 310,000; 400,000 lines is about
 * 30,000 partners. A million commas is an 11 MB file of 150,000 one-line entries: read in 1.6 s under a 200 MB heap.
 */
export const DEFAULT_YAML_LIMITS: YamlLimits = { maxAliasCount: 200, maxAliasNodes: 100_000, maxDepth: 64, maxLines: 400_000, maxCommas: 1_000_000 };

export interface YamlSource {
  file: string;
  value: unknown;
  /** Position of the node at `path`, or of its nearest ancestor present in the file. */
  locate(path: Path, target?: 'value' | 'key'): SourcePosition;
}

export type YamlParse = { ok: true; source: YamlSource } | { ok: false; errors: LocatedError[] };

export interface YamlReading {
  limits?: YamlLimits;
  /**
   * `when-asked` for files read by the thousand whose positions are seldom wanted
   * (every valid survey response): they are recorded on the first `locate`, by reading
   * the text again, unless the text needs the structure checks at once.
   */
  positions?: 'now' | 'when-asked';
}

export async function parseYaml(file: string, text: string, reading: YamlReading = {}): Promise<YamlParse> {
  const { limits = DEFAULT_YAML_LIMITS, positions = 'now' } = reading;
  const position = lineIndex(text);
  const failure = (offset: number, message: string): YamlParse => ({ ok: false, errors: [{ file, position: position(offset), message }] });
  const tooLarge = overEntryLimits(text, limits);
  if (tooLarge !== undefined) return { ok: false, errors: [{ file, message: tooLarge }] };
  // js-yaml strips a byte order mark before it counts offsets.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // js-yaml counts a scalar as a level of its own: 64 levels of collections hold scalars at the 65th.
  const options = { schema: YAML_1_2_CORE_SCHEMA, maxDepth: limits.maxDepth + 1 };
  const newRecorder = () => new PositionRecorder(limits, base, (offset) => position(offset).line);
  const read = (recorder?: PositionRecorder): unknown => load(text, recorder ? { ...options, listener: recorder.listener } : options) ?? null;
  /** Reads the text again with positions; up to the same syntax error, if it has one, so the message can say where a key was first given. */
  const readPositions = (): PositionRecorder => {
    const later = newRecorder();
    try {
      read(later);
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
    }
    return later;
  };
  const recorder = positions === 'when-asked' && !needsStructureChecks(text) ? undefined : newRecorder();
  let value: unknown;
  try {
    value = read(recorder);
  } catch (error) {
    if (error instanceof StructureRefused) return failure(error.problem.offset, error.problem.message);
    if (!(error instanceof YAMLException)) throw error;
    const offset = base + (error.mark?.position ?? 0);
    if (error.reason.startsWith('nesting exceeded maxDepth')) return failure(offset, `refused: nesting deeper than ${limits.maxDepth} levels`);
    const syntax = describeSyntaxError(error.reason, text, offset, recorder ?? readPositions());
    return failure(syntax.offset, syntax.message);
  }
  let root = recorder?.root();
  const rootNode = (): NodePosition => (root ??= readPositions().root());
  return {
    ok: true,
    source: { file, value, locate: (path, target = 'value') => position(offsetOf(rootNode(), path, target)) },
  };
}

/**
 * Whether the text could hold what only the position recorder refuses: an alias
 * (its limits), a flow collection (a comma or colon in an unquoted value), or an
 * explicit `?` key (a key that is a collection). A key given twice js-yaml refuses itself.
 * Any of these characters anywhere, even in a comment or a quoted value, counts.
 */
function needsStructureChecks(text: string): boolean {
  return /[*[\]{}?]/.test(text);
}

/** About how many entries a file holds, counted without parsing it: its lines and its commas, each against its own limit. */
function overEntryLimits(text: string, limits: YamlLimits): string | undefined {
  const count = (separator: string) => {
    let found = 0;
    for (let i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, i + 1)) found++;
    return found;
  };
  const shown = (n: number) => n.toLocaleString('en-US');
  const refuse = (found: number, what: string, limit: number) =>
    `refused: ${shown(found)} ${what}, over the ${shown(limit)} pes reads in one file (a partnership of 10,000 partners has about 130,000 lines)`;
  const lines = count('\n') + 1;
  if (lines > limits.maxLines) return refuse(lines, 'lines', limits.maxLines);
  const commas = count(',');
  if (commas > limits.maxCommas) return refuse(commas, 'commas', limits.maxCommas);
  return undefined;
}

function offsetOf(root: NodePosition, path: Path, target: 'value' | 'key'): number {
  let node = root;
  for (let i = 0; i < path.length && typeof node !== 'number'; i++) {
    const segment = path[i]!;
    let child: number;
    if (node.keys) {
      child = keyIndex(node, String(segment));
      if (child >= 0 && i === path.length - 1 && target === 'key') return node.keyOffsets[child]!;
    } else {
      child = typeof segment === 'number' ? segment : -1;
    }
    const next = node.children[child];
    if (next === undefined) break;
    node = next;
  }
  return offsetOfNode(node);
}

/**
 * Offset -> 1-based line and column, by binary search over line starts. The starts
 * are found on the first call: most files read (every valid response file) are never
 * asked where anything is.
 */
function lineIndex(text: string): (offset: number) => SourcePosition {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
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
