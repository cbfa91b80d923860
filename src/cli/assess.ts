/**
 * `pes assess [FILE]`: load, validate, evaluate, render, gate. Reads the partnership,
 * the rubric, responses, a baseline and the config; writes reports; exits 1 when a
 * gate fails. The only file-system and terminal work of the assessment is here.
 */
import { join } from 'node:path';
import { gateFailures, type GateSettings } from '../assess/gates.js';
import { buildReport } from '../assess/report.js';
import { closestMatch } from '../load/closest-match.js';
import { configPracticeErrors, practiceIdFor } from '../load/config.js';
import type { Rubric } from '../model/rubric.js';
import type { FailOn } from '../model/labels.js';
import { isUserError, UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import type { Audience } from '../model/formats.js';
import { resolveSeverity } from '../model/severity.js';
import type { RenderOptions } from '../render/options.js';
import { requestedFormats, writeProblems } from './problem-output.js';
import { DEFAULT_MAX_INPUT_MB, DEFAULT_MIN_GROUP_SIZE } from '../model/defaults.js';
import { formatForFile, OUTPUT_FORMATS, outputFormat, type OutputFormat } from '../render/formats.js';
import { aggregateResponses } from '../survey/aggregate.js';
import { groupNamer } from '../survey/group-names.js';
import { resolveAsOf } from './as-of.js';
import { findConfig } from './config-source.js';
import { sha256 } from '../text/sha256.js';
import { displayPath, exists, lineCount, readTextInput } from './io.js';
import { writeOutputs, writeOutputsInto, type Output } from './write-output.js';
import { loadResponses } from './responses-source.js';
import { resolveSourceLinks } from './source-links.js';
import { resolveRubric } from './rubric-source.js';
import { GateFailure } from './run.js';
import { colorEnabled, stdoutIsTerminal, terminalWidth, writeStdout } from './terminal.js';
import { VERSION } from './version.js';

export interface AssessOptions {
  asOf?: string;
  rubric?: string;
  format?: string;
  audience?: Audience;
  output?: string;
  outputDir?: string;
  force?: boolean;
  color?: boolean;
  width?: number;
  responses?: string[];
  minGroupSize?: number;
  discussion?: boolean;
  includeComments?: boolean;
  includeLateResponses?: boolean;
  practice?: string;
  baseline?: string;
  failUnder?: number;
  failOn?: FailOn;
  failOnRegression?: boolean;
  config?: string | false;
  maxInputMb?: number;
  maxAnnotations?: number;
  repoUrl?: string;
  commit?: string;
}

/** How far a run got: what a refused input's problems are written with, and whether an error came after the inputs were read. */
interface Progress {
  configFormat?: string;
  /** The partnership file, once read: a problem on the whole of it spans its lines. */
  read?: { file: string; lines: number };
  inputs: string[];
  rendering: boolean;
}

export async function assess(file: string, options: AssessOptions): Promise<void> {
  const progress: Progress = { inputs: [file], rendering: false };
  try {
    await runAssessment(file, options, progress);
  } catch (error) {
    // A file that does not validate (the partnership, the config, a response file...) is
    // reported in the machine format asked for, on its lines; other errors as they are.
    if (!isUserError(error) || progress.rendering || error.errors.some((entry) => entry.file === 'pes')) throw error;
    const formats = requestedFormats(options.format) ?? (options.output !== undefined ? [formatForFile(options.output)?.name].filter((format) => format !== undefined) : undefined) ?? (progress.configFormat ? [progress.configFormat] : []);
    await writeProblems('assess', progress.read ? [{ ...progress.read, valid: !error.errors.some((entry) => entry.file === progress.read!.file) }] : [], error.errors, {
      formats,
      output: options.output,
      outputDir: options.outputDir,
      stem: reportStem(displayPath(file)),
      force: options.force,
      inputs: progress.inputs,
      maxAnnotations: options.maxAnnotations,
    });
  }
}

async function runAssessment(file: string, options: AssessOptions, progress: Progress): Promise<void> {
  const { config, source: configSource, file: configFile, resolvePath } = await findConfig(options.config, file);
  progress.configFormat = config.format;
  if (configFile) progress.inputs.push(configFile);
  const maxInputMb = options.maxInputMb ?? config.max_input_mb ?? DEFAULT_MAX_INPUT_MB;
  const text = readInput(file, maxInputMb);
  const shownFile = displayPath(file);
  const lines = lineCount(text);
  progress.read = { file: shownFile, lines };
  const loaded = await loadPartnership(shownFile, text);
  if (!loaded.ok) throw new UserError(loaded.errors);
  const asOf = resolveAsOf(options.asOf, loaded.loaded.partnership.as_of, shownFile);
  const rubricFile = options.rubric ?? (config.rubric !== undefined ? resolvePath(config.rubric) : undefined);
  const rubric = await resolveRubric(rubricFile, maxInputMb);
  if (configSource) {
    const errors = configPracticeErrors(config, configSource, rubric.rubric);
    if (errors.length > 0) throw new UserError(errors);
  }
  const formats = chosenFormats(options, config.format);
  // Where a gate came from, for its failure message: the flag, else the config file's line.
  const fromConfig = (path: (string | number)[], value: unknown) => {
    const position = configSource!.locate(path, 'key');
    return `${configSource!.file}:${position.line}:${position.col} ${path.at(-1)}: ${String(value)}`;
  };
  const practiceGates = Object.entries(config.gates?.practices ?? {});
  const gates: GateSettings = {
    failUnder: options.failUnder ?? config.gates?.fail_under,
    failOn: options.failOn ?? config.gates?.fail_on,
    // Keys may be numbers or ids; configPracticeErrors above has refused any the rubric lacks.
    practiceMinimums: Object.fromEntries(practiceGates.map(([key, minimum]) => [practiceIdFor(key, rubric.rubric)!, minimum])),
    failOnRegression: options.failOnRegression ?? config.gates?.fail_on_regression,
    origins: {
      failUnder: options.failUnder !== undefined ? `--fail-under ${options.failUnder}` : config.gates?.fail_under !== undefined ? fromConfig(['gates', 'fail_under'], config.gates.fail_under) : undefined,
      failOn: options.failOn !== undefined ? `--fail-on ${options.failOn}` : config.gates?.fail_on !== undefined ? fromConfig(['gates', 'fail_on'], config.gates.fail_on) : undefined,
      practiceMinimums: Object.fromEntries(practiceGates.map(([key, minimum]) => [practiceIdFor(key, rubric.rubric)!, fromConfig(['gates', 'practices', key], minimum)])),
      failOnRegression:
        options.failOnRegression !== undefined ? '--fail-on-regression' : config.gates?.fail_on_regression !== undefined ? fromConfig(['gates', 'fail_on_regression'], config.gates.fail_on_regression) : undefined,
    },
  };
  if (gates.failOnRegression && options.baseline === undefined) {
    throw new UserError({ file: 'pes', message: '--fail-on-regression needs --baseline PREVIOUS.json to compare with' });
  }

  const responsePaths = options.responses ?? config.responses?.map(resolvePath);
  const minGroupSize = options.minGroupSize ?? config.min_group_size ?? DEFAULT_MIN_GROUP_SIZE;
  const partnershipName = loaded.loaded.partnership.partnership.name;
  const responses = responsePaths?.length ? await loadResponses(responsePaths, rubric.rubric, partnershipName, { maxMegabytes: maxInputMb }) : undefined;
  // The report schema is only needed to read a baseline, so it is loaded only then.
  const baseline =
    options.baseline !== undefined
      ? await (await import('./baseline-source.js')).loadBaseline(options.baseline, maxInputMb, { partnership: partnershipName, rubric: rubric.rubric })
      : undefined;
  const practiceShown = options.practice !== undefined ? practiceFor(options.practice, rubric.rubric) : undefined;
  const notApplicable = new Map((config.suppress ?? []).map((entry) => [practiceIdFor(entry.practice, rubric.rubric)!, entry.reason]));

  const survey = responses
    ? aggregateResponses(rubric.rubric, responses.responses, minGroupSize, groupNamer(loaded.loaded.partnership), options.includeComments === true, {
        asOf,
        includeLate: options.includeLateResponses === true,
      })
    : undefined;
  if (survey && survey.late.count > 0 && !survey.late.included) {
    process.stderr.write(
      `pes: ${survey.late.count} response${survey.late.count === 1 ? '' : 's'} dated after ${asOf} left out, as evidence after the as-of date is (--include-late-responses counts them)\n`,
    );
  }

  const partnershipSha256 = sha256(text);
  const report = buildReport({
    rubric: rubric.rubric,
    partnership: loaded.loaded.partnership,
    locate: loaded.loaded.source.locate,
    placeholders: loaded.loaded.placeholders,
    asOf,
    tool: { name: 'partnership-health', version: VERSION },
    survey,
    notApplicable,
    baseline,
    inputs: {
      partnershipFile: shownFile,
      partnershipSha256,
      rubricFile: rubric.file,
      rubricSha256: rubric.sha256,
      digest: sha256(
        [
          partnershipSha256,
          rubric.sha256,
          responses?.sha256 ?? '',
          baseline?.sha256 ?? '',
          asOf,
          minGroupSize,
          JSON.stringify([...notApplicable]),
          options.includeComments === true,
          options.includeLateResponses === true,
        ].join('\n'),
      ),
    },
  });

  progress.rendering = true;
  const toTerminal = options.output === undefined && options.outputDir === undefined;
  const failOn = gates.failOn ?? 'gap';
  const renderOptions: RenderOptions = {
    color: toTerminal && colorEnabled(options.color),
    width: options.width ?? terminalWidth(),
    failOn,
    // One practice and the discussion guide print as text on a terminal: the coordinator's view.
    audience: options.audience ?? config.audience ?? ('coordinator' as Audience),
    severity: resolveSeverity(failOn, config.severity),
    maxAnnotations: options.maxAnnotations,
    partnershipLines: lines,
    sourceLinks: resolveSourceLinks(file, options),
  };
  // Every file this run read, the config and each response file included: none is ever an output.
  const inputs = [file, ...(configFile ? [configFile] : []), ...(rubricFile ? [rubricFile] : []), ...(options.baseline ? [options.baseline] : []), ...(responses?.files ?? [])];
  const outputs: Output[] = [];
  if (practiceShown !== undefined) {
    const result = report.practices.find((practice) => practice.id === practiceShown)!;
    // One practice reads as text even in a pipe; JSON only when asked for.
    const asked = options.format ?? (options.output !== undefined ? formatForFile(options.output)?.name : undefined) ?? 'table';
    if (asked !== 'table' && asked !== 'json') throw new UserError({ file: 'pes', message: '--practice prints one practice as text (--format table) or as json' });
    if (options.outputDir !== undefined) throw new UserError({ file: 'pes', message: '--practice prints one practice: write it with --output FILE, not --output-dir' });
    const { renderPracticeDetail } = await import('../render/practice.js');
    const rendered = asked === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${renderPracticeDetail(report, result, renderOptions)}\n`;
    if (options.output !== undefined) outputs.push({ file: options.output, content: rendered });
    else writeStdout(rendered);
  } else if (options.discussion) {
    const { renderDiscussion } = await import('../render/discussion.js');
    const guide = `${renderDiscussion(report, renderOptions)}\n`;
    if (options.outputDir !== undefined) throw new UserError({ file: 'pes', message: '--discussion prints one guide: write it with --output FILE, not --output-dir' });
    if (options.output !== undefined) outputs.push({ file: options.output, content: guide });
    else writeStdout(guide);
  } else {
    for (const format of formats) {
      const audience = options.audience ?? config.audience ?? format.audience;
      const rendered = ensureNewline((await format.load())(report, { ...renderOptions, audience }));
      if (options.outputDir !== undefined) {
        outputs.push({ file: join(options.outputDir, `${reportStem(shownFile)}.${format.extension}`), content: rendered });
      } else if (options.output !== undefined) {
        outputs.push({ file: options.output, content: rendered });
      } else {
        writeStdout(rendered);
      }
    }
  }
  // All formats or none: a refused or failed file leaves every other one as it was.
  if (options.outputDir !== undefined) writeOutputsInto(options.outputDir, '--output-dir', outputs, { force: options.force, inputs });
  else writeOutputs(outputs, { force: options.force, inputs });

  const failures = gateFailures(report, gates);
  if (failures.length > 0) throw new GateFailure(failures);
}

/** The name --output-dir files take: partnership.sarif for partnership.yaml. */
function reportStem(shownFile: string): string {
  return shownFile.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

/** --format (one, or several separated by commas), else the --output file's extension, else the config, else table on a terminal and JSON in a pipe. */
export function chosenFormats(
  options: Pick<AssessOptions, 'format' | 'output' | 'outputDir'>,
  configured: string | undefined,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
): OutputFormat[] {
  const named = (name: string) => outputFormat(name, formats)!;
  const requested = requestedFormats(options.format, formats.map(({ name }) => name));
  if (requested) {
    if (requested.length > 1 && options.outputDir === undefined) {
      throw new UserError({ file: 'pes', message: 'several formats need --output-dir DIR to write them into' });
    }
    return requested.map(named);
  }
  if (options.output !== undefined) {
    const implied = formatForFile(options.output, formats);
    if (implied) return [implied];
  }
  // findConfig has checked the configured name against the same registry.
  const fallback = configured ?? (stdoutIsTerminal() ? 'table' : 'json');
  return [named(fallback)];
}

/** The practice --practice names, by number or id, or a one-line error naming the range. */
function practiceFor(key: string, rubric: Rubric): string {
  const id = practiceIdFor(key, rubric);
  if (id !== undefined) return id;
  const suggestion = closestMatch(key, rubric.practices.map((practice) => practice.id));
  const numbers = `${rubric.practices[0]?.number}-${rubric.practices.at(-1)?.number}`;
  throw new UserError({ file: 'pes', message: `--practice: no practice "${key}" in ${rubric.id} (numbers ${numbers}${suggestion ? `; did you mean "${suggestion}"?` : ''})` });
}

/** The partnership file; when the default one is missing, say how to make it. */
function readInput(file: string, maxInputMb: number): string {
  try {
    return readTextInput(file, maxInputMb);
  } catch (error) {
    if (isUserError(error) && file === 'partnership.yaml' && !exists(file)) {
      throw new UserError({ file, message: 'cannot read the file: no such file or directory (create one with `pes init`, or name a file)' });
    }
    throw error;
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
