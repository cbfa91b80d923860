/** `pes assess [FILE]`: load, validate, evaluate, render. The only I/O is here. */
import { buildReport } from '../assess/report.js';
import { UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { resolveAsOf } from './as-of.js';
import { sha256 } from './digest.js';
import { displayPath, readTextInput, writeFileAtomic } from './io.js';
import { VERSION } from './version.js';
import { loadResponses } from './responses-source.js';
import { resolveRubric } from './rubric-source.js';
import { aggregateResponses } from '../survey/aggregate.js';
import { groupNamer } from '../survey/group-names.js';
import { colorEnabled, terminalWidth } from './terminal.js';

export interface AssessOptions {
  asOf?: string;
  rubric?: string;
  format: 'table' | 'json';
  output?: string;
  force?: boolean;
  color?: boolean;
  width?: number;
  responses?: string[];
  minGroupSize: number;
  discussion?: boolean;
  maxInputMb: number;
}

export async function assess(file: string, options: AssessOptions): Promise<void> {
  const text = readTextInput(file, options.maxInputMb);
  const shownFile = displayPath(file);
  const loaded = loadPartnership(shownFile, text);
  if (!loaded.ok) throw new UserError(loaded.errors);
  const asOf = resolveAsOf(options.asOf, loaded.loaded.partnership.as_of, shownFile);
  const rubric = resolveRubric(options.rubric, options.maxInputMb);
  const partnershipSha256 = sha256(text);
  const responses = options.responses?.length
    ? loadResponses(options.responses, rubric.rubric, loaded.loaded.partnership.partnership.name, options.maxInputMb)
    : undefined;
  const report = buildReport({
    rubric: rubric.rubric,
    loaded: loaded.loaded,
    asOf,
    tool: { name: 'partnership-health', version: VERSION },
    survey: responses
      ? aggregateResponses(rubric.rubric, responses.responses, options.minGroupSize, groupNamer(loaded.loaded.partnership))
      : undefined,
    inputs: {
      partnershipFile: shownFile,
      partnershipSha256,
      rubricFile: rubric.file,
      rubricSha256: rubric.sha256,
      digest: sha256([partnershipSha256, rubric.sha256, responses?.sha256 ?? '', asOf, options.minGroupSize].join('\n')),
    },
  });

  const toTerminal = options.output === undefined;
  let rendered: string;
  if (options.format === 'json') {
    rendered = `${JSON.stringify(report, null, 2)}\n`;
  } else {
    const color = toTerminal && colorEnabled(options.color);
    const terminal = { color, width: options.width ?? terminalWidth() };
    if (options.discussion) {
      const { renderDiscussion } = await import('../render/discussion.js');
      rendered = `${renderDiscussion(report, terminal)}\n`;
    } else {
      const { renderTable } = await import('../render/table.js');
      rendered = `${renderTable(report, terminal)}\n`;
    }
  }
  if (options.output !== undefined) {
    writeFileAtomic(options.output, rendered, { force: options.force, inputs: [file, ...(options.rubric ? [options.rubric] : [])] });
  } else {
    process.stdout.write(rendered);
  }
}
