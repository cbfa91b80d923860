/** The hostile inputs of the security table in README, shared by the limits test and the benchmark. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostileCase {
  name: string;
  args: string[];
  exit: number;
  message?: RegExp;
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
  ];
}
