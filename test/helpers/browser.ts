/**
 * Opens pages in a real headless Chromium: the system's when there is one, else the
 * one installed from the npm registry (test/global-setup.ts decides, once per run).
 * A missing browser is a failing test, never a skip.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

export interface BrowserExecutable {
  path: string;
  /** Environment the browser needs (the packaged one brings its own fonts). */
  env: Record<string, string>;
  /** Where it came from, for messages. */
  source: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: BrowserExecutable;
  }
}

export async function launchBrowser(): Promise<Browser> {
  const executable = inject('chromium');
  return chromium.launch({
    executablePath: executable.path,
    env: { ...process.env, ...executable.env },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
