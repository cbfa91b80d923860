/**
 * Reports name files relative to the working directory, with forward slashes, so the
 * same run gives the same bytes on every machine; a file outside it is named whole.
 * A responses folder shows thousands of names, worked out per folder: they must be
 * the names displayPath gives one by one.
 */
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, displayPaths } from '../../src/cli/io.js';

const here = process.cwd();
const parent = dirname(here);

describe('displayPath', () => {
  it('names a file inside the working directory relative to it', () => {
    expect(displayPath(join(here, 'responses', 'r1.yaml'))).toBe('responses/r1.yaml');
    expect(displayPath('./responses/../r1.yaml')).toBe('r1.yaml');
  });

  it('names a file outside the working directory by its whole path', () => {
    expect(displayPath('../elsewhere/r1.yaml')).toBe(resolve(parent, 'elsewhere', 'r1.yaml'));
    expect(displayPath('..')).toBe(parent);
  });

  it('keeps a file whose name starts with two dots inside, where it is', () => {
    // Before, any name starting with ".." was taken for the way out and shown whole, so the report depended on the machine.
    expect(displayPath('..notes.yaml')).toBe('..notes.yaml');
    expect(displayPath('a/..b/r.yaml')).toBe('a/..b/r.yaml');
  });
});

describe('displayPaths, for a folder of many files', () => {
  const cases = [
    'r1.yaml',
    './r1.yaml',
    '..notes.yaml',
    'responses/r1.yaml',
    'responses/sub/../r2.yaml',
    '..b/r.yaml',
    '../elsewhere/r1.yaml',
    '../../r.yaml',
    join(here, 'r.yaml'),
    join(parent, 'r.yaml'),
    '/r.yaml',
  ];

  it.each(cases)('names %s as displayPath does', (file) => {
    expect(displayPaths()(file)).toBe(displayPath(file));
  });

  it('gives the same names when one list holds them all, folders shared', () => {
    const shown = displayPaths();
    expect(cases.map(shown)).toEqual(cases.map(displayPath));
  });
});
