/**
 * Where every node of a YAML file starts, recorded while js-yaml reads it. js-yaml's
 * `listener` is told when the parser opens a node (with the offset it stands at)
 * and closes it (with the node's kind and value). From those, this module builds
 * the positions, names every mapping key as the built object names it, and refuses
 * what the parser would accept but pes must not: a key given twice (naming the line
 * of the first), a key that is a list or mapping, more than the allowed aliases or
 * values aliases stand for, an alias inside the node it names, and a comma or colon
 * inside an unquoted value in `{ }` or `[ ]`.
 *
 * Two habits of the parser shape the code. It composes a block sequence's item
 * twice over when the item might have been a mapping key: the outer node then
 * closes with the very value of its single inner node, and is that node. And a
 * mapping's children arrive as key, value, key, value, except that a key without a
 * `:` after it has no value node: so pairs are made when the mapping closes.
 *
 * The offsets are those the `yaml` package gives its nodes (a quoted scalar at its
 * quote, a block scalar at its `|` or `>`, a node with an anchor or tag after them,
 * an empty value just after its `:` or `-`), which is where pes has always placed
 * its messages.
 */
import type { State } from 'js-yaml';

/**
 * Where a node starts: a scalar's or an alias's offset, or a collection with the
 * offsets of what it holds. Scalars are bare numbers and a mapping keeps its keys in
 * arrays, because a large file has hundreds of thousands of nodes and every object
 * made for one is work for the garbage collector.
 */
export type NodePosition = number | CollectionPosition;

export interface CollectionPosition {
  offset: number;
  /** A mapping's keys, in order, and where each starts; undefined for a sequence. */
  keys: string[] | undefined;
  keyOffsets: number[];
  /** The values of a mapping, or the items of a sequence, in order. */
  children: NodePosition[];
  /** Key -> index, for a mapping with many keys. */
  index: Map<string, number> | undefined;
}

/** Mappings with more keys than this look keys up in a Map rather than by scanning. */
const SCAN_LIMIT = 32;

/** The index of `key` in a mapping, or -1. */
export function keyIndex(mapping: CollectionPosition, key: string): number {
  if (mapping.index) return mapping.index.get(key) ?? -1;
  return mapping.keys!.indexOf(key);
}

/** Where a node starts, whether a collection or a bare scalar offset. */
export function offsetOfNode(node: NodePosition): number {
  return typeof node === 'number' ? node : node.offset;
}

export interface StructureLimits {
  /** Aliases (`*name`) allowed in one file. */
  maxAliasCount: number;
  /** Nodes that aliases may stand for, in total: what a value expands to is what every later step walks. */
  maxAliasNodes: number;
}

/** A problem found in the structure: where, and what to tell the user. */
export interface StructureProblem {
  offset: number;
  message: string;
}

/** Thrown from inside the listener, to stop js-yaml at the first problem. */
export class StructureRefused extends Error {
  constructor(readonly problem: StructureProblem) {
    super(problem.message);
    this.name = 'StructureRefused';
  }
}

/** What js-yaml's state holds besides its typings: the anchor of the node just closed. */
type ComposerState = State & { anchor: string | null };

/** A node being read. Frames are kept per depth and reused: the walk allocates only for collections. */
class Frame {
  start = 0;
  /** Where its content starts (after spaces, comments, anchor and tag); -1 until known. */
  content = -1;
  size = 1;
  /**
   * The `count` nodes closed inside it so far, with their values, whether they were
   * collections, and where they ended. Entries past `count` are left from an earlier
   * use of the frame: truncating the arrays on every node costs more than it saves.
   */
  count = 0;
  readonly nodes: NodePosition[] = [];
  readonly values: unknown[] = [];
  readonly collections: boolean[] = [];
  readonly ends: number[] = [];

  reset(start: number): void {
    this.start = start;
    this.content = -1;
    this.size = 1;
    this.count = 0;
  }

