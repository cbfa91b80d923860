/** `pes survey template`: the questionnaire for a forms tool or paper, when there is no terminal to survey in. */
import { UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { todayIso } from '../model/dates.js';
import { surveyTemplateCsv, surveyTemplateMarkdown, type TemplateProfile } from '../survey/template.js';
import { displayPath, readTextInput } from './io.js';
import { writeFileAtomic } from './write-output.js';
import { resolveRubric } from './rubric-source.js';
import { writeStdout } from './terminal.js';

export interface TemplateOptions {
  format: 'csv' | 'markdown';
  rubric?: string;
  /** The partnership whose active partners the organisation question offers. */
  partnership?: string;
  output?: string;
  force?: boolean;
  maxInputMb: number;
}

export async function surveyTemplate(options: TemplateOptions): Promise<void> {
  const { rubric } = await resolveRubric(options.rubric, options.maxInputMb);
  let profile: TemplateProfile | undefined;
  if (options.partnership !== undefined) {
    const loaded = await loadPartnership(displayPath(options.partnership), readTextInput(options.partnership, options.maxInputMb));
    if (!loaded.ok) throw new UserError(loaded.errors);
    const partnership = loaded.loaded.partnership;
    // The partners active on the file's as-of date, as the survey itself offers them.
    profile = { partnership, asOf: partnership.as_of ?? todayIso() };
  }
  const text = options.format === 'csv' ? surveyTemplateCsv(rubric, profile) : surveyTemplateMarkdown(rubric, profile);
  const inputs = [...(options.rubric !== undefined ? [options.rubric] : []), ...(options.partnership !== undefined ? [options.partnership] : [])];
  if (options.output !== undefined) writeFileAtomic(options.output, text, { force: options.force, inputs });
  else writeStdout(text);
}
