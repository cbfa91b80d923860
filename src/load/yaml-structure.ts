/**
 * One pass over js-yaml's events that records where every node starts, names each
 * mapping key as the built value does, and enforces what the parser itself does not:
 * duplicate keys, the alias count, the size aliases expand to, and no alias inside
 * the node it names. The events carry offsets into the text; the offsets recorded
 * here are those the `yaml` package gives its nodes (a quoted scalar at its quote, a
 * block scalar at its `|` or `>`, an empty value just after its `:` or `-`), which
 * is where pes has always placed its messages.
 */
import { COLLECTION_STYLE, constructFromEvents, EVENT_ID, getScalarValue, SCALAR_STYLE, type DocumentEvent, type Event, type ScalarEvent } from 'js-yaml';

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

export type Structure = { ok: true; root: NodePosition } | { ok: false; problem: StructureProblem };

/** A collection being read. */
interface Frame {
  position: CollectionPosition;
  flow: boolean;
  /** The anchor this collection defines, while it is being read. */
  anchor: string | undefined;
  /** Nodes it stands for, its own and its aliases' expansions included. */
  size: number;
  /** In a mapping: the key read, waiting for its value (undefined when none is). */
  keyName: string | undefined;
  keyEnd: number;
  /** In a flow mapping: the source of the last value, to quote it back in a hint. */
  lastValueSource: string | undefined;
}

/** Thrown inside the walk only, to stop at the first problem. */
class Refused extends Error {
  constructor(readonly problem: StructureProblem) {
    super(problem.message);
  }
}

