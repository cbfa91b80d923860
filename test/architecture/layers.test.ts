/**
 * The rooms of src/ import only downwards, and no files import each other in a
 * circle (.dependency-cruiser.mjs holds the rules, docs/architecture.md the why).
 * The second test builds a small tree that breaks each rule once, so a config that
 * let everything through would fail here too. The last one keeps test/ a mirror of
 * src/: the unit tests of a room sit in the test folder of the same name.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CRUISER = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.mjs');
const { ROOMS } = (await import(CONFIG)) as { ROOMS: Record<string, string[]> };

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

interface Cruise {
  modules: { source: string; dependencies: { resolved: string }[] }[];
  summary: { violations: Violation[]; totalCruised: number };
}

async function cruise(cwd: string, args: readonly string[]): Promise<Cruise> {
  // The cruiser exits non-zero when it finds violations; the JSON on stdout says which.
  const run = await promisify(execFile)(process.execPath, [CRUISER, ...args, '--output-type', 'json'], { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`dependency-cruiser failed: ${error.stderr ?? String(error)}`);
      return { stdout: error.stdout };
    },
  );
  const result = JSON.parse(run.stdout) as Cruise;
  expect(result.summary.totalCruised).toBeGreaterThan(0);
  return result;
}

/** The violations the cruiser finds under `src` of `cwd`, one line each. */
async function violations(cwd: string): Promise<string[]> {
  const result = await cruise(cwd, ['src', '--config', CONFIG]);
  return result.summary.violations
    .map((violation) =>
      violation.rule.name === 'no-circular' ? `circle: ${[violation.from, ...(violation.cycle ?? []).map((step) => step.name)].join(' -> ')}` : `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
    )
    .sort();
}

describe('layers', () => {
  it('src imports only down the layers and has no circles', async () => {
    expect(await violations(ROOT)).toEqual([]);
  }, 120_000);

  const fixture = mkdtempSync(join(tmpdir(), 'pes-layers-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('reports an import up the layers, one between peers and a circle', async () => {
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
      // Down the layers and into text: allowed.
      'src/cli/main.ts': "import { area } from '../model/shape.js';\nimport { clean } from '../text/clean.js';\nexport const shown = clean(String(area));\n",
      'src/text/clean.ts': 'export const clean = (text: string): string => text.trim();\n',
      // Up: the model reaching for the command line.
      'src/model/shape.ts': "import type { Flags } from '../cli/flags.js';\nexport const area = 1;\nexport type Options = Flags;\n",
      'src/cli/flags.ts': 'export interface Flags { verbose: boolean }\n',
      // Peers: a renderer reaching into the survey.
      'src/render/summary.ts': "import { total } from '../survey/count.js';\nexport const line = `n=${total}`;\n",
      'src/survey/count.ts': 'export const total = 3;\n',
      // A circle inside one room.
      'src/assess/report.ts': "import { pick } from './discussion.js';\nexport const built = (): number => pick();\nexport const weight = 2;\n",
      'src/assess/discussion.ts': "import { weight } from './report.js';\nexport const pick = (): number => weight;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(fixture, file)), { recursive: true });
      writeFileSync(join(fixture, file), text);
    }
    expect(await violations(fixture)).toEqual([
      'circle: src/assess/discussion.ts -> src/assess/report.ts -> src/assess/discussion.ts',
      'not-in-allowed: src/model/shape.ts -> src/cli/flags.ts',
      'not-in-allowed: src/render/summary.ts -> src/survey/count.ts',
    ]);
  }, 120_000);
});

/** Folders of test/ that are not a room's unit tests. */
const TEST_KINDS = {
  e2e: 'the built binary, as a user runs it',
  fuzz: 'property suites over every entry point',
  docs: 'the documentation: generated pages up to date, links that reach their targets',
  bench: "the benchmark's smoke runs",
  architecture: 'this file',
  fixtures: 'inputs',
  golden: 'reviewed outputs',
  helpers: 'shared test code',
};

describe('tests mirror src', () => {
  it('every folder of test/ is a room of src/ or a kind of test of its own', () => {
    const folders = readdirSync(join(ROOT, 'test'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.filter((folder) => !(folder in ROOMS) && !(folder in TEST_KINDS))).toEqual([]);
  });

  it('the unit tests in test/<room>/ test src/<room>/', async () => {
    const result = await cruise(ROOT, ['test', '--no-config', '--ts-pre-compilation-deps', '--ts-config', 'tsconfig.json', '--do-not-follow', '^(src|node_modules)/', '--include-only', '^(src|test)/', '--exclude', '^test/fixtures/']);
    const imports = new Map(result.modules.map((module) => [module.source, module.dependencies.map((dependency) => dependency.resolved)]));
    const roomOf = (file: string) => /^(?:src|test)\/([^/]+)\//.exec(file)?.[1];
    const misplaced = [...imports.keys()]
      .filter((file) => file.endsWith('.test.ts') && roomOf(file)! in ROOMS)
      .filter((file) => {
        // What a test reaches through a helper (buildReport through test/helpers/report.ts) counts as tested.
        const reached = imports.get(file)!.flatMap((dependency) => (dependency.startsWith('test/helpers/') ? imports.get(dependency) ?? [] : [dependency]));
        const rooms = new Set(reached.filter((dependency) => dependency.startsWith('src/')).map(roomOf));
        return rooms.size > 0 && !rooms.has(roomOf(file));
      });
    expect(misplaced).toEqual([]);
  }, 120_000);
});
