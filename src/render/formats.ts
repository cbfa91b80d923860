/** Output formats and where their renderers live; each is imported only when asked for. */
import type { Format } from '../model/formats.js';
import type { Renderer } from './options.js';

export const FILE_EXTENSIONS: Record<Format, string> = {
  table: 'txt',
  json: 'json',
  markdown: 'md',
  html: 'html',
  csv: 'csv',
  sarif: 'sarif',
  junit: 'xml',
  github: 'github.txt',
};

export async function rendererFor(format: Format): Promise<Renderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown;
    case 'html':
      return (await import('./html.js')).renderHtml;
    case 'csv':
      return (await import('./csv.js')).renderCsv;
    case 'sarif':
      return (await import('./sarif.js')).renderSarif;
    case 'junit':
      return (await import('./junit.js')).renderJunit;
    case 'github':
      return (await import('./github.js')).renderGithub;
  }
}

/** The format a file name implies (report.html -> html), if any. */
export function formatForFile(file: string): Format | undefined {
  const lower = file.toLowerCase();
  const entries = Object.entries(FILE_EXTENSIONS) as [Format, string][];
  // Longest extension first, so "x.github.txt" is github, not table.
  return entries.sort((a, b) => b[1].length - a[1].length).find(([, extension]) => lower.endsWith(`.${extension}`))?.[0];
}
