/** `pes trend REPORT.json...`: the history of several assessments of one partnership. */
import { buildTrend } from '../assess/trend.js';
import { UserError } from '../load/located-error.js';
import { formatForFile } from '../render/formats.js';
import { renderTrend, TREND_FORMATS, type TrendFormat } from '../render/trend.js';
import { loadBaseline } from './baseline-source.js';
import { writeFileAtomic } from './write-output.js';
import { colorEnabled, terminalWidth, writeStdout } from './terminal.js';

export interface TrendOptions {
  format?: string;
  output?: string;
  force?: boolean;
  color?: boolean;
}

export async function trend(files: readonly string[], options: TrendOptions): Promise<void> {
  const reports = [];
  for (const file of files) {
    const loaded = await loadBaseline(file);
    reports.push({ report: loaded.report, file: loaded.file });
  }
  const names = new Set(reports.map(({ report }) => report.partnership.name));
  if (names.size > 1) {
    throw new UserError({ file: 'pes', message: `these reports are about different partnerships (${[...names].join(', ')}); a trend needs one` });
  }
  const implied = options.output !== undefined ? formatForFile(options.output)?.name : undefined;
  const format = (options.format ?? implied ?? 'table') as TrendFormat;
  if (!(TREND_FORMATS as readonly string[]).includes(format)) {
    throw new UserError({ file: 'pes', message: `pes trend writes ${TREND_FORMATS.join(', ')}, not "${format}"` });
  }
  const rendered = renderTrend(buildTrend(reports), format, { color: options.output === undefined && colorEnabled(options.color), width: terminalWidth() });
  if (options.output !== undefined) writeFileAtomic(options.output, rendered, { force: options.force, inputs: files });
  else writeStdout(rendered);
}
