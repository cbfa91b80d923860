/**
 * YAML as users save it and break it, through the built binary: Windows line endings
 * and tabs in comments read like any file; a mistake is one line on standard error,
 * at its place, in plain words; nothing from the parser library leaks out.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pes-yaml-files-'));
const example = readFileSync(join(ROOT, 'examples/struggling-alliance.yaml'), 'utf8');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('YAML files as people save them', () => {
  it('assesses a file saved with CRLF line endings and tabs before its comments exactly as the original', () => {
    const original = file('original.yaml', example);
    const windows = file('windows.yaml', example.replace(/ #/g, '\t#').replace(/\n/g, '\r\n'));
    const expected = pes(['assess', original, '--format', 'json']);
    const result = pes(['assess', windows, '--format', 'json']);
    expect(result.stderr).toBe('');
    const normalise = (json: string) => {
      const report = JSON.parse(json) as { inputs: Record<string, unknown> };
      report.inputs = {};
      return JSON.stringify(report).replaceAll('windows.yaml', 'original.yaml');
    };
    expect(normalise(result.stdout)).toBe(normalise(expected.stdout));
    const github = pes(['assess', windows, '--format', 'github']).stdout.split('\n')[0];
    expect(github).toBe(pes(['assess', original, '--format', 'github']).stdout.split('\n')[0]!.replace('original.yaml', 'windows.yaml'));
  });

  const mistakes: [string, string, RegExp][] = [
    ['a value with ": " in it', example.replace('name: Clearwater Textile Alliance', 'name: Clearwater: Textile Alliance'), /^broken\.yaml:\d+:\d+ YAML syntax: a second ": " in a value; .*put the value in quotes/],
    ['a comma in a flow value', 'partnership: { name: Acme, Inc }\n', /^broken\.yaml:1:28 YAML syntax: "Inc" in \{ \} has no ':' after it/],
    ['a tab in the indentation', 'partnership:\n\tname: x\n', /^broken\.yaml:2:1 YAML syntax: a tab in the indentation/],
    ['a quote never closed, with CRLF line endings', 'partnership:\r\n  name: "Acme\r\n', /^broken\.yaml:2:9 YAML syntax: the quote " opened here is never closed$/],
    ['a key that is a list', 'partnership: { name: x }\n? [a, b]\n: 1\n', /^broken\.yaml:2:3 YAML syntax: a key must be a single value, not a list or a mapping$/],
  ];
  for (const [name, text, expected] of mistakes) {
    it(`names ${name} in one line, at its place`, () => {
      const result = pes(['validate', file('broken.yaml', text)], { cwd: dir });
      expectNoStackTrace(result.stderr);
      expect(result.status).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(expected);
      expect(result.stderr).not.toMatch(/Warning|stringified|[A-Z]{2,}_[A-Z]+/);
    });
  }
});
