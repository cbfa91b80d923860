/**
 * Who reads a report. Partners read plain words; the coordinator also wants the YAML paths,
 * line numbers and priority arithmetic that let them fix the file. Both come from one report.
 * Which formats there are is the renderers' registry's to say (src/render/formats.ts); each
 * entry there names the audience its format is for when nothing else does.
 */
export const AUDIENCES = ['partners', 'coordinator'] as const;
export type Audience = (typeof AUDIENCES)[number];
