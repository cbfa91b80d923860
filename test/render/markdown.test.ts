/**
 * Markdown from names a file wrote: text between backticks becomes a code span in the
 * narrative (the rubric's `key` spans share the path), and a code span must not carry
 * raw control or bidi characters any more than plain text.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/assess/report.js';
import { loadPartnership } from '../../src/load/partnership.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { RAW_UNSAFE } from '../helpers/hostile-text.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();

async function markdownFor(name: string): Promise<string> {
  const loaded = await loadPartnership('p.yaml', `as_of: 2026-06-30\npartnership:\n  name: ${JSON.stringify(name)}\n  purpose: A short purpose.\n`);
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  const report = buildReport({
    rubric,
    partnership: loaded.loaded.partnership,
    locate: loaded.loaded.source.locate,
    placeholders: loaded.loaded.placeholders,
    asOf: '2026-06-30',
    tool: { name: 'partnership-health', version: 'test' },
    inputs: { partnershipFile: 'p.yaml', partnershipSha256: '0', rubricFile: 'r', rubricSha256: '0', digest: '0' },
  });
  return renderMarkdown(report);
}

describe('code spans in Markdown', () => {
  it('show a line separator, an escape sequence and a bidi override written between backticks as visible escapes', async () => {
    const markdown = await markdownFor('Acme `\u2028\u001b[2J\u202e` Trust');
    expect(markdown).not.toMatch(RAW_UNSAFE);
    expect(markdown).toContain('`\\u2028\\x1b[2J\\u202e`');
  });

  it('show what was written between backticks as code, exactly', async () => {
    const html = await marked.parse(await markdownFor('Acme `a|b <i>` Trust'));
    expect(html).toContain('<code>a|b &lt;i&gt;</code>');
  });
});
