/** The hostile inputs of the security table in docs/security.md, shared by the limits test and the benchmark. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: the generator is a plain .mjs script shared with `npm run bench`.
import { generate } from '../../bench/generate.mjs';

export interface HostileCase {
  name: string;
  args: string[];
  exit: number;
  message?: RegExp;
  /** Lines on standard error at most (a cut list of problems ends in a line saying so). */
  maxLines?: number;
}

export function hostileCases(dir: string): HostileCase[] {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  let bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
  let previous = 'a';
  for (const name of 'bcdefghij') {
    bomb += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  const partnership = 'examples/mature-coalition.yaml';
  const head = 'as_of: 2026-01-01\npartnership:\n  name: X\n';
  let invalidEntries = `${head}partners:\n`;
  for (let i = 0; i < 150_000; i++) invalidEntries += `  - { id: p${i}, name: P, sector: wrong, tier: core, joined: 2024-01-01 }\n`;
  let unknownKeys = head;
  for (let i = 0; i < 200_000; i++) unknownKeys += `unknown_key_${i}: 1\n`;
  let unknownIds = `${head}partners:\n`;
  for (let i = 0; i < 10_000; i++) unknownIds += `  - { id: partner-${i}, name: P${i}, sector: public, tier: core, joined: 2024-01-01 }\n`;
  unknownIds += 'teams:\n  - name: T\n    members:\n';
  for (let i = 0; i < 20_000; i++) unknownIds += `      - { name: M${i}, partner: partnr-${i}, joined: 2024-01-01 }\n`;
  const fifo = join(dir, 'pipe.yaml');
  rmSync(fifo, { force: true });
  if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error(`mkfifo ${fifo} failed`);
  const million = `partnership: { name: Copies }\nitems: &items [${Array(5000).fill('x').join(', ')}]\ncopies: [${Array(199).fill('*items').join(', ')}]\n`;
  // Twice the benchmark's 10,000 partners, with one anchor and one alias: read like any other file.
  const large = join(dir, 'large');
  generate(large, 2, 42, { responses: false });
  const largeFile = join(large, 'partnership.yaml');
  writeFileSync(largeFile, readFileSync(largeFile, 'utf8').replace('  name: Benchmark Coalition', '  name: &title Benchmark Coalition').replace('rationale: Because of reason 1 }', 'rationale: *title }'));
  const partnerEntry = (index: number) =>
    `  - id: p${index}\n    name: Partner Organisation ${index}\n    sector: private\n    tier: core\n    joined: 2020-01-01\n    agreement: mou\n    knowledge: [Topic ${index % 97}]\n`;
  const partners = ['partnership:\n  name: Many\npartners:\n'];
  let size = partners[0]!.length;
  for (let index = 0; size < 31 * 1024 * 1024; index++) {
    partners.push(partnerEntry(index));
    size += partners.at(-1)!.length;
  }
  const millionRows = `Timestamp,1,2,3\n${'2026/06/12,4,4,4\n'.repeat(1_000_000)}`;
  return [
    { name: 'a YAML alias bomb ("billion laughs")', args: ['validate', write('bomb.yaml', `${bomb}partnership: { name: Bomb }\n`)], exit: 2, message: /refused: the aliases \(\*name\) in this file stand for more than 100,000 values/ },
    { name: '199 aliases of a 5,000-item list (a million values)', args: ['validate', write('million.yaml', million)], exit: 2, message: /refused: the aliases \(\*name\) in this file stand for more than 100,000 values/ },
    { name: 'an alias inside the node it names', args: ['validate', write('loop.yaml', 'partnership: &p { name: Loop, again: *p }\n')], exit: 2, message: /YAML syntax: the alias \*p sits inside the node &p it names/ },
    { name: 'a key that is a mapping', args: ['validate', write('complex-key.yaml', 'partnership: { name: x }\n? { a: 1 }\n: value\n')], exit: 2, message: /YAML syntax: a key must be a single value, not a list or a mapping/ },
    { name: 'a 31 MB partners block', args: ['validate', write('partners-31mb.yaml', partners.join(''))], exit: 2, message: /refused: [\d,]+ lines, over the 400,000 pes reads in one file/ },
    { name: 'an 8 MB partnership (20,000 partners) with one anchor', args: ['validate', largeFile], exit: 0 },
    { name: '10,000-deep flow nesting', args: ['validate', write('deep-flow.yaml', `partnership: { name: x }\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)], exit: 2, message: /refused: nesting deeper than 64 levels/ },
    {
      // One space per level still makes a 50 MB file: the size limit is raised so that the depth limit is what answers.
      name: '10,000-deep block nesting',
      args: ['validate', write('deep-block.yaml', Array.from({ length: 10_000 }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')), '--max-input-mb', '64'],
      exit: 2,
      message: /refused: nesting deeper than 64 levels/,
    },
    { name: 'a 10 MB line', args: ['validate', write('long-line.yaml', `partnership:\n  name: ${'x'.repeat(10 * 1024 * 1024)}\n`)], exit: 0 },
    {
      name: 'a CSV with a million rows',
      args: ['survey', 'import', write('million.csv', millionRows), '--partnership', partnership, '--dir', join(dir, 'responses'), '--max-input-mb', '64'],
      exit: 2,
      message: /refused: about 1000000 rows, over the limit of 100000 respondents/,
    },
    {
      name: '150,000 invalid list items (11 MB)',
      args: ['validate', write('invalid-entries.yaml', invalidEntries)],
      exit: 2,
      message: /^\S+invalid-entries\.yaml:5:32 partners\[0\]\.sector: expected one of /,
      maxLines: 52,
    },
    { name: '200,000 unknown keys', args: ['validate', write('unknown-keys.yaml', unknownKeys)], exit: 2, message: /unknown_key_0: unknown key "unknown_key_0"/, maxLines: 52 },
    {
      name: '20,000 unknown partner ids among 10,000 partners, with suggestions',
      args: ['validate', write('unknown-ids.yaml', unknownIds)],
      exit: 2,
      message: /teams\[0\]\.members\[0\]\.partner: unknown partner id "partnr-0"; did you mean "partner-0"\?$/,
      maxLines: 52,
    },
    { name: 'a named pipe (FIFO) as the partnership file', args: ['validate', fifo], exit: 2, message: /is a named pipe \(FIFO\), not a regular file/ },
    { name: '/dev/zero as the partnership file', args: ['validate', '/dev/zero'], exit: 2, message: /^\/dev\/zero: is a device, not a regular file/ },
  ];
}
