/**
 * Thresholds written once. A practice's prose (what good looks like, the survey statement, the
 * question, its basis, the advice) and each check's `basis` and `fix` may name a check parameter as
 * `{param}` instead of repeating its number, so that changing a threshold under `params` changes every
 * sentence that states it. The loader fills them in once, after the parameters are parsed (defaults
 * included), so everything downstream reads finished text.
 *
 * - `{max_words}`: the value as written (0.5 stays 0.5; a list reads "a, b, c").
 * - `{met_share%}`: a share from 0 to 1 as a percentage, "80%".
 * - `{met_at:word}`: a whole number up to twenty in words, "four"; larger numbers stay digits.
 * - `{met_share:fraction}`: a share as a fraction in words, "half", "a fifth", "three quarters"
 *   (denominators up to ten; any other share reads as a percentage).
 * - `{met_share:in}`: a share as "four in five", "nine in ten"; any other share as "17 in 20".
 *
 * In a check's own texts `{param}` is that check's parameter. In a practice's texts it must belong to
 * exactly one of the practice's checks; `{2.met_share}` names the second check's. A name that is
 * not a parameter is a load error on the line where it is written. `{{` and `}}` write a literal brace.
 * A practice's `advice.signals` are left alone: their `{mean}`, `{question}`... are filled per report.
 */
import { formatValue, percent } from '../checks/check.js';
import type { Practice } from '../model/rubric.js';
import { closestMatch } from './closest-match.js';
import type { Path } from '../model/path.js';

/** Where a placeholder went wrong: the text's path and the placeholder as written, to find its line. */
export interface PlaceholderProblem {
  path: Path;
  written: string;
  message: string;
}

const PLACEHOLDER = /\{\{|\}\}|\{(?:(\d+)\.)?(\w+)(%|:\w+)?\}/g;
const FORMATS = ['%', ':word', ':fraction', ':in'];

const PRACTICE_TEXTS = ['good', 'statement', 'question', 'basis'] as const;
const CHECK_TEXTS = ['basis', 'fix'] as const;

/** Fills the placeholders of one practice in place; returns what could not be filled. */
export function fillPracticePlaceholders(practice: Practice, practiceIndex: number): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  const at = (...path: (string | number)[]): Path => ['practices', practiceIndex, ...path];
  const fill = (text: string, path: Path, own: number | undefined) =>
    text.replace(PLACEHOLDER, (written, position: string | undefined, name: string, format: string | undefined) => {
      if (written === '{{') return '{';
      if (written === '}}') return '}';
      const found = resolve(practice, name, position === undefined ? own : Number(position) - 1, position !== undefined);
      if (typeof found === 'string') {
        problems.push({ path, written, message: found });
        return written;
      }
      if (format !== undefined && !FORMATS.includes(format)) {
        problems.push({ path, written, message: `unknown format "${format}" in ${written} (known: ${FORMATS.join(', ')})` });
        return written;
      }
      const shown = present(found.value, format);
      if (shown === undefined) problems.push({ path, written, message: `${written} cannot show ${JSON.stringify(found.value)} (${format ?? 'as written'})` });
      return shown ?? written;
    });
  for (const key of PRACTICE_TEXTS) practice[key] = fill(practice[key], at(key), undefined);
  practice.advice.strong = fill(practice.advice.strong, at('advice', 'strong'), undefined);
  practice.checks.forEach((use, index) => {
    for (const key of CHECK_TEXTS) use[key] = fill(use[key], at('checks', index, key), index);
  });
  return problems;
}

/**
 * The value a placeholder names, or why it names none. `index` is the check the name belongs to:
 * the text's own check, or the one the placeholder numbers; undefined means "whichever has it".
 */
function resolve(practice: Practice, name: string, index: number | undefined, numbered: boolean): { value: unknown } | string {
  const checks = practice.checks;
  if (index !== undefined) {
    const use = checks[index];
    if (!use) return `{${index + 1}.${name}}: this practice has ${checks.length} check${checks.length === 1 ? '' : 's'}`;
    if (Object.hasOwn(use.params, name)) return { value: use.params[name] };
    const known = Object.keys(use.params);
    const suggestion = closestMatch(name, known);
    const owner = numbered ? `check ${index + 1} (${use.check})` : use.check;
    return `unknown placeholder {${name}}: ${owner} has ${known.length > 0 ? `no parameter "${name}"${suggestion ? `; did you mean {${suggestion}}?` : ` (it has ${known.join(', ')})`}` : 'no parameters'}`;
  }
  const holders = checks.flatMap((use, position) => (Object.hasOwn(use.params, name) ? [position] : []));
  if (holders.length === 1) return { value: checks[holders[0]!]!.params[name] };
  if (holders.length > 1) {
    const numbers = holders.map((position) => String(position + 1));
    return `{${name}} could be the parameter of checks ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}; write ${holders.map((position) => `{${position + 1}.${name}}`).join(' or ')}`;
  }
  const known = [...new Set(checks.flatMap((use) => Object.keys(use.params)))];
  const suggestion = closestMatch(name, known);
  return `unknown placeholder {${name}}: no check of this practice has that parameter${suggestion ? `; did you mean {${suggestion}}?` : ''}`;
}

/** A parameter's value as prose; undefined when the format cannot show it. */
function present(value: unknown, format: string | undefined): string | undefined {
  if (value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))) return undefined;
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) return undefined;
  if (format === undefined) return formatValue(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (format === '%') return percent(value);
  if (format === ':word') return Number.isInteger(value) && value >= 0 && value < NUMBER_WORDS.length ? NUMBER_WORDS[value] : formatValue(value);
  if (value <= 0 || value >= 1) return format === ':fraction' ? percent(value) : undefined;
  if (format === ':fraction') {
    const fraction = simplest(value, 10);
    return fraction ? fractionWords(fraction) : percent(value);
  }
  const fraction = simplest(value, 100);
  return fraction ? `${countWord(fraction.parts)} in ${countWord(fraction.whole)}` : percent(value);
}

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
const ORDINALS: Record<number, [string, string]> = {
  3: ['third', 'thirds'], 4: ['quarter', 'quarters'], 5: ['fifth', 'fifths'], 6: ['sixth', 'sixths'], 7: ['seventh', 'sevenths'],
  8: ['eighth', 'eighths'], 9: ['ninth', 'ninths'], 10: ['tenth', 'tenths'],
};

function countWord(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

/** The fraction with the smallest denominator up to `most` that equals the share (within rounding). */
function simplest(share: number, most: number): { parts: number; whole: number } | undefined {
  for (let whole = 2; whole <= most; whole += 1) {
    const parts = Math.round(share * whole);
    if (Math.abs(parts / whole - share) < 1e-9) return { parts, whole };
  }
  return undefined;
}

function fractionWords({ parts, whole }: { parts: number; whole: number }): string {
  if (whole === 2) return 'half';
  const [one, many] = ORDINALS[whole]!;
  return parts === 1 ? `${one === 'eighth' ? 'an' : 'a'} ${one}` : `${countWord(parts)} ${many}`;
}
