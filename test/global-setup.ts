/**
 * Runs once before any test file: finds the headless Chromium the browser tests use,
 * so that parallel test files never race to unpack it. A system Chromium is used when
 * there is one (PES_CHROMIUM, or a usual install path); otherwise the one that
 * `npm install` brought as the @sparticuz/chromium package, unpacked once per
 * checkout into node_modules/.cache. Unpacking goes to a private folder that is
 * renamed into place only when complete, so a run killed halfway, or two test runs
 * at once, never leave a half-written browser behind for the next.
 */
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { BrowserExecutable } from './helpers/browser.js';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The package exports only its entry, not its package.json: walk up from the entry to the folder that has it. */
function packageFolderOf(name: string): string {
  let folder = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(folder, 'package.json')) || (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find the folder of ${name}`);
    folder = parent;
  }
  return folder;
}

async function packagedChromium(): Promise<BrowserExecutable> {
  const packageFolder = packageFolderOf('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as { version: string };
  const cache = join(packageFolder, '../../.cache/pes-chromium');
  const folder = join(cache, version);
  if (!existsSync(folder)) {
    mkdirSync(cache, { recursive: true });
    const staging = mkdtempSync(join(cache, `.${version}-`));
    // The package unpacks into os.tmpdir(), read at each call: point it at the staging folder meanwhile.
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      await chromium.executablePath();
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    // The package's own fonts.conf names /tmp paths; this one names the fonts it brought, after the system's.
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(folder, 'fonts')}</dir>\n  <cachedir>${join(folder, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(staging, folder);
    } catch (error) {
      // Another test run finished first: its copy is complete, use it.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(folder)) throw error;
    }
  }
  return { path: join(folder, 'chromium'), env: { FONTCONFIG_FILE: join(folder, 'fonts.conf') }, source: `@sparticuz/chromium ${version}` };
}

/** A program that can run: a regular file with execute permission (not, say, /dev/null mounted over it). */
function isProgram(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // The runs of pes in tests keep their compile cache in the checkout, not in the user's ~/.cache (src/cli/compile-cache.ts).
  process.env['PES_COMPILE_CACHE'] ??= join(dirname(dirname(fileURLToPath(import.meta.url))), 'node_modules/.cache/pes-compile-cache');
  const explicit = process.env.PES_CHROMIUM;
  if (explicit !== undefined && !isProgram(explicit)) throw new Error(`PES_CHROMIUM names ${explicit}, which is not a program`);
  const system = explicit ?? SYSTEM_CHROMIUM.find(isProgram);
  project.provide('chromium', system !== undefined ? { path: system, env: {}, source: system } : await packagedChromium());
}
