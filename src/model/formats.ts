/** Output formats of `pes assess`, in a module of their own so the CLI can name them without loading a schema. */
export const FORMATS = ['table', 'json', 'markdown', 'html', 'csv', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Who reads a report. Partners read plain words; the coordinator also wants the YAML paths,
 * line numbers and priority arithmetic that let them fix the file. Both come from one report.
 */
export const AUDIENCES = ['partners', 'coordinator'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * The audience when neither --audience nor the config names one: HTML and Markdown are the
 * handouts a consultant gives to partners; every other format feeds a terminal, a CI system or
 * another program, whose reader is the one who edits the file.
 */
export function defaultAudience(format: Format): Audience {
  return format === 'html' || format === 'markdown' ? 'partners' : 'coordinator';
}
