#!/usr/bin/env node
// `npm run bench`: start-up and scale of the built `pes`, measured the way the
// performance issue states its targets: as ratios to `node -e 0` measured in the same
// run (cases interleaved, so machine load hits all of them alike), medians of at
// least 10 runs, peak RSS from /usr/bin/time. Prints a table and writes
// bench/results/latest.json. Not part of `npm test`: timings on a shared machine are
// too noisy to assert. Needs Debian's `time` package for the memory column.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { bundleScript } from './bundle.mjs';
import { generate } from './generate.mjs';
import { measureImport } from './import.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(10, Number(process.env.BENCH_RUNS ?? 15));
const pes = join(root, 'bin/pes');
const data = join(root, 'bench/.data');
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);

if (!existsSync(join(root, 'dist/pes.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

// Scale data: the target case, a tenth of it, and the target case with the line endings a
// Windows editor saves; seeded, so every run reads the same bytes.
const sizes = {};
for (const [name, scale, lineEnding] of [['tenth', 0.1, '\n'], ['full', 1, '\n'], ['full-crlf', 1, '\r\n']]) {
  sizes[name] = generate(join(data, name), scale, 42, { lineEnding });
}

const mature = join(root, 'examples/mature-coalition.yaml');
const scaleArgs = (name) => ['assess', join(data, name, 'partnership.yaml'), '--responses', join(data, name, 'responses'), '--format', 'json', '--output', join(data, name, 'report.json'), '--force'];

// The compile cache (src/cli/compile-cache.ts) lives in the bench's own folder for every run
// measured here, warmed by the first run of each case like the file cache; two cases show a
// run without it.
process.env.PES_COMPILE_CACHE = join(data, 'compile-cache');
const firstRunCache = join(data, 'compile-cache-first-run');
const startup = [
  { id: 'baseline', label: 'node -e 0', command: [process.execPath, '-e', '0'] },
  { id: 'version', label: 'pes --version', command: [pes, '--version'], target: { ratio: 1.3 } },
  { id: 'help', label: 'pes --help', command: [pes, '--help'], target: { ratio: 1.3 } },
  { id: 'validate', label: 'pes validate examples/mature-coalition.yaml', command: [pes, 'validate', mature], target: { ratio: 1.6 } },
  { id: 'assess', label: 'pes assess examples/mature-coalition.yaml --format json', command: [pes, 'assess', mature, '--format', 'json'], target: { ratio: 1.8 } },
  { id: 'assess-table', label: 'pes assess examples/mature-coalition.yaml --format table', command: [pes, 'assess', mature, '--format', 'table'], target: { ratio: 2.0 } },
  { id: 'assess-no-cache', label: 'the same --format json, compile cache off (PES_COMPILE_CACHE=0)', command: [pes, 'assess', mature, '--format', 'json'], env: { PES_COMPILE_CACHE: '0' } },
  {
    id: 'assess-first-run',
    label: 'the same --format json, first run (empty compile cache, written)',
    command: [pes, 'assess', mature, '--format', 'json'],
    env: { PES_COMPILE_CACHE: firstRunCache },
    before: () => rmSync(firstRunCache, { recursive: true, force: true }),
  },
];
const scale = [
  { id: 'scale-tenth', label: `assess ${describe(sizes.tenth)}`, command: [pes, ...scaleArgs('tenth')] },
  { id: 'scale-full', label: `assess ${describe(sizes.full)}`, command: [pes, ...scaleArgs('full')], target: { seconds: 1.5, megabytes: 300 } },
  { id: 'scale-full-crlf', label: `assess ${describe(sizes['full-crlf'])}, CRLF line endings`, command: [pes, ...scaleArgs('full-crlf')], target: { seconds: 1.5, megabytes: 300 } },
];

function describe(size) {
  return `${size.partners} partners, ${size.teams} teams, ${size.metrics} metrics, ${size.decisions} decisions, ${size.answers} answers`;
}

/** One run's wall time, measured here around the bare command, as `node -e 0` is. */
function wall({ command, env, before }) {
  before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Peak resident memory in MB, from /usr/bin/time in separate runs so that its own start-up never enters the timings. */
function peakRss({ command, env, before }) {
  if (!haveTime) return NaN;
  before?.();
  const result = spawnSync(TIME, ['-f', '%M', ...command], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 256 * 1024 * 1024 });
  return Number(result.stderr.trim().split('\n').at(-1)) / 1024;
}

function measure(cases, count) {
  const samples = new Map(cases.map((entry) => [entry.id, []]));
  for (const entry of cases) wall(entry); // warm the file cache and the compile cache
  for (let i = 0; i < count; i++) for (const entry of cases) samples.get(entry.id).push(wall(entry));
  return cases.map((entry) => ({
    ...entry,
    wallMs: median(samples.get(entry.id)),
    peakRssMb: Math.max(peakRss(entry), peakRss(entry), peakRss(entry)),
    runs: count,
  }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const measured = [...measure(startup, runs), ...measure(scale, runs)];
const hostile = measureHostile();
const surveyImport = measureImport(data);
const baseline = measured.find((entry) => entry.id === 'baseline').wallMs;
const rows = measured.map((entry) => {
  const ratio = entry.wallMs / baseline;
  let met = null;
  if (entry.target?.ratio) met = ratio <= entry.target.ratio;
  if (entry.target?.seconds) met = entry.wallMs / 1000 <= entry.target.seconds && (!haveTime || entry.peakRssMb <= entry.target.megabytes);
  const target = entry.target?.ratio ? `<= ${entry.target.ratio}x` : entry.target?.seconds ? `<= ${entry.target.seconds} s, <= ${entry.target.megabytes} MB` : '';
  return { case: entry.label, id: entry.id, runs: entry.runs, medianMs: round(entry.wallMs), peakRssMb: round(entry.peakRssMb), ratio: round(ratio, 2), target, met };
});
const tenth = rows.find((row) => row.id === 'scale-tenth').medianMs;
const full = rows.find((row) => row.id === 'scale-full').medianMs;
// Time grows linearly when 10x the input costs at most 11x the time; start-up is part of both.
const scaling = { inputRatio: 10, timeRatio: round(full / tenth, 2), target: '<= 11x', met: full / tenth <= 11 };

const result = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: round(totalmem() / 1024 ** 3, 1),
  runsPerCase: runs,
  baselineMs: round(baseline),
  rows,
  scaling,
  survey: surveyLatency(),
  hostile,
  surveyImport: surveyImport.cases,
};

printTable(result);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('\nwrote bench/results/latest.json');
if (process.env.BENCH_KEEP_DATA !== '1') rmSync(data, { recursive: true, force: true });

/**
 * The hostile inputs of the security table of docs/security.md (test/helpers/hostile-cases.ts): each
 * must end with its expected exit code within 2 s and 200 MB.
 */
function measureHostile() {
  const dir = join(data, 'hostile');
  const script = join(root, 'bench/.hostile.mjs');
  buildSync({ entryPoints: [join(root, 'bench/hostile.ts')], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'warning' });
  let cases;
  try {
    cases = JSON.parse(execFileSync(process.execPath, [script, dir], { cwd: root, encoding: 'utf8' }));
  } finally {
    rmSync(script, { force: true });
  }
  return cases.map((hostileCase) => {
    const command = [pes, ...hostileCase.args];
    const times = [];
    for (let i = 0; i < 3; i++) {
      const start = process.hrtime.bigint();
      const result = spawnSync(command[0], command.slice(1), { cwd: root, stdio: 'ignore' });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.status !== hostileCase.exit) throw new Error(`${hostileCase.name}: exit ${result.status}, expected ${hostileCase.exit}`);
    }
    const seconds = round(median(times) / 1000, 2);
    const megabytes = round(peakRss({ command }));
    return { case: hostileCase.name, exit: hostileCase.exit, seconds, peakRssMb: megabytes, met: seconds <= 2 && (!haveTime || megabytes <= 200) };
  });
}

/** Survey responsiveness, measured in-process on the real prompt and the real save (bench/survey-latency.ts). */
function surveyLatency() {
  const script = join(root, 'bench/.survey-latency.mjs');
  bundleScript({ entryPoints: [join(root, 'bench/survey-latency.ts')] }, script);
  try {
    return JSON.parse(execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8' }));
  } finally {
    rmSync(script, { force: true });
  }
}

function printTable(result) {
  const { rows: table, scaling: growth, survey, baselineMs, node, cpus: cores } = result;
  const header = ['case', 'median ms', 'peak RSS MB', 'vs node -e 0', 'target', 'met'];
  const lines = table.map((row) => [row.case, String(row.medianMs), Number.isFinite(row.peakRssMb) ? String(row.peakRssMb) : 'n/a', `${row.ratio}x`, row.target, row.met === null ? '' : row.met ? 'yes' : 'NO']);
  lines.push([`scaling: full / tenth (10x the input)`, '', '', `${growth.timeRatio}x`, growth.target, growth.met ? 'yes' : 'NO']);
  lines.push([`survey: keypress to redrawn prompt (median of ${survey.keypresses})`, String(survey.keypressMs), '', '', '<= 16 ms (one frame)', survey.keypressMs <= 16 ? 'yes' : 'NO']);
  lines.push([`survey: save an answer (median of ${survey.saves})`, String(survey.saveMs), '', '', '<= 5 ms', survey.saveMs <= 5 ? 'yes' : 'NO']);
  for (const entry of result.surveyImport) {
    lines.push([entry.case, String(Math.round(entry.seconds * 1000)), Number.isFinite(entry.peakRssMb) ? String(entry.peakRssMb) : 'n/a', '', entry.target, entry.met ? 'yes' : 'NO']);
  }
  for (const entry of result.hostile) {
    lines.push([`hostile: ${entry.case} (exit ${entry.exit})`, String(Math.round(entry.seconds * 1000)), Number.isFinite(entry.peakRssMb) ? String(entry.peakRssMb) : 'n/a', '', '<= 2 s, <= 200 MB', entry.met ? 'yes' : 'NO']);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(`node ${node}, ${cores} CPUs; node -e 0 median ${baselineMs} ms; ${runs} interleaved runs per case\n`);
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
