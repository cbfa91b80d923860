/**
 * docs/reference/partnership-format.md, generated from the JSON Schema that the zod schema in
 * src/model/partnership.ts gives (`pes schema`): every key with its type, whether it is required,
 * its allowed values and its description, and an example value taken from the example files.
 * The schema is the one source: a description is changed with `.describe()` there, never here.
 */
import { GENERATED_NOTE, markdownCell, markdownProse } from './markdown.js';

/** The part of a draft-07 JSON Schema this page reads. */
export interface SchemaNode {
  type?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
}

export interface FormatInputs {
  schema: SchemaNode;
  /** An example value per key path (`partners[].in_kind[].value`), from the example files. */
  examples: ReadonlyMap<string, unknown>;
  /** The files the examples come from, for the page to name. */
  exampleFiles: readonly string[];
}

interface Row {
  path: string;
  node: SchemaNode;
  required: boolean;
  nullable: boolean;
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export function renderPartnershipFormat({ schema, examples, exampleFiles }: FormatInputs): string {
  const sections = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const lines = [
    GENERATED_NOTE('src/model/partnership.ts'),
    '',
    '# The partnership file format',
    '',
    'Every key a partnership file may hold, generated from the schema `pes` validates against (the same one `pes schema` prints ' +
      'and `schema/partnership.schema.json` holds). Keys are checked strictly: a key not listed here is an error, with the closest ' +
      `listed key suggested. Examples come from ${listed(exampleFiles.map((file) => `\`${file}\``))}.`,
    '',
    'A key marked **required** must be present whenever the section or list entry that holds it is present. ' +
      'A list entry\'s keys are written `list[].key`. What leaving a key out means for the assessment is in ' +
      '[the partnership file guide](../partnership-file.md).',
    '',
    `Sections: ${sections.map(([key]) => `[\`${key}\`](#${anchor(key)})`).join(' · ')}`,
    '',
  ];
  for (const [key, node] of sections) {
    const { inner, nullable } = unwrapNullable(node);
    lines.push(`## ${key}`, '');
    const kind = inner.type === 'array' ? 'a list' : inner.type === 'object' ? 'a section' : typeName(inner);
    lines.push(`\`${key}\`: ${kind}, ${required.has(key) ? '**required**' : 'optional'}${nullable ? ', or `null`' : ''}. ${markdownProse(inner.description ?? '')}`.trimEnd(), '');
    const rows = childRows(inner, '');
    if (rows.length === 0) {
      const example = examples.get(key);
      if (example !== undefined) lines.push(`Example: \`${key}: ${exampleText(example)}\``, '');
      continue;
    }
    lines.push('| Key | Type | Required | Description | Example |', '| --- | --- | --- | --- | --- |');
    for (const row of rows) {
      const example = examples.get(`${key}${row.path.startsWith('[]') ? '' : '.'}${row.path}`);
      lines.push(
        `| \`${row.path}\` | ${typeCell(row)} | ${row.required ? '**required**' : 'optional'} | ${markdownCell(row.node.description ?? '')} | ${example === undefined ? '' : `\`${exampleText(example).replace(/\|/g, '\\|')}\``} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The keys under a section or list, depth first, as paths relative to it. */
function childRows(node: SchemaNode, prefix: string): Row[] {
  if (node.type === 'array' && node.items) {
    const item = unwrapNullable(node.items).inner;
    return item.type === 'object' ? childRows(item, `${prefix}[]`) : [];
  }
  if (node.type !== 'object') return [];
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const { inner, nullable } = unwrapNullable(child);
    const path = prefix === '' ? key : prefix.endsWith('[]') ? `${prefix}.${key}` : `${prefix}.${key}`;
    const own: Row = { path: path.replace(/^\[\]\./, '[].'), node: { ...inner, description: inner.description ?? child.description }, required: required.has(key), nullable };
    return [own, ...childRows(inner, path)];
  });
}

function unwrapNullable(node: SchemaNode): { inner: SchemaNode; nullable: boolean } {
  const options = node.anyOf;
  if (!options) return { inner: node, nullable: false };
  const other = options.filter((option) => option.type !== 'null');
  return { inner: other.length === 1 ? { ...other[0]!, description: other[0]!.description ?? node.description } : node, nullable: other.length < options.length };
}

function typeCell(row: Row): string {
  return `${typeName(row.node)}${row.nullable ? ', or `null`' : ''}`;
}

/** A type in the words of the format guide: text, date, yes/no, a number with its bounds, one of a list of values. */
function typeName(node: SchemaNode): string {
  if (node.enum) return `one of ${node.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  switch (node.type) {
    case 'string':
      if (node.pattern === DATE_PATTERN) return 'date (`YYYY-MM-DD`)';
      if (node.pattern) return `text matching \`${node.pattern.replace(/\|/g, '\\|')}\``;
      return 'text';
    case 'boolean':
      return 'yes/no (`true` or `false`)';
    case 'integer':
      return `whole number${bounds(node)}`;
    case 'number':
      return `number${bounds(node)}`;
    case 'array': {
      const item = node.items ? unwrapNullable(node.items).inner : undefined;
      if (!item || item.type === 'object') return 'list of entries (keys below)';
      return `list of ${item.enum ? `values, each ${typeName(item)}` : pluralType(item)}`;
    }
    case 'object':
      return 'section (keys below)';
    default:
      return node.type ?? 'any value';
  }
}

function pluralType(node: SchemaNode): string {
  const single = typeName(node);
  return single === 'text' ? 'text' : `${single}s`;
}

function bounds(node: SchemaNode): string {
  const low = node.exclusiveMinimum !== undefined ? `above ${number(node.exclusiveMinimum)}` : node.minimum !== undefined ? `from ${number(node.minimum)}` : '';
  const high = node.exclusiveMaximum !== undefined ? `below ${number(node.exclusiveMaximum)}` : node.maximum !== undefined ? `${low && low.startsWith('from') ? 'to' : 'at most'} ${number(node.maximum)}` : '';
  const both = [low, high].filter(Boolean).join(' ');
  return both ? `, ${both}` : '';
}

/** Large ceilings exist only to keep sums finite; written as powers of ten they read as such. */
function number(value: number): string {
  if (Math.abs(value) >= 1e6 && Number.isInteger(Math.log10(Math.abs(value)))) return `${value < 0 ? '-' : ''}10^${Math.log10(Math.abs(value))}`;
  return String(value);
}

/** An example value as YAML would show it inline, cut short when long. */
function exampleText(value: unknown): string {
  const text = Array.isArray(value) ? `[${value.map(scalarText).join(', ')}]` : scalarText(value);
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'");
  return flat.length > 48 ? `${flat.slice(0, 45).trimEnd()}…` : flat;
}

/** A scalar as YAML would show it: plain where YAML reads it back as the same text, else quoted. */
function scalarText(value: unknown): string {
  const plain = typeof value === 'string' && /^[\w./ -]+$/.test(value) && !/^(true|false|null|~|[-+.]?\d[\d_]*(\.\d*)?([eE][-+]?\d+)?)$/i.test(value);
  return plain ? (value as string) : JSON.stringify(value);
}

/** GitHub's heading anchors for a plain key: lower case, `_` kept. */
function anchor(key: string): string {
  return key.toLowerCase().replace(/[^\w -]/g, '').replace(/ /g, '-');
}

function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
