/**
 * Every relative link in README.md and docs/**\/*.md points at a file that exists, and a link with an
 * anchor at a heading that page has (GitHub's heading ids), so moving or renaming a section cannot
 * leave a link pointing nowhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

function markdownFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(`${folder}/${entry.name}`) : entry.name.endsWith('.md') ? [`${folder}/${entry.name}`] : [],
  );
}

const FILES = ['README.md', ...markdownFiles('docs')];

/** Every token, tables and lists included, depth first. */
function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const nested = token as Token & { tokens?: Token[]; items?: Token[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][] };
    if (nested.tokens) walk(nested.tokens, visit);
    if (nested.items) walk(nested.items, visit);
    if (nested.header) for (const cell of nested.header) walk(cell.tokens, visit);
    if (nested.rows) for (const row of nested.rows) for (const cell of row) walk(cell.tokens, visit);
  }
}

const lexed = new Map<string, Token[]>();
function tokensOf(file: string): Token[] {
  if (!lexed.has(file)) lexed.set(file, new Lexer({ gfm: true }).lex(readFileSync(join(ROOT, file), 'utf8')));
  return lexed.get(file)!;
}

/** The ids GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingIds(file: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  walk(tokensOf(file), (token) => {
    if (token.type !== 'heading') return;
    const plain = (token as Tokens.Heading).text.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = plain.toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  });
  return ids;
}

function relativeLinks(file: string): string[] {
  const links: string[] = [];
  walk(tokensOf(file), (token) => {
    if (token.type === 'link' || token.type === 'image') links.push((token as Tokens.Link).href);
  });
  return links.filter((href) => !/^[a-z][a-z+.-]*:/i.test(href));
}

describe('links in the documentation', () => {
  it('finds the pages to check, generated ones included', () => {
    expect(FILES).toContain('docs/reference/partnership-format.md');
    expect(FILES).toContain('docs/rubric/README.md');
  });

  for (const file of FILES) {
    it(`${file}: every relative link reaches an existing file and heading`, () => {
      const broken: string[] = [];
      for (const href of relativeLinks(file)) {
        const [path, anchor] = href.split('#') as [string, string | undefined];
        const target = path === '' ? file : relative(ROOT, join(ROOT, dirname(file), decodeURIComponent(path)));
        if (!existsSync(join(ROOT, target))) {
          broken.push(`${href}: no file ${target}`);
          continue;
        }
        if (anchor !== undefined && target.endsWith('.md') && statSync(join(ROOT, target)).isFile() && !headingIds(target).has(anchor)) {
          broken.push(`${href}: ${target} has no heading #${anchor}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
