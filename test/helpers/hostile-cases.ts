/** The hostile inputs of the security table in README, shared by the limits test and the benchmark. */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  const millionRows = `Timestamp,1,2,3\n${'2026/06/12,4,4,4\n'.repeat(1_000_000)}`;
  return [
    { name: 'a YAML alias bomb ("billion laughs")', args: ['validate', write('bomb.yaml', `${bomb}partnership: { name: Bomb }\n`)], exit: 2, message: /refused: Excessive alias count/ },
    { name: '10,000-deep flow nesting', args: ['validate', write('deep-flow.yaml', `partnership: { name: x }\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)], exit: 2, message: /refused: nesting deeper than 64 levels/ },
    {
      // One space per level still makes a 50 MB file: the size limit is raised so that the depth limit is what answers.
      name: '10,000-deep block nesting',
      args: ['validate', write('deep-block.yaml', Array.from({ length: 10_000 }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')), '--max-input-mb', '64'],
      exit: 2,
      message: /refused: nesting deeper than 64 levels/,
    },
    {
      name: '10,000-deep nesting the fast reader declines (a tab forces the full parser)',
      args: ['validate', write('deep-tab.yaml', `a:\n\t- x\nb: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)],
      exit: 2,
      message: /refused: nesting too deep to read/,
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
