/**
 * The YAML 1.2 core schema as the specification words it (YAML 1.2.2, section
 * 10.3.2). js-yaml 4's own core schema also reads `0b101` and `+0x1F` as numbers
 * and `-.5e2` as text, unlike the specification, the `yaml` package and every
 * earlier pes; so its integers and floats are replaced here. Null and booleans are
 * js-yaml's, which already follow the specification.
 */
import { CORE_SCHEMA, Type } from 'js-yaml';

const INTEGER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Whether `text` starts as every integer and float does: with a digit, a sign or a
 * point. Most plain scalars are words, and this spares them both patterns.
 */
function startsLikeNumber(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const first = text.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
}

const integer = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: unknown) => startsLikeNumber(text) && INTEGER.test(text),
  construct: (text: string) => (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : Number(text)),
});

const float = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: unknown) => startsLikeNumber(text) && FLOAT.test(text),
  construct: (text: string) => {
    if (/\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
    if (/\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
    return Number(text);
  },
});

/** Types of the same tag replace js-yaml's in place, so resolution keeps the core order: null, bool, int, float. */
export const YAML_1_2_CORE_SCHEMA = CORE_SCHEMA.extend({ implicit: [integer, float] });