// Read once: the bundle reaches js-yaml's exports through getters, which cost more than
// the rest of this walk when read for every event.
const { DOCUMENT, SEQUENCE, MAPPING, SCALAR, ALIAS, POP } = EVENT_ID;
const { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL_BLOCK, FOLDED_BLOCK } = SCALAR_STYLE;
const FLOW = COLLECTION_STYLE.FLOW;
const NONE = -1;
/** Plain keys that name themselves: most keys of every file, resolved without asking the schema. */
const WORD_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NOT_THEMSELVES = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** `lineOf` turns an offset into a line number, for messages that point back at an earlier line. */
export function readStructure(text: string, events: readonly Event[], limits: StructureLimits, lineOf: (offset: number) => number): Structure {
  try {
    return { ok: true, root: new StructureWalk(text, limits, lineOf).walk(events) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

class StructureWalk {
  private readonly stack: Frame[] = [];
  /** Nodes each finished anchor stands for. */
  private readonly anchorSizes = new Map<string, number>();
  /** Scalar anchors, so that an alias used as a key can be named. */
  private readonly anchorScalars = new Map<string, ScalarEvent>();
  private readonly openAnchors = new Set<string>();
  /** Plain keys read so far, by length and first and last character. */
  private readonly recentKeys = new Map<number, { source: string; name: string }>();
  private document: DocumentEvent | undefined;
  private root: NodePosition | undefined;
  private aliases = 0;
  private aliasNodes = 0;
  /** The end of what has been read so far: empty values and block scalar headers are found from here. */
  private cursor = 0;

  constructor(
    private readonly text: string,
    private readonly limits: StructureLimits,
    private readonly lineOf: (offset: number) => number,
  ) {}

  walk(events: readonly Event[]): NodePosition {
    for (const event of events) {
      switch (event.type) {
        case DOCUMENT:
          if (this.document) this.refuse(this.secondDocumentOffset(), 'YAML syntax: the file holds a second YAML document (after a `---` or `...` line); pes reads one document per file');
          this.document = event;
          break;
        case SCALAR:
          this.scalar(event);
          break;
        case ALIAS:
          this.alias(event.anchorStart, event.anchorEnd);
          break;
        case SEQUENCE:
        case MAPPING: {
          const flow = event.style === FLOW;
          // A flow collection starts at its bracket; a pair inside `[a: 1]` starts at its key.
          const bracket = this.text.charCodeAt(event.start) === 0x5b || this.text.charCodeAt(event.start) === 0x7b;
          const anchor = event.anchorStart === NONE ? undefined : this.text.slice(event.anchorStart, event.anchorEnd);
          if (anchor !== undefined) this.openAnchors.add(anchor);
          const keys = event.type === MAPPING ? [] : undefined;
          const position: CollectionPosition = { offset: event.start, keys, keyOffsets: [], children: [], index: undefined };
          this.stack.push({ position, flow, anchor, size: 1, keyName: undefined, keyEnd: 0, lastValueSource: undefined });
          this.cursor = bracket ? event.start + 1 : event.start;
          break;
        }
        case POP: {
          const collection = this.stack.pop();
          if (!collection) break; // the end of the document
          if (collection.anchor !== undefined) {
            this.openAnchors.delete(collection.anchor);
            this.anchorSizes.set(collection.anchor, collection.size);
            this.anchorScalars.delete(collection.anchor);
          }
          this.place(collection.position, collection.size, undefined);
          break;
        }
      }
    }
    return this.root ?? 0;
  }

  private scalar(event: ScalarEvent): void {
    const offset = this.scalarOffset(event);
    const quoted = event.style === SINGLE_QUOTED || event.style === DOUBLE_QUOTED;
    this.cursor = event.valueStart === NONE ? offset : quoted ? event.valueEnd + 1 : event.valueEnd;
    if (event.anchorStart !== NONE) {
      const anchor = this.text.slice(event.anchorStart, event.anchorEnd);
      this.anchorSizes.set(anchor, 1);
      this.anchorScalars.set(anchor, event);
    }
    this.place(offset, 1, event);
  }

  private alias(anchorStart: number, anchorEnd: number): void {
    const offset = anchorStart - 1;
    const name = this.text.slice(anchorStart, anchorEnd);
    this.cursor = anchorEnd;
    if (++this.aliases > this.limits.maxAliasCount) {
      this.refuse(offset, `refused: more than ${this.limits.maxAliasCount} aliases (*name); a file that repeats itself this much is built to exhaust memory`);
    }
    if (this.openAnchors.has(name)) this.refuse(offset, `YAML syntax: the alias *${name} sits inside the node &${name} it names, which would repeat it endlessly`);
    // An unknown anchor is left to the constructor, which names it.
    const size = this.anchorSizes.get(name) ?? 1;
    this.aliasNodes += size - 1;
    if (this.aliasNodes > this.limits.maxAliasNodes) {
      this.refuse(offset, `refused: the aliases (*name) in this file stand for more than ${this.limits.maxAliasNodes.toLocaleString('en-US')} values; a file that expands this much is built to exhaust memory`);
    }
    this.place(offset, size, this.anchorScalars.get(name));
  }

  /** Adds a finished node to the collection it belongs to, as an item, a key or a value. */
  private place(node: NodePosition, size: number, scalar: ScalarEvent | undefined): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.root = node;
      return;
    }
    parent.size += size;
    const position = parent.position;
    const keys = position.keys;
    if (!keys) {
      position.children.push(node);
      return;
    }
    if (parent.keyName !== undefined) {
      position.children.push(node);
      parent.keyName = undefined;
      if (parent.flow && scalar && scalar.valueStart !== NONE) parent.lastValueSource = this.text.slice(scalar.valueStart, scalar.valueEnd);
      return;
    }
    const offset = offsetOfNode(node);
    if (!scalar) this.refuse(offset, 'YAML syntax: a key must be a single value, not a list or a mapping');
    const name = this.keyName(scalar);
    const earlier = keyIndex(position, name);
    if (earlier >= 0) {
      this.refuse(offset, `YAML syntax: the key "${name}" appears twice in the same mapping (first on line ${this.lineOf(position.keyOffsets[earlier]!)}); keep one`);
    }
    keys.push(name);
    position.keyOffsets.push(offset);
    if (position.index) position.index.set(name, keys.length - 1);
    else if (keys.length > SCAN_LIMIT) position.index = new Map(keys.map((key, index) => [key, index]));
    parent.keyName = name;
    parent.keyEnd = this.cursor;
  }

  /** The key as the built object holds it: mapping keys become strings (16 -> "16", null -> "null"). */
  private keyName(event: ScalarEvent): string {
    const text = this.text;
    if (event.tagStart !== NONE) return this.resolvedKeyName(event);
    if (event.style !== PLAIN) return getScalarValue(text, event);
    const start = event.valueStart;
    const end = event.valueEnd;
    if (start === NONE) return this.resolvedKeyName(event);
    // The same few dozen keys repeat throughout a file: find them without slicing the text.
    const slot = end - start + 4096 * (text.charCodeAt(start) + 65536 * text.charCodeAt(end - 1));
    const recent = this.recentKeys.get(slot);
    if (recent !== undefined && text.startsWith(recent.source, start)) return recent.name;
    const source = text.slice(start, end);
    const name = WORD_KEY.test(source) && !NOT_THEMSELVES.has(source) ? source : this.resolvedKeyName(event);
    this.recentKeys.set(slot, { source, name });
    return name;
  }

  /** Numbers, null, booleans and tagged keys: resolved by the schema, exactly as the value is built. */
  private resolvedKeyName(event: ScalarEvent): string {
    const [value] = constructFromEvents([this.document!, event, { type: POP }], { source: this.text });
    return String(value);
  }

  private scalarOffset(event: ScalarEvent): number {
    if (event.valueStart === NONE) return this.emptyValueOffset(event);
    switch (event.style) {
      case SINGLE_QUOTED:
      case DOUBLE_QUOTED:
        return event.valueStart - 1;
      case LITERAL_BLOCK:
      case FOLDED_BLOCK:
        return this.blockScalarHeader(event);
      default:
        return event.valueStart;
    }
  }

  /** A block scalar's content starts on the line after its header; the header (`|`, `>-`...) is on that line, after the key or dash. */
  private blockScalarHeader(event: ScalarEvent): number {
    const text = this.text;
    const headerEnd = text.charCodeAt(event.valueStart - 1) === 0x0a ? event.valueStart - 1 : event.valueStart;
    const headerLine = text.lastIndexOf('\n', headerEnd - 1) + 1;
    const from = Math.max(headerLine, this.cursor, event.anchorEnd, event.tagEnd);
    for (let i = from; i < headerEnd; i++) {
      const char = text.charCodeAt(i);
      if (char === 0x7c || char === 0x3e) return i;
    }
    return from;
  }

  /** An empty value has no text: it sits just after its key's `:` (or its item's `-`) and the spaces that follow. */
  private emptyValueOffset(event: ScalarEvent): number {
    const text = this.text;
    const parent = this.stack[this.stack.length - 1];
    let i = Math.max(this.cursor, event.anchorEnd, event.tagEnd);
    if (event.anchorEnd !== NONE || event.tagEnd !== NONE) return skipSpaces(text, i);
    if (parent?.keyName !== undefined) {
      i = skipSpaces(text, i);
      if (text.charCodeAt(i) === 0x3a) return skipSpaces(text, i + 1);
      if (parent.flow) this.refuseKeyWithoutColon(parent);
      return i;
    }
    if (parent && !parent.position.keys && !parent.flow) {
      // From the end of the previous item to this item's dash.
      for (; i < text.length; i++) {
        const char = text.charCodeAt(i);
        if (char === 0x2d) return skipSpaces(text, i + 1);
        if (char === 0x23) i = lineEnd(text, i);
      }
    }
    return i;
  }

  /**
   * `{ name: Acme, Inc }` reads as a key "Inc" with no value: in pes files that is
   * always a comma meant to be part of the value before it.
   */
  private refuseKeyWithoutColon(parent: Frame): never {
    const keyOffset = parent.position.keyOffsets.at(-1)!;
    const keySource = this.text.slice(keyOffset, parent.keyEnd);
    const value = parent.lastValueSource;
    const hint = value === undefined ? 'put the value that holds the comma in quotes' : `if the comma belongs to the value before it, write that value in quotes: "${value}, ${keySource}"`;
    this.refuse(keyOffset, `YAML syntax: "${keySource}" in { } has no ':' after it, so it reads as a key of its own; ${hint}`);
  }

  private secondDocumentOffset(): number {
    const marker = /^(?:---|\.\.\.)/gm;
    marker.lastIndex = this.cursor;
    return marker.exec(this.text)?.index ?? this.cursor;
  }

  private refuse(offset: number, message: string): never {
    throw new Refused({ offset, message });
  }
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  return i;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
