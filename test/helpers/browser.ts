/**
 * Opens pages in a real headless Chromium: the system's when there is one, else the
 * one installed from the npm registry (test/global-setup.ts decides, once per run).
 * A missing browser is a failing test, never a skip.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors, dialogs and any request that leaves the file: what a self-contained page must not have. */
  problems: string[];
}

/** Writes `html` to a file of its own and opens it, as a person opening a report would, recording what went wrong. */
export async function openHtmlFile(browser: Browser, html: string, options: { name?: string; width?: number } = {}): Promise<OpenedPage> {
  const file = join(mkdtempSync(join(tmpdir(), 'pes-page-')), options.name ?? 'report.html');
  writeFileSync(file, html);
  const page = await browser.newPage(options.width === undefined ? {} : { viewport: { width: options.width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
  });
  await page.goto(`file://${file}`);
  return { page, problems };
}
