/**
 * The questionnaire on paper or in a forms tool: `pes survey template`. The CSV
 * lists one question per row (profile, statements, comments) with its answer
 * options, ready to paste into a forms tool; the Markdown prints as a handout.
 */
import { PROFILE_QUESTIONS, type ProfileChoice } from '../model/profile.js';
import type { Rubric } from '../model/rubric.js';
import { csvDocument } from '../text/csv-cell.js';
import { escapeMarkdown } from '../text/markdown-text.js';
import { commentQuestion, questionnaire } from './questions.js';

export function surveyTemplateCsv(rubric: Rubric): string {
  const scale = [...rubric.survey.scale.map((label, index) => `${index + 1} ${label}`), rubric.survey.dont_know].join(' | ');
  const rows: string[][] = [['question_id', 'section', 'question', 'type', 'options']];
  for (const question of onForms()) {
    rows.push([question.key, 'About you', question.question, question.choices ? 'choice' : 'text', question.choices?.map(optionText).join(' | ') ?? '']);
  }
  for (const question of questionnaire(rubric)) {
    const section = `${question.principle.number}. ${question.principle.title}`;
    rows.push([question.practice.id, section, question.practice.statement, 'scale', scale]);
    if (question.closesPrinciple) {
      rows.push([`comment:${question.principle.id}`, section, `${commentQuestion(question.principle)} (optional)`, 'text', '']);
    }
  }
  return csvDocument(rows);
}

export function surveyTemplateMarkdown(rubric: Rubric, partnershipName?: string): string {
  const header = ['#', 'Statement', ...rubric.survey.scale.map((_, index) => String(index + 1)), '?'];
  const lines = [
    `# ${escapeMarkdown(partnershipName ? `${partnershipName}: partnership health survey` : 'Partnership health survey')}`,
    '',
    escapeMarkdown(rubric.survey.intro),
    '',
    `Tick one box per statement: ${rubric.survey.scale.map((label, index) => `**${index + 1}** ${escapeMarkdown(label)}`).join(', ')}; **?** ${escapeMarkdown(rubric.survey.dont_know)}.`,
    '',
    '## About you (optional)',
    '',
    ...onForms().map(({ title, choices }) => `- ${title}: ${choices ? choices.map(({ label }) => `☐ ${escapeMarkdown(label)}`).join('  ') : '______________________________'}`),
    '',
  ];
  for (const principle of rubric.principles) {
    lines.push(`## ${principle.number}. ${escapeMarkdown(principle.title)}`, '');
    lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index === 1 ? ' --- ' : ' :-: ')).join('|')}|`);
    for (const practice of rubric.practices.filter((p) => p.principle === principle.id)) {
      lines.push(`| ${practice.number} | ${escapeMarkdown(practice.statement)} | ${Array(header.length - 2).fill('☐').join(' | ')} |`);
    }
    lines.push('', 'Anything to add? ______________________________________________', '');
  }
  return lines.join('\n');
}

function onForms() {
  return PROFILE_QUESTIONS.filter((question) => question.onForms);
}

/** A choice as a forms tool lists it: the value an import reads, with its label when that says more than the value. */
function optionText({ value, label }: ProfileChoice): string {
  return label === value.replace(/_/g, ' ') ? value : `${value} (${label})`;
}
