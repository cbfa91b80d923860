import { describe, expect, it } from 'vitest';
import { isPlaceholder } from '../../src/load/placeholders.js';
import { loadPartnership } from '../../src/load/partnership.js';

async function load(text: string) {
  const result = await loadPartnership('p.yaml', text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.loaded;
}

describe('what a placeholder is', () => {
  it('is text starting with TODO, TBD or FIXME, or a bare "..."', () => {
    for (const value of ['TODO', 'TODO: describe the purpose', 'TBD', 'FIXME later', '...', ' … ', '  ...  ']) expect(isPlaceholder(value), value).toBe(true);
  });

  it('is not ordinary text that merely contains such words or dots', () => {
    for (const value of ['Todo list for the summit', 'We will decide... eventually', 'Say TODO later', 'TODOS', 'Tbd', '....']) expect(isPlaceholder(value), value).toBe(false);
  });
});

describe('placeholders in a partnership file', () => {
  it('read as not described: the key is left out, and listed with its line', async () => {
    const loaded = await load('as_of: 2026-06-30\npartnership:\n  name: Harbour\n  purpose: "TODO: what we achieve together"\n  founded: 2024-01-01\n');
    expect(loaded.partnership.partnership).toEqual({ name: 'Harbour', founded: '2024-01-01' });
    expect(loaded.placeholders).toEqual([{ path: ['partnership', 'purpose'], line: 4, column: 12, value: 'TODO: what we achieve together' }]);
  });

  it('leave a list of texts, and remove a list of nothing but placeholders: that is not an honest []', async () => {
    const loaded = await load('partnership: { name: H }\nwork_plan:\n  priorities: [Jobs for young people, ..., TODO]\n  not_doing: [...]\n  goals: []\n');
    expect(loaded.partnership.work_plan).toEqual({ priorities: ['Jobs for young people'], goals: [] });
    expect(loaded.placeholders.map((placeholder) => placeholder.path.join('.'))).toEqual(['work_plan.priorities.1', 'work_plan.priorities.2', 'work_plan.not_doing.0']);
  });

  it('drop a whole list entry that holds one, and keep every later entry located on its own line', async () => {
    const text = [
      'partnership: { name: H }',
      'action_items:',
      '  - { action: ..., owner: ..., due: 2025-12-01, status: open }',
      '  - action: Book the venue',
      '    owner: Ana',
      '    status: open',
    ].join('\n');
    const loaded = await load(text);
    expect(loaded.partnership.action_items).toEqual([{ action: 'Book the venue', owner: 'Ana', status: 'open' }]);
    // The remaining entry is the file's second: paths into what was kept still find it there.
    expect(loaded.source.locate(['action_items', 0, 'owner'])).toEqual({ line: 5, col: 12 });
  });

  it('remove a record that cannot do without the value: a protocol whose rule is still a placeholder is no protocol', async () => {
    const loaded = await load('partnership: { name: H }\ngovernance:\n  decision_rules: Consent of core partners\n  communication_protocol:\n    public_statements: TODO\n    adopted: 2025-01-01\n');
    expect(loaded.partnership.governance).toEqual({ decision_rules: 'Consent of core partners' });
  });

  it('remove a section left empty by them', async () => {
    const loaded = await load('partnership: { name: H }\ngovernance:\n  joining_process: ...\n  leaving_process: ...\n');
    expect(loaded.partnership.governance).toBeUndefined();
  });

  it('keep what a file cannot do without (the name) as written, still listed', async () => {
    const loaded = await load('partnership:\n  name: TODO our name\n');
    expect(loaded.partnership.partnership.name).toBe('TODO our name');
    expect(loaded.placeholders.map((placeholder) => placeholder.path.join('.'))).toEqual(['partnership.name']);
  });

  it('cost nothing for a file without any', async () => {
    const loaded = await load('partnership: { name: H, purpose: Jobs for young people }\n');
    expect(loaded.placeholders).toEqual([]);
  });
});
