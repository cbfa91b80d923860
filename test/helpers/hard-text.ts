/**
 * Text that makes YAML and every output format hard, for the property tests: line
 * breaks of every kind, tabs, control characters, bidi marks, non-ASCII letters and
 * emoji, quotes and the characters YAML gives a meaning to.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

export const hardText = fc.string({
  unit: fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\t', ' ', '  ', '\u0007', '\u001b', '\u0085', '\u2028', '\u202e', '\u2066', '\u200f', '\ufeff'),
    fc.constantFrom('é', 'ß', 'Ωμέγα', '日本語', 'العربية', '😀', '👩🏽‍🔬'),
    fc.constantFrom(': ', ' #', '- ', '"', "'", '|', '>', '&x', '*x', '!', '%', '@', '`', '[', ']', '{', '}', ',', '---', '...', '~', 'null', 'true', '0x1F', '1e3', '.inf'),
  ),
  maxLength: 40,
});

export interface YamlLayout {
  lineWidth: number;
  flow: boolean;
  crlf: boolean;
  comments: boolean;
  blockQuote: boolean | 'literal' | 'folded';
}

/** How a document is laid out: the styles the yaml package writes (block scalars with every chomping, folded lines, flow collections), LF or CRLF, with or without comments. */
export const yamlLayout: fc.Arbitrary<YamlLayout> = fc.record({
  lineWidth: fc.constantFrom(0, 20, 40, 80),
  flow: fc.boolean(),
  crlf: fc.boolean(),
  comments: fc.boolean(),
  blockQuote: fc.constantFrom<boolean | 'literal' | 'folded'>(true, 'literal', 'folded', false),
});

export function writeYaml(document: unknown, layout: YamlLayout): string {
  let text = stringify(document, { lineWidth: layout.lineWidth, flowCollectionPadding: layout.flow, indentSeq: !layout.flow, blockQuote: layout.blockQuote });
  // A comment line with a tab before each top-level key; column 0 never continues a value.
  if (layout.comments) text = text.split('\n').map((line) => (/^[^\s#]/.test(line) ? `# note:\tabout the next key\n${line}` : line)).join('\n');
  return layout.crlf ? text.replace(/\n/g, '\r\n') : text;
}
