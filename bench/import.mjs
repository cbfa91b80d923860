#!/usr/bin/env node
// `npm run bench:import` (and part of `npm run bench`): `pes survey import` at the scale the
// forms issue states: a 100,000-row Google Forms export against a 10,000-partner file, into
// an empty folder (every response new) and again into the same folder (every response
// already there). Target: under 20 s and 500 MB each. Seeded data, so every run reads the
// same bytes; medians of BENCH_IMPORT_RUNS runs (3 by default: one run writes 100,000 files).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { generate, random } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pes = join(root, 'bin/pes');
const TIME = '/usr/bin/time';
export const IMPORT_TARGET = { rows: 100_000, partners: 10_000, seconds: 20, megabytes: 500 };

const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * A Google Forms export built from `pes survey template`: Timestamp, the profile questions,
 * every statement and comment box, answered with the scale's labels by partners named as
 * in the partnership file ("Partner Organisation 123").
 */
export function generateExport(file, rows, partners, seed = 7) {
  const template = parse(execFileSync(pes, ['survey', 'template', '--format', 'csv'], { encoding: 'utf8' }));
  const questions = template.slice(1);
  const next = random(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const labels = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
  const lines = [['Timestamp', ...questions.map((question) => question[2])].map(quote).join(',')];
  for (let row = 0; row < rows; row++) {
    const second = row % 86_400;
    const stamp = `2026/0${int(1, 6)}/${String(int(1, 28)).padStart(2, '0')} ${String(Math.floor(second / 3600) % 12 || 12)}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')} ${second < 43_200 ? 'AM' : 'PM'} GMT+1`;
    const cells = questions.map(([id]) => {
      if (id === 'organisation') return `Partner Organisation ${int(0, partners - 1)}`;
      if (id === 'sector' || id === 'role') return '';
      if (id.startsWith('comment:')) return next() < 0.1 ? `Comment ${row}, on "${id.slice(8)}"` : '';
      return next() < 0.05 ? "Don't know" : labels[int(0, 4)];
    });
    lines.push([stamp, ...cells].map(quote).join(','));
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function run(command, timed) {
  const start = process.hrtime.bigint();
  const result = spawnSync(timed && existsSync(TIME) ? TIME : command[0], timed && existsSync(TIME) ? ['-f', '%M', ...command] : command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const megabytes = timed && existsSync(TIME) ? Number(result.stderr.trim().split('\n').at(-1)) / 1024 : NaN;
  return { seconds, megabytes, stdout: result.stdout };
}

export function measureImport(dataDir, runs = Math.max(1, Number(process.env.BENCH_IMPORT_RUNS ?? 3))) {
  const dir = join(dataDir, 'import');
  generate(dir, IMPORT_TARGET.partners / 10_000, 42, { responses: false });
  const exportFile = join(dir, 'export.csv');
  generateExport(exportFile, IMPORT_TARGET.rows, IMPORT_TARGET.partners);
  const responses = join(dir, 'responses');
  const command = [pes, 'survey', 'import', exportFile, '--partnership', join(dir, 'partnership.yaml'), '--dir', responses, '--max-input-mb', '100'];
  const fresh = [];
  const again = [];
  let lastMessage = '';
  for (let i = 0; i < runs; i++) {
    rmSync(responses, { recursive: true, force: true });
    // Every run is timed under /usr/bin/time, so its peak memory is that same run's.
    fresh.push(run(command, true));
    again.push(run(command, true));
    lastMessage = again.at(-1).stdout.trim();
  }
  const summarise = (label, samples) => {
    const seconds = Math.round(median(samples.map((sample) => sample.seconds)) * 100) / 100;
    const megabytes = Math.round(Math.max(...samples.map((sample) => sample.megabytes)) * 10) / 10;
    const met = seconds <= IMPORT_TARGET.seconds && (!Number.isFinite(megabytes) || megabytes <= IMPORT_TARGET.megabytes);
    return { case: label, runs: samples.length, seconds, peakRssMb: megabytes, target: `<= ${IMPORT_TARGET.seconds} s, <= ${IMPORT_TARGET.megabytes} MB`, met };
  };
  rmSync(dir, { recursive: true, force: true });
  return {
    cases: [
      summarise(`survey import: ${IMPORT_TARGET.rows} rows, ${IMPORT_TARGET.partners} partners, empty folder`, fresh),
      summarise(`survey import: the same export again (all already there)`, again),
    ],
    message: lastMessage,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(root, 'dist/pes.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const data = join(root, 'bench/.data');
  mkdirSync(data, { recursive: true });
  const result = measureImport(data);
  for (const entry of result.cases) console.log(`${entry.case}: median ${entry.seconds} s of ${entry.runs}, peak RSS ${entry.peakRssMb} MB (${entry.target}) ${entry.met ? 'met' : 'NOT MET'}`);
  console.log(`last message: ${result.message}`);
}
