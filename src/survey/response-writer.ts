/**
 * Writing response files. Writing is the survey's "save": the whole file goes to a
 * temp file and is renamed over the old one after every answer, so a killed process
 * loses at most the question on screen.
 */
import { stringify } from 'yaml';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';

export function serializeResponse(response: SurveyResponse, rubric: Rubric): string {
  // Answers in rubric order, so files diff cleanly and read like the questionnaire.
  const answers: SurveyResponse['answers'] = {};
  for (const practice of rubric.practices) {
    const answer = response.answers[practice.id];
    if (answer !== undefined) answers[practice.id] = answer;
  }
  const ordered = { ...response, answers };
  return `# partnership-health survey response (one respondent). Written by pes; edit with care.\n${stringify(ordered, { lineWidth: 0 })}`;
}
