/**
 * The command-line entry: commander wiring only. Each command's code is imported
 * when that command runs, so `pes --help` does not pay for YAML, zod or renderers.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { CONFIG_FILE, DEFAULT_MAX_ANNOTATIONS, DEFAULT_MAX_IMPORT_ROWS, DEFAULT_MAX_INPUT_MB, DEFAULT_MAX_PARTICIPANTS, DEFAULT_MIN_GROUP_SIZE, DEFAULT_WORKSHOP_PORT } from '../model/defaults.js';
import { AUDIENCES } from '../model/formats.js';
import { FAIL_ON } from '../model/labels.js';
import { PROBLEM_FORMATS } from '../model/problems.js';
import { formatNames, OUTPUT_FORMATS, type OutputFormat } from '../render/formats.js';
import { EXIT_USAGE, runCommand, runShortCommand } from './run.js';
import { colorEnabled, terminalWidth, writeStdout } from './terminal.js';
import { VERSION } from './version.js';


const maxAnnotationsOption = () =>
  new Option('--max-annotations <n>', `GitHub annotations of each level (error, warning, notice) at most, one of them a summary of the rest (default ${DEFAULT_MAX_ANNOTATIONS}, GitHub's limit per step)`).argParser(positiveInteger);

const maxInputOption = () =>
  new Option('--max-input-mb <megabytes>', 'refuse input files larger than this').default(DEFAULT_MAX_INPUT_MB).argParser(positiveNumber);

/** The whole command line; `formats` is the output-format registry whose names --format offers. */
export function buildProgram(formats: readonly OutputFormat[] = OUTPUT_FORMATS): Command {
  const program = new Command('pes')
    .description('Check a multi-stakeholder partnership against the 27-practice backbone gap rubric.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // `pes survey --dir X import ...` and `pes survey import --dir Y` must not share one --dir.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: writeStdout,
      // Help keeps commander's 80 columns off a terminal.
      getOutHelpWidth: () => terminalWidth(80),
      getOutHasColors: () => colorEnabled(undefined),
      outputError: (text, write) => write(`pes: ${text.replace(/^error: /, '')}`),
    });

  program
    .command('validate')
    .description('check partnership files against the format; print every problem as FILE:LINE:COL message')
    .argument('<files...>', 'partnership YAML files')
    .addOption(new Option('--format <format>', 'table (FILE:LINE:COL lines on standard error), json, github, sarif or junit: every file and problem').choices(PROBLEM_FORMATS))
    .option('-o, --output <file>', 'write the --format output to a file (its extension picks the format when --format is not given)')
    .option('--force', 'overwrite --output if it exists')
    .addOption(maxAnnotationsOption())
    .addOption(maxInputOption())
    .action((files: string[], options) => runShortCommand(() => import('./validate.js'), (command) => command.validate(files, options)));

  program
    .command('assess')
    .description('run the rubric against a partnership file and print the gap report')
    .argument('[file]', 'partnership YAML file', 'partnership.yaml')
    .option('--as-of <date>', 'assess as of this date (YYYY-MM-DD); overrides as_of in the file')
    .option('--rubric <file>', 'use this rubric instead of the built-in pes-27')
    .option(
      '--format <formats>',
      `${formatNames(formats)}; several with commas and --output-dir (default: table on a terminal, json in a pipe)`,
    )
    .addOption(
      new Option('--audience <reader>', 'partners: plain words; coordinator: with YAML paths, lines and priorities (default: partners for html and markdown, coordinator otherwise)').choices(
        AUDIENCES,
      ),
    )
    .option('-o, --output <file>', 'write the report to a file (its extension picks the format when --format is not given)')
    .option('--output-dir <dir>', 'write one file per --format into this folder')
    .option('--force', 'overwrite output files that exist')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also: NO_COLOR=1)')
    .addOption(new Option('--width <columns>', 'fit the table to this many columns').argParser(positiveInteger))
    .option('--responses <paths...>', 'survey responses: folders of response files, or single files')
    .addOption(
      new Option('--min-group-size <n>', `show a sector, role or organisation apart only with at least this many respondents (default ${DEFAULT_MIN_GROUP_SIZE})`).argParser(
        positiveInteger,
      ),
    )
    .option('--include-late-responses', 'count survey responses dated after the as-of date (left out by default, like later evidence)')
    .option('--practice <practice>', 'print one practice in detail (number or id): every check, its finding and line, its basis and fix')
    .option('--discussion', 'print only the discussion guide: the practices a workshop should talk about first')
    .option('--include-comments', "include respondents' free-text comments (without names) in the report")
    .option('--baseline <report.json>', 'an earlier JSON report: show the change since then')
    .addOption(new Option('--fail-under <score>', 'exit 1 when the overall score is below this').argParser(score))
    .addOption(new Option('--fail-on <band>', 'exit 1 when any practice is in this band or worse').choices(FAIL_ON))
    .option('--fail-on-regression', 'exit 1 when the overall score or any practice fell since --baseline')
    .addOption(maxAnnotationsOption())
    .option('--repo-url <url>', "the repository's web address, to link Markdown findings to their lines (default in GitHub Actions: GITHUB_SERVER_URL/GITHUB_REPOSITORY)")
    .option('--commit <sha>', 'the commit those lines belong to (default in GitHub Actions: GITHUB_SHA)')
    .option('--config <file>', `settings file (default: ${CONFIG_FILE} beside the partnership file, or here)`)
    .option('--no-config', 'ignore any config file')
    .addOption(new Option('--max-input-mb <megabytes>', `refuse input files larger than this (default ${DEFAULT_MAX_INPUT_MB})`).argParser(positiveNumber))
    .action((file: string, options) => runShortCommand(() => import('./assess.js'), (command) => command.assess(file, options)));

  const survey = program
    .command('survey')
    .enablePositionalOptions()
    .description('ask people how the partnership works: an interactive survey, or a template and import for forms and paper')
    .argument('[file]', 'partnership YAML file', 'partnership.yaml')
    .option('--dir <dir>', 'folder for response files', 'responses')
    .option('--resume [respondent]', 'continue an unfinished response (the latest, or this id or file)')
    .option('--workshop', 'one respondent after another on this computer, clearing the screen between them')
    .option('--rubric <file>', 'use this rubric instead of the built-in pes-27')
    .addOption(maxInputOption())
    .action((file: string, options) => runCommand(async () => (await import('./survey.js')).survey(file, options)));

  survey
    .command('template')
    .description('print the questionnaire for a forms tool (csv) or for paper (markdown)')
    .addOption(new Option('--format <format>', 'csv or markdown').choices(['csv', 'markdown']).default('markdown'))
    .option('--rubric <file>', 'use this rubric instead of the built-in pes-27')
    .option('--partnership <file>', "offer this partnership's active partners as the organisation question's choices")
    .option('-o, --output <file>', 'write it to a file')
    .option('--force', 'overwrite --output if it exists')
    .addOption(maxInputOption())
    .action((options) => runShortCommand(() => import('./survey-template.js'), (command) => command.surveyTemplate(options)));

  survey
    .command('import')
    .description('turn a forms export (CSV or .xlsx from Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics or a spreadsheet) into response files')
    .argument('<export>', 'the exported file (.csv, .tsv, .txt or .xlsx)')
    .option('--partnership <file>', 'the partnership the answers are about', 'partnership.yaml')
    .option('--dir <dir>', 'folder for response files', 'responses')
    .option('--date <date>', "date every response this day (YYYY-MM-DD) instead of by the export's own date column")
    .addOption(new Option('--date-format <order>', 'how the export writes dates like 05/06/2026: day first, month first or year first').choices(['DMY', 'MDY', 'YMD']))
    .option('--keep-names', "store the respondents' names from a name column (left out by default)")
    .option('--skip-bad-rows', 'import the rows that read and report the others, instead of importing nothing')
    .option('--force', 'replace response files an earlier import wrote whose answers have changed since')
    .option('--rubric <file>', 'use this rubric instead of the built-in pes-27')
    .addOption(maxInputOption())
    .addOption(new Option('--max-rows <n>', 'refuse exports with more rows than this').default(DEFAULT_MAX_IMPORT_ROWS).argParser(positiveInteger))
    .action((csv: string, options) => runShortCommand(() => import('./survey-import.js'), (command) => command.surveyImport(csv, options)));

  program
    .command('workshop')
    .description('run the survey live in a room: phones answer over the local network, the projector shows the results')
    .argument('[file]', 'partnership YAML file', 'partnership.yaml')
    .option('--dir <dir>', 'folder for response files (running again on it continues the workshop)', 'responses')
    .addOption(new Option('--port <n>', `port to listen on (default ${DEFAULT_WORKSHOP_PORT}, or the one the workshop in --dir used)`).argParser(port))
    .option('--host <address>', 'address to listen on (default: all networks; 127.0.0.1 to rehearse on this computer only)')
    .addOption(
      new Option('--min-group-size <n>', `show a group apart, and allow Reveal, only with at least this many (default ${DEFAULT_MIN_GROUP_SIZE})`).argParser(positiveInteger),
    )
    .addOption(new Option('--max-participants <n>', 'turn away new participants beyond this many').default(DEFAULT_MAX_PARTICIPANTS).argParser(positiveInteger))
    .option('--resume', 'continue the workshop in --dir, and fail if there is none')
    .option('--as-of <date>', 'date of the results (default: the file\'s as_of, or today when that is earlier)')
    .option('--rubric <file>', 'use this rubric instead of the built-in pes-27')
    .addOption(maxInputOption())
    .action((file: string, options) => runCommand(async () => (await import('./workshop.js')).workshop(file, options)));

  program
    .command('trend')
    .description('show how the scores changed across several JSON reports of one partnership (e.g. annual audits)')
    .argument('<reports...>', 'JSON reports made with `pes assess --format json`')
    .option('--format <format>', 'table, json, markdown, html or csv (default: table, or from the --output extension)')
    .option('-o, --output <file>', 'write it to a file')
    .option('--force', 'overwrite --output if it exists')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .action((reports: string[], options) => runShortCommand(() => import('./trend.js'), (command) => command.trend(reports, options)));

  program
    .command('rubric')
    .description('list the practices, or show one practice with its checks and advice')
    .argument('[practice]', 'practice number or id')
    .option('--rubric <file>', 'show this rubric instead of the built-in one (validates it too)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .action((practice: string | undefined, options) => runShortCommand(() => import('./rubric.js'), (command) => command.showRubric(practice, options)));

  program
    .command('schema')
    .description('print the JSON Schema of the partnership file format (or of the JSON report)')
    .addArgument(new Argument('[which]', 'which schema').choices(['partnership', 'report']).default('partnership'))
    .option('-o, --output <file>', 'write it to a file')
    .option('--force', 'overwrite --output if it exists')
    .action((which: 'partnership' | 'report', options) => runShortCommand(() => import('./schema.js'), (command) => command.printSchema(which, options)));

  program
    .command('init')
    .description('write a commented starter partnership file that validates')
    .argument('[file]', 'where to write it', 'partnership.yaml')
    .option('--name <name>', 'the partnership name', 'Our Partnership')
    .option('--as-of <date>', 'the as_of date to write (default: today)')
    .option('--force', 'overwrite the file if it exists')
    .action((file: string, options) => runShortCommand(() => import('./init.js'), (command) => command.init(file, options)));

  return program;
}

/** Number('') and Number(' ') are 0: an empty value is refused, not read as zero. */
function numberOf(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

function positiveNumber(value: string): number {
  const number = numberOf(value);
  if (!Number.isFinite(number) || number <= 0) throw new CommanderErrorForValue(`expected a positive number, got "${value}"`);
  return number;
}

/** 0 asks the system for any free port. */
function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new CommanderErrorForValue(`expected a port from 0 to 65535, got "${value}"`);
  return number;
}

function score(value: string): number {
  const number = numberOf(value);
  if (!Number.isFinite(number) || number < 0 || number > 100) throw new CommanderErrorForValue(`expected a score from 0 to 100, got "${value}"`);
  return number;
}

function positiveInteger(value: string): number {
  const number = positiveNumber(value);
  if (!Number.isInteger(number)) throw new CommanderErrorForValue(`expected a whole number, got "${value}"`);
  return number;
}

class CommanderErrorForValue extends CommanderError {
  constructor(message: string) {
    super(EXIT_USAGE, 'commander.invalidArgument', message);
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version are "errors" to commander; everything else it reports is a usage error.
    const informational = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    process.exitCode = informational ? 0 : EXIT_USAGE;
  }
}
