/**
 * Writing response files. Writing is the survey's "save": the whole file goes to a
 * temp file and is renamed over the old one after every answer, so a killed process
 * loses at most the question on screen.
 */
import { stringify } from 'yaml';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';

const HEADER = '# partnership-health survey response (one respondent). Written by pes; edit with care.\n';

export function serializeResponse(response: SurveyResponse, rubric: Rubric): string {
  // Answers in rubric order, so files diff cleanly and read like the questionnaire.
  const answers: SurveyResponse['answers'] = {};
  for (const practice of rubric.practices) {
    const answer = response.answers[practice.id];
    if (answer !== undefined) answers[practice.id] = answer;
  }
  const ordered = { ...response, answers };
  return `${HEADER}${nestedMap(ordered, 0) ?? stringify(ordered, { lineWidth: 0 })}`;
}

/**
 * The YAML library writes a whole file in about half a millisecond, which is most of the
 * time a 100,000-row import takes. A response is a map of maps of one-line scalars, so the
 * layout is written here and each scalar (key or value) is written by the library, once
 * per distinct value: the bytes are the library's own. Anything else (a line break in a
 * comment, a list) returns undefined and the library writes the whole file.
 */
function nestedMap(value: object, depth: number): string | undefined {
  const indent = '  '.repeat(depth);
  let text = '';
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const name = scalar(key);
    if (name === undefined) return undefined;
    if (item !== null && typeof item === 'object') {
      if (Array.isArray(item) || depth > 0) return undefined;
      if (Object.keys(item).length === 0) {
        text += `${indent}${name}: {}\n`;
        continue;
      }
      const inner = nestedMap(item, depth + 1);
      if (inner === undefined) return undefined;
      text += `${indent}${name}:\n${inner}`;
      continue;
    }
    const written = scalar(item);
    if (written === undefined) return undefined;
    text += `${indent}${name}: ${written}\n`;
  }
  return text;
}

const written = new Map<unknown, string | undefined>();

/** A scalar as the library writes it on a line of its own, or undefined when that takes more than one line. */
function scalar(value: unknown): string | undefined {
  const known = written.get(value);
  if (known !== undefined) return known;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  if (typeof value === 'string' && /[\n\r\u0085\u2028\u2029]/.test(value)) return undefined;
  const text = stringify(value, { lineWidth: 0 });
  const line = text.endsWith('\n') && text.indexOf('\n') === text.length - 1 && !/^[|>]/.test(text) ? text.slice(0, -1) : undefined;
  // Answers, ids, sectors and partner ids repeat across thousands of files; a comment is seldom seen twice.
  if (written.size < 50_000) written.set(value, line);
  return line;
}
