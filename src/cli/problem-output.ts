/**
 * Problems in the files a command read, written in the machine format the user chose
 * (JSON, GitHub annotations, SARIF, JUnit) so CI shows them on their lines, with
 * exit 2 as for any input error. `table` (and any format with nothing to say about a
 * problem) keeps the `FILE:LINE:COL message` lines on standard error.
 */
import { join } from 'node:path';
import { UserError, type LocatedError } from '../load/located-error.js';
import { PROBLEM_FORMATS, type CheckedFile, type FileProblem, type ProblemFormat, type ProblemList } from '../model/problems.js';
import { FORMATS, outputFormat } from '../render/formats.js';
import { problemRendererFor } from '../render/problems/formats.js';
import { EXIT_USAGE, printUserErrors } from './run.js';
import { writeStdout } from './terminal.js';
import { VERSION } from './version.js';
import { writeOutputs, writeOutputsInto, type Output } from './write-output.js';

export type MachineProblemFormat = Exclude<ProblemFormat, 'table'>;

export interface ProblemDestination {
  /** The formats asked for; those problems cannot be written in (html, csv, table) are left out. */
  formats: readonly string[];
  output?: string;
  outputDir?: string;
  /** The file name stem for --output-dir: `partnership` gives partnership.sarif. */
  stem?: string;
  force?: boolean;
  inputs: readonly string[];
  maxAnnotations?: number;
}

export function toProblem(error: LocatedError): FileProblem {
  return { file: error.file, ...(error.position ? { line: error.position.line, column: error.position.col } : {}), message: error.message };
}

/** The machine formats among those asked for. */
export function machineFormats(formats: readonly string[]): MachineProblemFormat[] {
  return formats.filter((format): format is MachineProblemFormat => format !== 'table' && (PROBLEM_FORMATS as readonly string[]).includes(format));
}

/**
 * Writes `list` where the destination says and sets exit 2 when it has problems. With no
 * machine format the problems are thrown as a UserError, printed as today.
 */
export async function writeProblems(command: ProblemList['command'], files: readonly CheckedFile[], errors: readonly LocatedError[], destination: ProblemDestination): Promise<void> {
  const formats = machineFormats(destination.formats);
  if (formats.length === 0) {
    if (errors.length > 0) throw new UserError(errors);
    return;
  }
  const problems = errors.map(toProblem);
  // Every file a problem is in is listed, the config or a response file too.
  const listed = [...files];
  for (const problem of problems) if (!listed.some((checked) => checked.file === problem.file)) listed.push({ file: problem.file, valid: false });
  const list: ProblemList = { tool: { name: 'partnership-health', version: VERSION }, command, files: listed, problems };
  const outputs: Output[] = [];
  for (const format of formats) {
    const content = (await problemRendererFor(format))(list, { maxAnnotations: destination.maxAnnotations });
    if (destination.outputDir !== undefined) outputs.push({ file: join(destination.outputDir, `${destination.stem ?? command}.${outputFormat(format)!.extension}`), content });
    else if (destination.output !== undefined) outputs.push({ file: destination.output, content });
    else writeStdout(content);
  }
  if (destination.outputDir !== undefined) writeOutputsInto(destination.outputDir, '--output-dir', outputs, destination);
  else writeOutputs(outputs, destination);
  if (errors.length === 0) return;
  process.exitCode = EXIT_USAGE;
  if (outputs.length > 0) {
    printUserErrors(errors);
  } else {
    // The problems went to standard output in the format asked for; the terminal gets one line.
    const invalid = list.files.filter((checked) => !checked.valid).map((checked) => checked.file);
    process.stderr.write(`pes: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${invalid.join(', ')} (written as ${formats.join(', ')} on standard output)\n`);
  }
}

/** The formats `--format` names, checked against a list (several separated by commas). */
export function requestedFormats(format: string | undefined, allowed: readonly string[] = FORMATS): string[] | undefined {
  const requested = format?.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (!requested?.length) return undefined;
  for (const entry of requested) {
    if (!allowed.includes(entry)) throw new UserError({ file: 'pes', message: `unknown format "${entry}" (choose from ${allowed.join(', ')})` });
  }
  return [...new Set(requested)];
}
