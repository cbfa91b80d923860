/** `pes survey template`: the questionnaire for a forms tool or paper, when there is no terminal to survey in. */
import { surveyTemplateCsv, surveyTemplateMarkdown } from '../survey/template.js';
import { writeFileAtomic } from './write-output.js';
import { resolveRubric } from './rubric-source.js';
import { writeStdout } from './terminal.js';

export interface TemplateOptions {
  format: 'csv' | 'markdown';
  rubric?: string;
  output?: string;
  force?: boolean;
}

export async function surveyTemplate(options: TemplateOptions): Promise<void> {
  const { rubric } = await resolveRubric(options.rubric);
  const text = options.format === 'csv' ? surveyTemplateCsv(rubric) : surveyTemplateMarkdown(rubric);
  if (options.output !== undefined) writeFileAtomic(options.output, text, { force: options.force, inputs: options.rubric !== undefined ? [options.rubric] : [] });
  else writeStdout(text);
}
