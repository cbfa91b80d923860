/**
 * The package as a consumer gets it: `npm pack`, then install the tarball into an empty
 * folder with an empty npm cache and no network (`--offline`), as on a fresh machine, and
 * run it through npx. Nothing is built or fetched at install time: dist/ is in the tarball
 * and every dependency is bundled into it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

function npm(args: string[], cwd: string, cache: string) {
  // A cache of its own, empty: what is installed cannot come from this machine's earlier downloads.
  const env = { ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' };
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('the packed package', () => {
  const work = mkdtempSync(join(tmpdir(), 'pes-pack-'));
  const cache = join(work, 'npm-cache');
  const consumer = join(work, 'consumer');
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    // --ignore-scripts: `npm test` has just built dist/, and a second build here would swap it under the other tests.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT, cache);
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info!.filename);
    files = info!.files.map((file) => file.path);
    const installed = npm(['install', '--offline', '--no-package-lock', '--prefix', consumer, tarball], work, cache);
    expect(installed.status, installed.stderr).toBe(0);
  }, 120_000);

  it('holds the built bundles, the rubric, the schemas and the examples, and no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/pes', 'dist/pes.cjs', 'dist/cmd-assess.cjs', 'dist/rubric-pes-27.json', 'schema/partnership.schema.json', 'examples/ci/partnership-health.yml', 'examples/mature-coalition.yaml']));
    expect(files.filter((file) => /^(src|test|scripts|bench)\//.test(file))).toEqual([]);
  });

  it('needs nothing from a registry: every dependency is in the bundles', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', PACKAGE.name, 'package.json'), 'utf8')) as { dependencies?: object; bin: Record<string, string> };
    // scripts/build.mjs bundles every runtime package into dist/: list a new one under devDependencies.
    expect(manifest.dependencies ?? {}, 'a runtime dependency a consumer would have to fetch').toEqual({});
    expect(manifest.bin).toEqual({ pes: 'bin/pes', 'partnership-health': 'bin/pes' });
    expect(readdirSync(join(consumer, 'node_modules')).filter((entry) => !entry.startsWith('.'))).toEqual([PACKAGE.name]);
  });

  it('runs with npx partnership-health and npx pes', () => {
    const env = { ...process.env, npm_config_cache: cache, NO_COLOR: '1' };
    const run = (command: string, args: string[]) => spawnSync('npx', ['--offline', '--no-install', command, ...args], { cwd: consumer, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run('partnership-health', ['--version'])).toMatchObject({ status: 0, stdout: `${PACKAGE.version}\n` });
    const example = `node_modules/${PACKAGE.name}/examples/mature-coalition.yaml`;
    const report = run('partnership-health', ['assess', example, '--format', 'json']);
    expect(report.status, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ tool: { name: PACKAGE.name, version: PACKAGE.version }, partnership: { name: 'Cedar Valley Food Security Coalition' } });
    expect(run('pes', ['validate', example])).toMatchObject({ status: 0, stdout: expect.stringMatching(/: valid \(/) });
    // The documented exit codes hold in the installed copy too.
    expect(run('partnership-health', ['assess', example, '--fail-on', 'gap', '--format', 'json']).status).toBe(1);
    expect(run('partnership-health', ['assess', 'missing.yaml']).status).toBe(2);
  });
});
