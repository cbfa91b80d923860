/**
 * `--format markdown` as a pull-request comment, read through a real Markdown parser
 * (marked, GitHub-flavoured): the summary and principle marks up front, every practice in
 * a collapsed <details>, finding lines linked to the file at the commit for the
 * coordinator, and nothing of the file's syntax for partners.
 */
import { marked } from 'marked';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, pes, ROOT } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const MATURE = 'examples/mature-coalition.yaml';
const RESPONSES = 'examples/responses/mature-coalition';
const EXAMPLES = ['examples/struggling-alliance.yaml', 'examples/new-network.yaml', MATURE];
const SHA = '0123456789abcdef0123456789abcdef01234567';
// No CI variables unless a test sets them: the developer's machine may run inside Actions.
const NO_CI = { GITHUB_SERVER_URL: undefined, GITHUB_REPOSITORY: undefined, GITHUB_SHA: undefined, GITHUB_WORKSPACE: undefined };

function markdown(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): string {
  const result = pes(['assess', ...args, '--format', 'markdown'], { cwd: options.cwd, env: { ...NO_CI, ...options.env } });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

function html(text: string): HTMLish {
  return new HTMLish(marked.parse(text, { async: false, gfm: true }));
}

/** Just enough of the parsed HTML to ask what a reader would see. */
class HTMLish {
  constructor(readonly text: string) {}
  /** The HTML inside the first <details> ... </details>. */
  details(): string {
    const start = this.text.indexOf('<details>');
    const end = this.text.indexOf('</details>');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    return this.text.slice(start, end);
  }
  before(marker: string): string {
    return this.text.slice(0, this.text.indexOf(marker));
  }
  hrefs(): string[] {
    return [...this.text.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
  }
}

describe('the pull-request Markdown', () => {
  it('puts the score, a mark per principle and the top actions first, and every practice in a collapsed details block', () => {
    const parsed = html(markdown([MATURE, '--responses', RESPONSES]));
    const top = parsed.before('<details>');
    expect(top).toMatch(/<h1>Partnership health: Cedar Valley Food Security Coalition<\/h1>/);
    // The score and band of the same assessment as JSON, with the band's mark (83, strong, for pes-27).
    const { overall } = JSON.parse(pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'json']).stdout) as { overall: { score: number; band: 'strong' | 'developing' | 'gap' } };
    const mark = { strong: '🟢', developing: '🟡', gap: '🔴' }[overall.band];
    expect(top).toContain(`${mark} <strong>${Math.round(overall.score)}/100, ${overall.band}</strong>`);
    // One row per principle, each with its band's mark in the first cell.
    const principleRows = [...top.matchAll(/<tr>\s*<td>(🟢|🟡|🔴|⚪|➖)<\/td>/g)];
    expect(principleRows).toHaveLength(rubric.principles.length);
    expect(top).toContain('<h2>Top actions</h2>');
    const details = parsed.details();
    expect(details).toMatch(/^<details>\s*<summary><b>All \d+ practices<\/b>: 🟢 \d+ strong/);
    // The table inside the block was parsed as a table (a blank line follows <summary>): a row per practice.
    expect([...details.matchAll(/<tr>\s*<td align="right">\d+<\/td>/g)]).toHaveLength(rubric.practices.length);
    expect(details).toContain('<h3>Open findings</h3>');
  });

  it('is shorter than the old full report, and what shows before the first details block fits a screen or two', () => {
    const text = markdown([MATURE, '--responses', RESPONSES]);
    // Measured before this layout: 10,997 bytes with the survey, every section open.
    expect(Buffer.byteLength(text)).toBeLessThan(10_997);
    expect(Buffer.byteLength(text.slice(0, text.indexOf('<details>')))).toBeLessThan(5_000);
  });

  it('links each finding of the coordinator view to its line at the commit (--repo-url, --commit)', () => {
    const parsed = html(markdown([MATURE, '--audience', 'coordinator', '--repo-url', 'https://github.com/acme/health/', '--commit', SHA]));
    const base = `https://github.com/acme/health/blob/${SHA}/examples/mature-coalition.yaml#L`;
    const hrefs = parsed.hrefs();
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith(base) && /#L\d+$/.test(href))).toBe(true);
    // The top action's finding, ROI narratives, is on line 502 of the example.
    expect(parsed.before('<details>')).toContain(`(line <a href="${base}502">502</a>)`);
    expect(parsed.details()).toContain(`<a href="${base}502">502</a>`);
    expect(parsed.text).toContain(`examples/mature-coalition.yaml at ${SHA.slice(0, 12)}`);
  });

  it('takes the repository and commit from GitHub Actions, and an explicit flag wins over its variable', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/health', GITHUB_SHA: 'ABCDEF1234567' };
    const fromCi = html(markdown([MATURE, '--audience', 'coordinator'], { env })).hrefs();
    expect(fromCi[0]).toMatch(/^https:\/\/github\.example\/acme\/health\/blob\/abcdef1234567\/examples\/mature-coalition\.yaml#L\d+$/);
    const flagged = html(markdown([MATURE, '--audience', 'coordinator', '--commit', SHA], { env })).hrefs();
    expect(flagged[0]).toMatch(new RegExp(`^https://github\\.example/acme/health/blob/${SHA}/`));
    // Without a repository and commit, lines stay plain text.
    const plain = markdown([MATURE, '--audience', 'coordinator']);
    expect(plain).toContain('(line 502)');
    expect(html(plain).hrefs()).toEqual([]);
  });

  it('escapes the path from the repository root, so a folder name cannot end the link', () => {
    const repo = mkdtempSync(join(tmpdir(), 'pes-pr-'));
    mkdirSync(join(repo, '.git'));
    const folder = join(repo, 'our plans (v2) #1');
    mkdirSync(folder);
    cpSync(join(ROOT, MATURE), join(folder, 'p.yaml'));
    const parsed = html(markdown([join(folder, 'p.yaml'), '--audience', 'coordinator', '--repo-url', 'https://github.com/acme/health', '--commit', SHA], { cwd: folder }));
    const hrefs = parsed.hrefs();
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs[0]).toMatch(new RegExp(`^https://github\\.com/acme/health/blob/${SHA}/our%20plans%20%28v2%29%20%231/p\\.yaml#L\\d+$`));
  });

  it('refuses an address or commit it cannot link with, in one line', () => {
    const run = (args: string[]) => pes(['assess', MATURE, '--format', 'markdown', ...args], { env: NO_CI });
    expectOneLineError(run(['--repo-url', 'https://github.com/acme/health']), /--repo-url needs --commit SHA/);
    expectOneLineError(run(['--commit', SHA]), /--commit needs --repo-url URL/);
    expectOneLineError(run(['--repo-url', 'javascript:alert(1)', '--commit', SHA]), /--repo-url must start with https:\/\/ or http:\/\//);
    expectOneLineError(run(['--repo-url', 'https://me:token@github.com/acme/health', '--commit', SHA]), /must not carry a user name or password/);
    expectOneLineError(run(['--repo-url', 'https://github.com/acme/health', '--commit', 'main']), /--commit must be a commit id/);
  });
});

