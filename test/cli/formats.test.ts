/**
 * A new output format is its renderer plus one entry in src/render/formats.ts: with
 * an entry added to the registry (here a made-up `yaml` format), --format offers
 * it, .pesrc.yaml accepts it, --output r.yaml implies it and --output-dir names its
 * file, with no other list to edit.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { chosenFormats } from '../../src/cli/assess.js';
import { configFormatErrors } from '../../src/cli/config-source.js';
import { buildProgram } from '../../src/cli/main.js';
import { loadConfig } from '../../src/load/config.js';
import { formatForFile, OUTPUT_FORMATS, type OutputFormat } from '../../src/render/formats.js';

const YAML_FORMAT: OutputFormat = { name: 'yaml', extension: 'yaml', audience: 'coordinator', load: async () => (report) => stringify(report) };
const REGISTRY = [...OUTPUT_FORMATS, YAML_FORMAT];

async function config(text: string) {
  const loaded = await loadConfig('.pesrc.yaml', text);
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  return loaded;
}

describe('an output format registered in one place', () => {
  it('is offered by --format', () => {
    const assess = buildProgram(REGISTRY).commands.find((command) => command.name() === 'assess')!;
    const help = assess.options.find((option) => option.long === '--format')!.description;
    expect(help).toMatch(/^table, json, .*, github or yaml; /);
    expect(buildProgram().commands.find((command) => command.name() === 'assess')!.options.find((option) => option.long === '--format')!.description).not.toContain('yaml');
  });

  it('is chosen by --format, with its renderer, and implied by an --output file with its extension', async () => {
    const [chosen] = chosenFormats({ format: 'yaml' }, undefined, REGISTRY);
    expect(chosen).toBe(YAML_FORMAT);
    expect(chosenFormats({ output: 'report.yaml' }, undefined, REGISTRY)).toEqual([YAML_FORMAT]);
    expect(formatForFile('out/report.YAML', REGISTRY)).toBe(YAML_FORMAT);
    expect(() => chosenFormats({ format: 'yaml' }, undefined)).toThrow(/unknown format "yaml" \(choose from table, json, markdown, html, csv, sarif, junit, github\)/);
  });

  it('is accepted in .pesrc.yaml, and refused there, at its line and column, when it is not registered', async () => {
    const { config: settings, source } = await config('gates:\n  fail_under: 50\nformat: yaml\n');
    expect(configFormatErrors(settings, source, REGISTRY)).toEqual([]);
    expect(chosenFormats({}, settings.format, REGISTRY)).toEqual([YAML_FORMAT]);
    expect(configFormatErrors(settings, source)).toEqual([
      { file: '.pesrc.yaml', position: { line: 3, col: 9 }, message: 'format: expected one of table, json, markdown, html, csv, sarif, junit, github, got "yaml"' },
    ]);
  });
});
