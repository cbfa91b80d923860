/**
 * Every output format of `pes assess`, in one list: a new format is its renderer's
 * file plus one entry here. The `--format` choices and help, the formats
 * `.pesrc.yaml` accepts, the format an `--output` file's extension implies, the
 * names `--output-dir` gives its files and the renderer that runs all come from it.
 * Each renderer is imported only when its format is asked for.
 */
import type { Audience } from '../model/formats.js';
import type { Renderer } from './options.js';

export interface OutputFormat {
  name: string;
  /** The file extension: what `--output-dir` names the file, and what `--output FILE` reads as this format. */
  extension: string;
  /**
   * Who reads it when neither --audience nor the config says: HTML and Markdown are the handouts
   * a consultant gives to partners; the other formats feed a terminal, a CI system or another
   * program, whose reader is the one who edits the file.
   */
  audience: Audience;
  load: () => Promise<Renderer>;
}

export const OUTPUT_FORMATS = [
  { name: 'table', extension: 'txt', audience: 'coordinator', load: async () => (await import('./table.js')).renderTable },
  { name: 'json', extension: 'json', audience: 'coordinator', load: async () => (await import('./json.js')).renderJson },
  { name: 'markdown', extension: 'md', audience: 'partners', load: async () => (await import('./markdown.js')).renderMarkdown },
  { name: 'html', extension: 'html', audience: 'partners', load: async () => (await import('./html.js')).renderHtml },
  { name: 'csv', extension: 'csv', audience: 'coordinator', load: async () => (await import('./csv.js')).renderCsv },
  { name: 'sarif', extension: 'sarif', audience: 'coordinator', load: async () => (await import('./sarif.js')).renderSarif },
  { name: 'junit', extension: 'xml', audience: 'coordinator', load: async () => (await import('./junit.js')).renderJunit },
  { name: 'github', extension: 'github.txt', audience: 'coordinator', load: async () => (await import('./github.js')).renderGithub },
] as const satisfies readonly OutputFormat[];

export type Format = (typeof OUTPUT_FORMATS)[number]['name'];

export const FORMATS: readonly Format[] = OUTPUT_FORMATS.map((format) => format.name);

/** The entry of a format by name, or undefined for a name no entry has. */
export function outputFormat(name: string, formats: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat | undefined {
  return formats.find((format) => format.name === name);
}

/** The format a file name implies (report.html -> html), if any. */
export function formatForFile(file: string, formats: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat | undefined {
  const lower = file.toLowerCase();
  // Longest extension first, so "x.github.txt" is github, not table.
  return [...formats].sort((a, b) => b.extension.length - a.extension.length).find((format) => lower.endsWith(`.${format.extension}`));
}

/** "a, b or c": the names as a sentence, for help and messages. */
export function formatNames(formats: readonly OutputFormat[] = OUTPUT_FORMATS): string {
  const names = formats.map((format) => format.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}
