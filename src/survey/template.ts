/**
 * The questionnaire on paper or in a forms tool: `pes survey template`. The CSV
 * lists one question per row (profile, statements, comments) with its answer
 * options, ready to paste into a forms tool (with --partnership, the organisation is a
 * dropdown of the partners); the Markdown prints as a handout.
 */
import type { Partnership } from '../model/partnership.js';
import { PROFILE_QUESTIONS } from '../model/profile.js';
import type { Rubric } from '../model/rubric.js';
import { csvDocument } from '../text/csv-cell.js';
import { escapeMarkdown } from '../text/markdown-text.js';
import { activePartnersByName } from './flow.js';
import { commentQuestion, questionnaire } from './questions.js';

/**
 * The options cell holds one option per line, as a forms builder takes them: pasted into
 * the first option of a Google Forms or Microsoft Forms choice question, each line becomes
 * an option of its own. Every option is worded the way the import reads it back.
 */
export function surveyTemplateCsv(rubric: Rubric, profile?: TemplateProfile): string {
  const scale = [...rubric.survey.scale, rubric.survey.dont_know].join('\n');
  const partners = profile ? activePartnersByName(profile.partnership, profile.asOf).map((partner) => partner.name) : [];
  const rows: string[][] = [['question_id', 'section', 'question', 'type', 'options']];
  for (const question of onForms()) {
    // With the partnership, the organisation is a dropdown of its active partners; without it, a text box.
    if (question.key === 'organisation' && partners.length > 0) rows.push([question.key, 'About you', question.question, 'dropdown', partners.join('\n')]);
    else rows.push([question.key, 'About you', question.question, question.choices ? 'choice' : 'text', question.choices?.map(({ label }) => label).join('\n') ?? '']);
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

export interface TemplateProfile {
  partnership: Partnership;
  /** The day whose active partners are offered. */
  asOf: string;
}


export function surveyTemplateMarkdown(rubric: Rubric, profile?: TemplateProfile): string {
  const partnershipName = profile?.partnership.partnership.name;
  const partners = profile ? activePartnersByName(profile.partnership, profile.asOf) : [];
  const organisation = partners.length > 0 ? `${partners.map((partner) => `☐ ${escapeMarkdown(partner.name)}`).join('  ')}  ☐ other: ______________` : '______________________________';
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
    ...onForms().map(({ key, title, choices }) => `- ${title}: ${key === 'organisation' ? organisation : choices ? choices.map(({ label }) => `☐ ${escapeMarkdown(label)}`).join('  ') : '______________________________'}`),
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
