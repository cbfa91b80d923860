/**
 * Where the partnership file lives on the web, for the Markdown report's line links:
 * --repo-url and --commit, or in GitHub Actions GITHUB_SERVER_URL + GITHUB_REPOSITORY and
 * GITHUB_SHA (a flag wins over its variable). The path is the file's, from the root of the
 * git checkout it sits in. Without an address and a commit there are no links, and lines
 * stay plain text.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../load/located-error.js';
import type { SourceLinks } from '../render/source-links.js';
import { realPath } from './io.js';

export interface SourceLinkOptions {
  repoUrl?: string;
  commit?: string;
}

export function resolveSourceLinks(file: string, options: SourceLinkOptions, env: NodeJS.ProcessEnv = process.env): SourceLinks | undefined {
  const fromEnv = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}` : undefined;
  const url = options.repoUrl ?? fromEnv;
  const commit = options.commit ?? (env.GITHUB_SHA || undefined);
  if (options.repoUrl !== undefined && commit === undefined) throw new UserError({ file: 'pes', message: '--repo-url needs --commit SHA (or GITHUB_SHA) to link to the lines' });
  if (options.commit !== undefined && url === undefined) throw new UserError({ file: 'pes', message: '--commit needs --repo-url URL (or GITHUB_SERVER_URL and GITHUB_REPOSITORY) to link to the lines' });
  if (url === undefined || commit === undefined) return undefined;
  const repositoryUrl = checkedUrl(url, options.repoUrl !== undefined ? '--repo-url' : 'GITHUB_SERVER_URL/GITHUB_REPOSITORY');
  if (!/^[0-9a-f]{7,64}$/i.test(commit)) {
    throw new UserError({ file: 'pes', message: `${options.commit !== undefined ? '--commit' : 'GITHUB_SHA'} must be a commit id (7 to 64 hexadecimal digits), not "${commit}"` });
  }
  const path = repositoryPath(file, env);
  if (path === undefined) {
    if (options.repoUrl === undefined && options.commit === undefined) return undefined;
    throw new UserError({ file: 'pes', message: `cannot tell where ${file} sits in the repository (no .git folder above it): run pes inside the checkout to link its lines` });
  }
  return { repositoryUrl, commit: commit.toLowerCase(), path };
}

/** An http(s) address with no user name, password, query or fragment: it is printed into a comment anyone can read. */
function checkedUrl(value: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError({ file: 'pes', message: `${origin} must be a web address such as https://github.com/owner/name, not "${value}"` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UserError({ file: 'pes', message: `${origin} must start with https:// or http://, not "${url.protocol}"` });
  if (url.username !== '' || url.password !== '') throw new UserError({ file: 'pes', message: `${origin} must not carry a user name or password: the address is printed into the report` });
  if (url.search !== '' || url.hash !== '') throw new UserError({ file: 'pes', message: `${origin} must be the repository's address, without ? or #` });
  // URL has percent-encoded what needs it, except parentheses, which would end a Markdown link.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`.replace(/[()]/g, (char) => (char === '(' ? '%28' : '%29'));
}

/** The file's path from the root of its git checkout (the nearest folder above it with a .git), else from GITHUB_WORKSPACE. */
function repositoryPath(file: string, env: NodeJS.ProcessEnv): string | undefined {
  const real = realPath(file);
  for (let folder = dirname(real); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return relative(folder, real).split(sep).join('/');
    if (dirname(folder) === folder) break;
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace) {
    const inside = relative(resolve(workspace), real);
    if (!inside.startsWith('..') && !inside.startsWith(sep) && inside !== '') return inside.split(sep).join('/');
  }
  return undefined;
}
