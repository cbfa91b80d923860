/**
 * Which of V8's compilers a run uses. V8 optimizes hot code on background threads,
 * and Node waits for those compile jobs to finish before the process exits. A command
 * that reads one small file is over before optimized code could pay back its
 * compiling: on the 37 KB example, `pes validate` spent about 15 ms of its 60 waiting
 * at exit for jobs whose code never ran. So a short command runs with the
 * interpreter and the baseline compiler only, and gets the optimizing compilers back
 * as soon as it has read more input than a small run holds (without them the
 * 10,000-partner case takes 4.3 s instead of 1.5 s). Measured in bench/ (see
 * docs/performance.md); the crossover is between 40 and 100 KB of input.
 *
 * The flags are changed through node:v8's public setFlagsFromString. Node's
 * documentation warns that changing flags after start-up may behave unpredictably;
 * these only say which compilers V8 may use from now on, which V8 checks each time it
 * considers optimizing a function. Commands that stay up (the workshop server, the
 * interactive survey) keep Node's defaults.
 */

/** Input, in bytes, beyond which a run is long enough for optimized code to pay back. */
export const LONG_RUN_INPUT_BYTES = 64 * 1024;

/**
 * The optimizing compilers off: TurboFan, and Maglev, which Node turns on from
 * version 22. Not `--max-opt=1`: V8 derives `--no-turbofan` from it and raising it
 * again does not undo that.
 */
const BASELINE_ONLY = '--no-turbofan --no-maglev';
/** TurboFan back for a long run, the tier its hot loops gain from; Maglev, a middle tier, stays off for the rest of it. */
const ANY_TIER = '--turbofan';
/** Flags by which someone running pes chose the compilers themselves (`node --no-opt bin/pes ...`); then pes leaves them alone. */
const CHOSEN_TIERS = /--(no-)?(opt|turbofan|maglev|sparkplug|max-opt)\b/;

interface ShortRun {
  setFlags: (flags: string) => void;
  inputBytes: number;
}

/**
 * Every bundle (the entry, each command, each lazy part) has its own copy of this
 * module, so the run's state lives on the process, under a registered symbol.
 */
const STATE = Symbol.for('partnership-health.short-run');
/** The flags this run has set so far, in order, for flagsSetByPes. */
const FLAGS_SET = Symbol.for('partnership-health.flags-set');
type WithShortRun = typeof globalThis & { [STATE]?: ShortRun; [FLAGS_SET]?: string };

/**
 * The V8 flags pes has changed in this run ('' for none). V8 refuses compiled code
 * cached under other flags, so the compile cache keeps one copy per flag state.
 */
export function flagsSetByPes(): string {
  return (globalThis as WithShortRun)[FLAGS_SET] ?? '';
}

/** For a command that reads a few files and exits: optimize nothing until it reads more than LONG_RUN_INPUT_BYTES. */
export function startShortRun(): void {
  // NODE_OPTIONS cannot hold these flags: Node refuses to start with them there.
  // V8 takes --no_turbofan as well as --no-turbofan.
  if (CHOSEN_TIERS.test(process.execArgv.join(' ').replaceAll('_', '-'))) return;
  // Fetched, not imported: node:v8 is not in Node's start-up snapshot and costs about 2 ms, so only commands that gain from it pay.
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  // V8 will not use Node's code cache for a built-in module compiled after a flag has
  // changed (three times the cost), so the modules behind the output streams load first.
  void process.stdout;
  void process.stderr;
  setFlagsFromString(BASELINE_ONLY);
  (globalThis as WithShortRun)[STATE] = { setFlags: setFlagsFromString, inputBytes: 0 };
  (globalThis as WithShortRun)[FLAGS_SET] = BASELINE_ONLY;
}

/** Counts input read; past LONG_RUN_INPUT_BYTES a short run gets every compiler back. */
export function noteInputRead(bytes: number): void {
  const run = (globalThis as WithShortRun)[STATE];
  if (!run) return;
  run.inputBytes += bytes;
  if (run.inputBytes > LONG_RUN_INPUT_BYTES) {
    run.setFlags(ANY_TIER);
    delete (globalThis as WithShortRun)[STATE];
    (globalThis as WithShortRun)[FLAGS_SET] = `${BASELINE_ONLY} ${ANY_TIER}`;
  }
}