describe('the partner audience', () => {
  // File syntax a partner has never seen: a field path or snake_case key, a line, a priority figure.
  const FILE_SYNTAX = [/\bline \d/i, /\blines? \d/i, /priority/i, /\b[a-z]+(?:\\?_[a-z0-9]+)+\b/, /\w\[\]/, /\b[a-z_]+\.[a-z_]+\b(?!\.yaml)/];

  it.each(EXAMPLES)('%s has no YAML path, line number or priority', (file) => {
    const text = markdown([file, ...(file === MATURE ? ['--responses', RESPONSES] : [])]);
    // Partners is the Markdown default; the footer names the file, which is not a path into it.
    const body = text.slice(0, text.lastIndexOf('<sub>'));
    for (const pattern of FILE_SYNTAX) expect(body).not.toMatch(pattern);
    expect(text).toBe(markdown([file, '--audience', 'partners', ...(file === MATURE ? ['--responses', RESPONSES] : [])]));
  });

  it('gets no links even when the repository is known', () => {
    const text = markdown([MATURE, '--repo-url', 'https://github.com/acme/health', '--commit', SHA]);
    expect(html(text).hrefs()).toEqual([]);
  });

  it('reads the same scores and findings as the coordinator', () => {
    const partners = markdown(['examples/struggling-alliance.yaml']);
    const coordinator = markdown(['examples/struggling-alliance.yaml', '--audience', 'coordinator']);
    const rows = (text: string) => text.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows(partners)).toEqual(rows(coordinator));
    expect(rows(partners)).toHaveLength(rubric.practices.length);
  });
});