  add(node: NodePosition, value: unknown, collection: boolean, end: number): void {
    const at = this.count++;
    this.nodes[at] = node;
    this.values[at] = value;
    this.collections[at] = collection;
    this.ends[at] = end;
  }
}

/** Reads positions while js-yaml loads: pass `listener` to `load`, then take `root()`. */
export class PositionRecorder {
  private readonly frames: Frame[] = [];
  private depth = -1;
  private rootNode: NodePosition = 0;
  private input = '';
  private aliases = 0;
  private aliasNodes = 0;
  /** Nodes each anchor stands for. */
  private readonly anchorSizes = new Map<string, number>();
  /** The collections aliases stood for, with each alias: one that closes after its alias held it. */
  private readonly aliased = new Map<unknown, { name: string; offset: number }>();

  /**
   * `base` is added to every offset js-yaml reports (1 when the text starts with a
   * byte order mark, which js-yaml strips); `lineOf` turns an offset into a line number.
   */
  constructor(
    private readonly limits: StructureLimits,
    private readonly base: number,
    private readonly lineOf: (offset: number) => number,
  ) {}

  readonly listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      this.input = state.input;
      const depth = ++this.depth;
      (this.frames[depth] ??= new Frame()).reset(state.position);
    } else {
      this.close(state as ComposerState);
    }
  };

  root(): NodePosition {
    return this.rootNode;
  }

  /**
   * The key given twice at `offset`, and the line of its first use, for js-yaml's own
   * "duplicated mapping key", which it reports before the mapping closes: the pairs
   * read so far are those of the innermost open node.
   */
  duplicateKey(offset: number): { name: string; firstLine: number } | undefined {
    const frame = this.frames[this.depth];
    if (!frame) return undefined;
    const pairs = this.keysOf(frame);
    const duplicate = pairs.find((pair) => pair.offset >= offset);
    const first = duplicate && pairs.find((pair) => pair.name === duplicate.name);
    return first && duplicate && first !== duplicate ? { name: duplicate.name, firstLine: this.lineOf(first.offset) } : undefined;
  }

  private close(state: ComposerState): void {
    const frame = this.frames[this.depth]!;
    this.depth--;
    const kind = state.kind as string | null;
    let node: NodePosition;
    if (kind === 'mapping' || kind === 'sequence') {
      // The outer of a twice-composed item is its single inner node.
      if (frame.count === 1 && frame.values[0] === state.result && frame.collections[0]) node = frame.nodes[0]!;
      else node = kind === 'mapping' ? this.mapping(frame) : this.sequence(frame, state.result, state.position);
    } else {
      node = this.leafOffset(frame, kind === null, state.result);
    }
    if (state.anchor !== null) this.anchorSizes.set(state.anchor, frame.size);
    if (this.aliased.size > 0 && typeof node !== 'number') {
      // js-yaml gives an anchored collection to its aliases before it is complete: one inside it makes a loop.
      const alias = this.aliased.get(state.result);
      if (alias && alias.offset > this.base + frame.start) {
        this.refuse(alias.offset, `YAML syntax: the alias *${alias.name} sits inside the node &${alias.name} it names, which would repeat it endlessly`);
      }
    }
    const parent = this.frames[this.depth];
    if (!parent) {
      this.rootNode = node;
      return;
    }
    parent.size += frame.size;
    parent.add(node, state.result, kind === 'mapping' || kind === 'sequence', state.position);
  }

  /** A scalar, an alias or an empty value. */
  private leafOffset(frame: Frame, maybeEmpty: boolean, value: unknown): number {
    const content = this.contentOf(frame);
    const input = this.input;
    if (input.charCodeAt(content) === 0x2a) {
      this.alias(frame, content, value);
      return this.base + content;
    }
    // An empty value sits after its ':' or '-' and the spaces on that line, not on the next line.
    if (maybeEmpty) return this.base + skipProperties(input, frame.start, false);
    return this.base + content;
  }

  private alias(frame: Frame, content: number, value: unknown): void {
    const offset = this.base + content;
    ALIAS_NAME.lastIndex = content + 1;
    const name = ALIAS_NAME.exec(this.input)?.[0] ?? '';
    if (++this.aliases > this.limits.maxAliasCount) {
      this.refuse(offset, `refused: more than ${this.limits.maxAliasCount} aliases (*name); a file that repeats itself this much is built to exhaust memory`);
    }
    const size = this.anchorSizes.get(name) ?? 1;
    frame.size = size;
    this.aliasNodes += size - 1;
    if (this.aliasNodes > this.limits.maxAliasNodes) {
      this.refuse(offset, `refused: the aliases (*name) in this file stand for more than ${this.limits.maxAliasNodes.toLocaleString('en-US')} values; a file that expands this much is built to exhaust memory`);
    }
    if (value !== null && typeof value === 'object' && !this.aliased.has(value)) this.aliased.set(value, { name, offset });
  }

  private sequence(frame: Frame, items: unknown, end: number): CollectionPosition {
    const offset = this.contentOf(frame);
    const flow = this.input.charCodeAt(offset) === 0x5b;
    if (flow) {
      for (let i = 0; i < frame.count; i++) {
        // `[a: b]` is a list holding a mapping: in a pes file, a colon meant to be part of the value.
        if (this.colonAfter(frame.ends[i]!)) this.refuseFlowColon(frame.ends[i]!);
      }
    }
    // An item that is only a dash has no node of its own: js-yaml adds null for it.
    const children = !flow && Array.isArray(items) && items.length > frame.count ? this.withEmptyItems(frame, offset, end) : frame.nodes.slice(0, frame.count);
    return { offset: this.base + offset, keys: undefined, keyOffsets: EMPTY, children, index: undefined };
  }

  /** A block sequence's items, the empty ones placed after their dash: every dash between two nodes but the last starts an empty item. */
  private withEmptyItems(frame: Frame, start: number, end: number): NodePosition[] {
    const input = this.input;
    const children: NodePosition[] = [];
    let cursor = start;
    for (let k = 0; k <= frame.count; k++) {
      const limit = k < frame.count ? offsetOfNode(frame.nodes[k]!) - this.base : end;
      const dashes: number[] = [];
      for (let i = cursor; i < limit; i++) {
        const char = input.charCodeAt(i);
        if (char === 0x23) while (i < limit && input.charCodeAt(i + 1) !== 0x0a) i++;
        else if (char === 0x2d && isBreakOrSpace(input.charCodeAt(i + 1))) dashes.push(i);
      }
      const empty = k < frame.count ? dashes.slice(0, -1) : dashes;
      for (const dash of empty) children.push(this.base + skipProperties(input, dash + 1, false));
      if (k < frame.count) {
        children.push(frame.nodes[k]!);
        cursor = frame.ends[k]!;
      }
    }
    return children;
  }

  private mapping(frame: Frame): CollectionPosition {
    const offset = this.contentOf(frame);
    const flow = this.input.charCodeAt(offset) === 0x7b;
    const keys: string[] = [];
    const keyOffsets: number[] = [];
    const children: NodePosition[] = [];
    let index: Map<string, number> | undefined;
    const count = frame.count;
    for (let at = 0; at < count; at++) {
      const keyOffset = offsetOfNode(frame.nodes[at]!);
      if (frame.collections[at]) this.refuse(keyOffset, 'YAML syntax: a key must be a single value, not a list or a mapping');
      const name = String(frame.values[at]);
      const earlier = index ? (index.get(name) ?? -1) : keys.indexOf(name);
      if (earlier >= 0) this.refuse(keyOffset, `YAML syntax: the key "${name}" appears twice in the same mapping (first on line ${this.lineOf(keyOffsets[earlier]!)}); keep one`);
      keys.push(name);
      keyOffsets.push(keyOffset);
      if (index) index.set(name, keys.length - 1);
      else if (keys.length > SCAN_LIMIT) index = new Map(keys.map((key, position) => [key, position]));
      if (at + 1 < count && this.colonAfter(frame.ends[at]!)) {
        children.push(frame.nodes[++at]!);
      } else {
        // No ':' after the key, so no value node: `{ name: Acme, Inc }` or `? key` alone.
        if (flow) this.refuseKeyWithoutColon(frame, at);
        children.push(this.base + skipProperties(this.input, frame.ends[at]!, false));
      }
    }
    return { offset: this.base + offset, keys, keyOffsets, children, index };
  }

  /** A mapping's nodes as pairs, as mapping() makes them: each key's name and offset. */
  private keysOf(frame: Frame): { name: string; offset: number }[] {
    const pairs: { name: string; offset: number }[] = [];
    for (let at = 0; at < frame.count; at++) {
      pairs.push({ name: String(frame.values[at]), offset: offsetOfNode(frame.nodes[at]!) });
      if (at + 1 < frame.count && this.colonAfter(frame.ends[at]!)) at++;
    }
    return pairs;
  }

  /** Whether a ':' follows `from`, past spaces, line breaks and comments. */
  private colonAfter(from: number): boolean {
    return this.input.charCodeAt(skipProperties(this.input, from, true, false)) === 0x3a;
  }

  private contentOf(frame: Frame): number {
    if (frame.content < 0) frame.content = skipProperties(this.input, frame.start, true);
    return frame.content;
  }

  /**
   * `{ name: Acme, Inc }` reads as a key "Inc" with no value: in pes files that is
   * always a comma meant to be part of the value before it.
   */
  private refuseKeyWithoutColon(frame: Frame, index: number): never {
    const keyStart = offsetOfNode(frame.nodes[index]!) - this.base;
    const keySource = this.input.slice(keyStart, frame.ends[index]).trimEnd();
    const previous = index >= 2 && !frame.collections[index - 1] ? this.input.slice(offsetOfNode(frame.nodes[index - 1]!) - this.base, frame.ends[index - 1]).trimEnd() : undefined;
    const hint = previous === undefined ? 'put the value that holds the comma in quotes' : `if the comma belongs to the value before it, write that value in quotes: "${previous}, ${keySource}"`;
    this.refuse(keyStart + this.base, `YAML syntax: "${keySource}" in { } has no ':' after it, so it reads as a key of its own; ${hint}`);
  }

  private refuseFlowColon(at: number): never {
    const colon = skipProperties(this.input, at, true, false);
    this.refuse(this.base + colon, 'YAML syntax: a ":" inside a value in [ ] or { }; a colon followed by a space there starts a key, so put the value in quotes ("...")');
  }

  private refuse(offset: number, message: string): never {
    throw new StructureRefused({ offset, message });
  }
}

const EMPTY: number[] = [];
/** An alias name runs to the first space, line break or flow indicator. */
const ALIAS_NAME = /[^\s,[\]{}]*/y;

/**
 * From `from`, past spaces and tabs; with `lines`, also past line breaks and comments;
 * with `properties`, also past anchors (`&name`) and tags (`!tag`): where a node's
 * own text starts.
 */
function skipProperties(input: string, from: number, lines: boolean, properties = true): number {
  let i = from;
  for (;;) {
    const char = input.charCodeAt(i);
    if (char === 0x20 || char === 0x09) i++;
    else if (lines && (char === 0x0a || char === 0x0d)) i++;
    else if (lines && char === 0x23) while (i < input.length && input.charCodeAt(i) !== 0x0a) i++;
    else if (properties && (char === 0x26 || char === 0x21)) while (i < input.length && !isBreakOrSpace(input.charCodeAt(i))) i++;
    else return i;
  }
}

function isBreakOrSpace(char: number): boolean {
  return char === 0x20 || char === 0x09 || char === 0x0a || char === 0x0d || char === 0;
}
