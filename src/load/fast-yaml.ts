/**
 * A fast reader for the plain subset of YAML that partnership and response files
 * use: block mappings and sequences, one-line flow collections, plain and quoted
 * scalars, literal and folded block scalars, comments. It exists because the full
 * `yaml` parser costs seconds on a 10,000-partner file and most of the start-up
 * time on a small one.
 *
 * It never guesses. Anything outside the subset (anchors, tags, multi-line plain
 * or flow values, odd indentation, duplicate keys, any syntax error) throws
 * `Unsupported`, and the caller reads the file with the `yaml` package instead,
 * which stays the reference for both values and error messages. Property tests
 * check that whenever this reader answers, it gives the same values and positions.
 */

export class Unsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Unsupported';
  }
}

/** Nesting deeper than the limit: refused outright, never handed to the full parser (whose recursion would overflow). */
export class TooDeep extends Error {
  constructor(readonly limit: number) {
    super(`nesting deeper than ${limit} levels`);
    this.name = 'TooDeep';
  }
}

/** Where a node starts, and where the nodes inside it start. */
export interface Position {
  offset: number;
  /** For a mapping: entries by key, each with the offset of the key itself. */
  entries?: Map<string, { key: number; value: Position }>;
  /** For a sequence: its items. */
  items?: Position[];
}

/** A value and where each of its nodes starts: what both YAML readers return. */
export interface PositionedDocument {
  value: unknown;
  root: Position;
}

type Line = { start: number; indent: number; text: string; blank: boolean };

