import { afterEach, describe, expect, it } from 'vitest';
import { flagsSetByPes, LONG_RUN_INPUT_BYTES, noteInputRead } from '../../src/cli/compiler-tiers.js';

// startShortRun itself is never called here: it would change the compilers of the test process.
const STATE = Symbol.for('partnership-health.short-run');
type Global = typeof globalThis & { [STATE]?: { setFlags: (flags: string) => void; inputBytes: number } };

function fakeShortRun(): string[] {
  const set: string[] = [];
  (globalThis as Global)[STATE] = { setFlags: (flags) => set.push(flags), inputBytes: 0 };
  return set;
}

afterEach(() => {
  delete (globalThis as Global)[STATE];
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('partnership-health.flags-set')];
});

describe('a short run gets the optimizing compiler back once it has read enough input', () => {
  it('adds up the input of several files and restores TurboFan once, on the read that crosses the limit', () => {
    const set = fakeShortRun();
    noteInputRead(LONG_RUN_INPUT_BYTES / 2);
    noteInputRead(LONG_RUN_INPUT_BYTES / 2);
    expect(set).toEqual([]);
    expect(flagsSetByPes()).toBe('');
    noteInputRead(1);
    expect(set).toEqual(['--turbofan']);
    // The compile cache keeps what is compiled from now on apart from what was compiled under the short run's flags.
    expect(flagsSetByPes()).toMatch(/--turbofan$/);
    noteInputRead(LONG_RUN_INPUT_BYTES);
    expect(set).toEqual(['--turbofan']);
  });
});
