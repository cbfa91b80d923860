/** `--audience`: who a report is written for, from the flag or .pesrc.yaml (docs/handout.md). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectOneLineError, pes, ROOT } from '../helpers/cli.js';

const MATURE = 'examples/mature-coalition.yaml';

describe('--audience', () => {
  it('refuses a reader it does not know, in one line', () => {
    const result = pes(['assess', MATURE, '--format', 'html', '--audience', 'funders']);
    expectOneLineError(result, /--audience.*funders.*partners, coordinator/);
  });

  it('refuses an unknown audience in .pesrc.yaml at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-audience-'));
    writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, MATURE)));
    writeFileSync(join(dir, '.pesrc.yaml'), 'format: html\naudience: everyone\n');
    const result = pes(['assess', 'p.yaml'], { cwd: dir });
    expectOneLineError(result, /^\.pesrc\.yaml:2:\d+ audience: /);
  });
});