const CORE_NULL = /^(?:~|null|Null|NULL)?$/;
const CORE_TRUE = /^(?:true|True|TRUE)$/;
const CORE_FALSE = /^(?:false|False|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const CORE_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Keys this reader accepts as written; anything else (quoted, numeric with zeros, ...) goes to the full parser. */
const SIMPLE_KEY = /^(?:[A-Za-z_][A-Za-z0-9_.-]*|[1-9][0-9]{0,8}|0)$/;
/** A plain scalar inside a flow collection, and a key there (sticky: matched where the reader stands). */
const FLOW_PLAIN = /[^,[\]{}#]*/y;
const FLOW_KEY = /([A-Za-z_][A-Za-z0-9_.-]*|[1-9][0-9]{0,8}|0):(?=[ ,}])/y;
/** Characters that start something other than a plain scalar. */
const INDICATOR = /^[&*!%@`?|>'"{}[\],#]/;

export function fastParse(input: string, maxDepth = 64): PositionedDocument {
  // Tabs and carriage returns have rules of their own; the full parser handles them.
  if (input.includes('\t') || input.includes('\r')) throw new Unsupported('tab or carriage return');
  return new BlockReader(input, splitLines(input), maxDepth).document();
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    // Nothing but spaces, perhaps followed by a comment.
    const blank = indent === raw.length || raw.charCodeAt(indent) === 35;
    lines.push({ start, indent, text: raw, blank });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

class BlockReader {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    private readonly maxDepth: number,
  ) {}

  document(): PositionedDocument {
    this.skipBlank();
    if (this.index >= this.lines.length) return { value: null, root: { offset: 0 } };
    const first = this.lines[this.index]!;
    if (first.text.startsWith('---') || first.text.startsWith('%') || first.indent !== 0) throw new Unsupported('document start');
    const { value, position } = this.blockNode(0);
    this.skipBlank();
    if (this.index < this.lines.length) throw new Unsupported('content after the document');
    return { value, root: position };
  }

  private skipBlank(): void {
    while (this.index < this.lines.length && this.lines[this.index]!.blank) this.index++;
  }

  private current(): Line | undefined {
    this.skipBlank();
    return this.lines[this.index];
  }

  /** The block node that starts on the current line at `indent`. */
  private blockNode(indent: number): { value: unknown; position: Position } {
    if (++this.depth > this.maxDepth) throw new TooDeep(this.maxDepth);
    try {
      return this.blockNodeAt(indent);
    } finally {
      this.depth--;
    }
  }

  private blockNodeAt(indent: number): { value: unknown; position: Position } {
    const line = this.current()!;
    if (line.indent !== indent) throw new Unsupported('indentation');
    const rest = line.text.slice(indent);
    if (isSequenceEntry(rest)) return this.blockSequence(indent);
    if (keyOf(rest) !== undefined) return this.blockMapping(indent);
    throw new Unsupported('bare scalar document');
  }

  private blockMapping(indent: number, firstLineKeyColumn?: number): { value: unknown; position: Position } {
    const value: Record<string, unknown> = {};
    const entries = new Map<string, { key: number; value: Position }>();
    let offset = -1;
    let first = true;
    for (;;) {
      const line = this.current();
      if (!line) break;
      // The first entry of a mapping inside "- key: value" sits after the dash, on the dash's line.
      const column = first && firstLineKeyColumn !== undefined ? firstLineKeyColumn : line.indent;
      if (!(first && firstLineKeyColumn !== undefined)) {
        if (line.indent < indent) break;
        if (line.indent > indent) throw new Unsupported('indentation');
      }
      const rest = line.text.slice(column);
      const key = keyOf(rest);
      if (key === undefined) {
        if (first) throw new Unsupported('not a mapping');
        break;
      }
      const keyOffset = line.start + column;
      if (offset < 0) offset = keyOffset;
      if (entries.has(key.key)) throw new Unsupported('duplicate key');
      const afterColon = column + key.length;
      this.index++;
      const node = this.valueAfterColon(line, afterColon, indent);
      setOwn(value, key.key, node.value);
      entries.set(key.key, { key: keyOffset, value: node.position });
      first = false;
    }
    return { value, position: { offset, entries } };
  }

  private blockSequence(indent: number): { value: unknown; position: Position } {
    const value: unknown[] = [];
    const items: Position[] = [];
    let offset = -1;
    for (;;) {
      const line = this.current();
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new Unsupported('indentation');
      const rest = line.text.slice(indent);
      if (!isSequenceEntry(rest)) break;
      if (offset < 0) offset = line.start + indent;
      let column = indent + 1;
      while (line.text.charCodeAt(column) === 32) column++;
      const after = line.text.slice(column);
      if (after === '' || after.startsWith('#')) {
        this.index++;
        const node = this.nestedOrNull(indent, line.start + column, false);
        value.push(node.value);
        items.push(node.position);
        continue;
      }
      if (isSequenceEntry(after)) throw new Unsupported('nested compact sequence');
      if (keyOf(after) !== undefined) {
        // "- key: value" starts a mapping whose keys line up with this first key.
        if (++this.depth > this.maxDepth) throw new TooDeep(this.maxDepth);
        const node = this.blockMapping(column, column);
        this.depth--;
        value.push(node.value);
        items.push(node.position);
        continue;
      }
      this.index++;
      const node = this.inlineValue(line, column, indent);
      value.push(node.value);
      items.push(node.position);
    }
    return { value, position: { offset, items } };
  }

  /** The value after "key:": on the same line, or a nested block on the following lines, or nothing (null). */
  private valueAfterColon(line: Line, column: number, parentIndent: number): { value: unknown; position: Position } {
    let start = column;
    while (line.text.charCodeAt(start) === 32) start++;
    const after = line.text.slice(start);
    if (after === '' || (after.startsWith('#') && start > column)) {
      // An empty value sits where it would have started: after the colon and any spaces.
      return this.nestedOrNull(parentIndent, line.start + start, true);
    }
    if (start === column) throw new Unsupported('no space after colon');
    return this.inlineValue(line, start, parentIndent);
  }

  /** A nested block after an empty value, or null when nothing more indented follows. */
  private nestedOrNull(parentIndent: number, emptyAt: number, inMapping: boolean): { value: unknown; position: Position } {
    const next = this.current();
    if (next && next.indent > parentIndent) return this.blockNode(next.indent);
    // YAML lets a mapping's sequence value start at the key's own indentation ("key:\n- a").
    if (inMapping && next && next.indent === parentIndent) {
      const rest = next.text.slice(next.indent);
      if (isSequenceEntry(rest)) return this.blockSequence(parentIndent);
    }
    return { value: null, position: { offset: emptyAt } };
  }

  /** A value that starts at `column` on `line`: a scalar, a one-line flow collection or a block scalar. */
  private inlineValue(line: Line, column: number, parentIndent: number): { value: unknown; position: Position } {
    const offset = line.start + column;
    const rest = line.text.slice(column);
    const head = rest[0]!;
    if (head === '|' || head === '>') return { value: this.blockScalar(rest, parentIndent), position: { offset } };
    if (head === '[' || head === '{') {
      const flow = new FlowReader(line.text, column, line.start, this.maxDepth - this.depth, this.maxDepth);
      const node = flow.node();
      flow.expectEnd();
      return node;
    }
    if (head === '"' || head === "'") {
      const { value, end } = quoted(line.text, column);
      if (!onlyComment(line.text.slice(end))) throw new Unsupported('text after a quoted scalar');
      this.rejectContinuation(parentIndent);
      return { value, position: { offset } };
    }
    if (INDICATOR.test(rest) || /^[-?:](\s|$)/.test(rest)) throw new Unsupported('indicator');
    const plain = plainScalar(rest);
    if (plain.text.includes(': ') || plain.text.endsWith(':')) throw new Unsupported('nested mapping in a value');
    this.rejectContinuation(parentIndent);
    return { value: resolvePlain(plain.text), position: { offset } };
  }

  /** A plain or quoted scalar continued on the next, more indented line is left to the full parser. */
  private rejectContinuation(parentIndent: number): void {
    const next = this.lines[this.index];
    if (next && !next.blank && next.indent > parentIndent) {
      const rest = next.text.slice(next.indent);
      if (!isSequenceEntry(rest) && keyOf(rest) === undefined) throw new Unsupported('multi-line scalar');
    }
  }

  private blockScalar(header: string, parentIndent: number): string {
    const value = this.blockScalarBody(header, parentIndent);
    // Chomping depends on whether the last line ends with a line break.
    if (this.index >= this.lines.length && !this.text.endsWith('\n')) throw new Unsupported('block scalar at the end of an unterminated file');
    return value;
  }

  private blockScalarBody(header: string, parentIndent: number): string {
    const match = /^([|>])([-+]?)(\s+#.*)?\s*$/.exec(header);
    if (!match) throw new Unsupported('block scalar header');
    const folded = match[1] === '>';
    const chomping = match[2];
    const content: string[] = [];
    let contentIndent = -1;
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      const empty = line.text.trim() === '';
      if (!empty) {
        if (contentIndent < 0) {
          if (line.indent <= parentIndent) break;
          contentIndent = line.indent;
        } else if (line.indent < contentIndent) {
          break;
        }
        if (line.indent > contentIndent) throw new Unsupported('more-indented block scalar line');
        content.push(line.text.slice(contentIndent));
      } else {
        if (contentIndent < 0) throw new Unsupported('leading empty lines in a block scalar');
        if (line.text.length > contentIndent) throw new Unsupported('spaces on an empty block scalar line');
        content.push('');
      }
      this.index++;
    }
    // Trailing empty lines belong to the chomping, not the content.
    let trailing = 0;
    while (content.length > 0 && content[content.length - 1] === '') {
      content.pop();
      trailing++;
    }
    if (content.length === 0) throw new Unsupported('empty block scalar');
    let body: string;
    if (folded) {
      body = '';
      for (let i = 0; i < content.length; i++) {
        const piece = content[i]!;
        if (i === 0) body = piece;
        else if (piece === '') body += '\n';
        else body += content[i - 1] === '' ? piece : ` ${piece}`;
      }
    } else {
      body = content.join('\n');
    }
    if (chomping === '-') return body;
    if (chomping === '+') return `${body}\n${'\n'.repeat(trailing)}`;
    return `${body}\n`;
  }
}

/** One-line flow collections: `[a, b]`, `{ a: 1, b: [x] }`. */
class FlowReader {
  private depth = 0;

  constructor(
    private readonly text: string,
    private column: number,
    private readonly lineStart: number,
    private readonly budget: number,
    private readonly maxDepth: number,
  ) {}

  node(): { value: unknown; position: Position } {
    if (++this.depth > this.budget) throw new TooDeep(this.maxDepth);
    try {
      return this.nodeAt();
    } finally {
      this.depth--;
    }
  }

  private nodeAt(): { value: unknown; position: Position } {
    this.skipSpaces();
    const offset = this.lineStart + this.column;
    const char = this.text[this.column];
    if (char === '[') return this.sequence(offset);
    if (char === '{') return this.mapping(offset);
    if (char === '"' || char === "'") {
      const { value, end } = quoted(this.text, this.column);
      this.column = end;
      return { value, position: { offset } };
    }
    FLOW_PLAIN.lastIndex = this.column;
    const match = FLOW_PLAIN.exec(this.text)![0];
    const plain = match.replace(/\s+$/, '');
    if (plain === '' || INDICATOR.test(plain) || /^[-?:](\s|$)/.test(plain) || plain.includes(': ') || plain.endsWith(':')) throw new Unsupported('flow scalar');
    if (/\s#/.test(plain)) throw new Unsupported('comment in flow');
    this.column += plain.length;
    return { value: resolvePlain(plain), position: { offset } };
  }

  expectEnd(): void {
    if (!onlyComment(this.text.slice(this.column))) throw new Unsupported('text after a flow collection');
  }

  private sequence(offset: number): { value: unknown; position: Position } {
    this.column++;
    const value: unknown[] = [];
    const items: Position[] = [];
    this.skipSpaces();
    if (this.text[this.column] === ']') {
      this.column++;
      return { value, position: { offset, items } };
    }
    for (;;) {
      const node = this.node();
      value.push(node.value);
      items.push(node.position);
      this.skipSpaces();
      const char = this.text[this.column];
      this.column++;
      if (char === ']') return { value, position: { offset, items } };
      if (char !== ',') throw new Unsupported('flow sequence');
      this.skipSpaces();
      if (this.text[this.column] === ']') throw new Unsupported('trailing comma');
    }
  }

  private mapping(offset: number): { value: unknown; position: Position } {
    this.column++;
    const value: Record<string, unknown> = {};
    const entries = new Map<string, { key: number; value: Position }>();
    this.skipSpaces();
    if (this.text[this.column] === '}') {
      this.column++;
      return { value, position: { offset, entries } };
    }
    for (;;) {
      this.skipSpaces();
      const keyOffset = this.lineStart + this.column;
      FLOW_KEY.lastIndex = this.column;
      const key = FLOW_KEY.exec(this.text);
      if (!key || !acceptedKey(key[1]!)) throw new Unsupported('flow key');
      if (entries.has(key[1]!)) throw new Unsupported('duplicate key');
      this.column += key[0].length;
      this.skipSpaces();
      let node: { value: unknown; position: Position };
      if (this.text[this.column] === ',' || this.text[this.column] === '}') {
        // "{ a: , b: 1 }": an empty value is null, placed where the value would be.
        node = { value: null, position: { offset: this.lineStart + this.column } };
      } else {
        node = this.node();
      }
      setOwn(value, key[1]!, node.value);
      entries.set(key[1]!, { key: keyOffset, value: node.position });
      this.skipSpaces();
      const char = this.text[this.column];
      this.column++;
      if (char === '}') return { value, position: { offset, entries } };
      if (char !== ',') throw new Unsupported('flow mapping');
      this.skipSpaces();
      if (this.text[this.column] === '}') throw new Unsupported('trailing comma');
    }
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.column) === 32) this.column++;
  }
}

/** A block sequence entry: "-" alone or followed by a space. */
function isSequenceEntry(rest: string): boolean {
  return rest === '-' || rest.startsWith('- ');
}

/** "key:" at the start of `rest`: the key and the length up to and including the colon. */
function keyOf(rest: string): { key: string; length: number } | undefined {
  // A flow collection, quoted scalar or other indicator is a value; the value reader decides about it.
  if (INDICATOR.test(rest)) return undefined;
  const colon = rest.indexOf(':');
  if (colon <= 0) return undefined;
  const after = rest.charCodeAt(colon + 1);
  if (!(Number.isNaN(after) || after === 32)) return undefined;
  const key = rest.slice(0, colon);
  if (!acceptedKey(key)) throw new Unsupported('key');
  return { key, length: colon + 1 };
}

/** Keys repeat thousands of times in a large file, so their check is remembered. */
const keyVerdicts = new Map<string, boolean>();

function acceptedKey(key: string): boolean {
  let verdict = keyVerdicts.get(key);
  if (verdict === undefined) {
    // true, null and their spellings would become other keys ("true", "") after resolution.
    verdict = SIMPLE_KEY.test(key) && !CORE_NULL.test(key) && !CORE_TRUE.test(key) && !CORE_FALSE.test(key);
    if (keyVerdicts.size < 10_000) keyVerdicts.set(key, verdict);
  }
  return verdict;
}

function plainScalar(rest: string): { text: string } {
  const comment = rest.search(/\s#/);
  const raw = comment >= 0 ? rest.slice(0, comment) : rest;
  return { text: raw.replace(/\s+$/, '') };
}

function onlyComment(rest: string): boolean {
  const trimmed = rest.trimStart();
  return trimmed === '' || (trimmed.startsWith('#') && (rest.length === 0 || /^\s/.test(rest)));
}

/** A single-line quoted scalar starting at `column`; returns its value and the index after the closing quote. */
function quoted(text: string, column: number): { value: string; end: number } {
  const quote = text[column];
  let value = '';
  for (let i = column + 1; i < text.length; i++) {
    const char = text[i]!;
    if (quote === "'") {
      if (char === "'") {
        if (text[i + 1] === "'") {
          value += "'";
          i++;
          continue;
        }
        return { value, end: i + 1 };
      }
      value += char;
      continue;
    }
    if (char === '"') return { value, end: i + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escape = text[++i];
    const simple: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', e: '\u001b', a: '\u0007', v: '\u000b', ' ': ' ' };
    if (escape !== undefined && Object.hasOwn(simple, escape)) {
      value += simple[escape];
    } else if (escape === 'x' || escape === 'u' || escape === 'U') {
      const length = escape === 'x' ? 2 : escape === 'u' ? 4 : 8;
      const hex = text.slice(i + 1, i + 1 + length);
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) throw new Unsupported('escape');
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new Unsupported('escape');
      value += String.fromCodePoint(code);
      i += length;
    } else {
      throw new Unsupported('escape');
    }
  }
  throw new Unsupported('unterminated quote');
}

/** Plain scalars by the YAML 1.2 core schema, as the `yaml` package resolves them. */
function resolvePlain(text: string): unknown {
  // Most values are words: a first letter other than those of null, true and false means a string.
  const first = text.charCodeAt(0);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (letter && !'nNtTfF'.includes(text[0]!)) return text;
  if (CORE_NULL.test(text)) return null;
  if (CORE_TRUE.test(text)) return true;
  if (CORE_FALSE.test(text)) return false;
  if (CORE_INT.test(text)) {
    const number = Number(text);
    if (!Number.isSafeInteger(number)) throw new Unsupported('large integer');
    return number;
  }
  if (CORE_OCT.test(text) || CORE_HEX.test(text) || CORE_SPECIAL.test(text)) throw new Unsupported('special number');
  if (CORE_FLOAT.test(text) || CORE_EXP.test(text)) return Number(text);
  return text;
}

/** `__proto__` and friends become own properties, never the prototype: as the `yaml` package does. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Only __proto__ has a setter on a plain object; every other key is an ordinary assignment.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
