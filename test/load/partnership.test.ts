import { describe, expect, it } from 'vitest';
import { loadPartnership } from '../../src/load/partnership.js';
import { errorsOf } from '../helpers/partnership.js';


describe('loading a partnership file', () => {
  it('accepts a minimal file and keeps positions for later findings', async () => {
    const result = await loadPartnership('p.yaml', 'as_of: 2026-06-30\npartnership:\n  name: Minimal\n  purpose: Feed the valley.\n');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.loaded.source.locate(['partnership', 'purpose'])).toEqual({ line: 4, col: 12 });
  });

  it('reports a wrong type at the line and column of the offending value', async () => {
    const text = ['partnership:', '  name: Wrong types', 'partners:', '  - id: acme', '    name: Acme', '    sector: private', '    tier: core', '    joined: 2024', ''].join('\n');
    expect(await errorsOf(text)).toEqual(['p.yaml:8:13 partners[0].joined: expected text, got 2024']);
  });

  it('explains an invalid date, an unknown enum value and a typo in a key, with suggestions', async () => {
    const text = [
      'partnership:',
      '  name: Typos',
      '  integration: colaborative',
      '  foundd: 2020-01-01',
      'partners:',
      '  - id: acme',
      '    name: Acme',
      '    sector: private',
      '    tier: core',
      '    joined: 2024-02-30',
    ].join('\n');
    expect(await errorsOf(text)).toEqual([
      'p.yaml:3:16 partnership.integration: expected one of parallel_play, coordinated, cooperative, collaborative, fully_integrated, got "colaborative"; did you mean "collaborative"?',
      'p.yaml:4:3 partnership.foundd: unknown key "foundd"; did you mean "founded"?',
      'p.yaml:10:13 partners[0].joined: not a real calendar date, got "2024-02-30"',
    ]);
  });

  it('points a missing required key at the mapping that should hold it', async () => {
    expect(await errorsOf('partnership:\n  purpose: No name here\n')).toEqual(['p.yaml:2:3 partnership.name: missing; expected text']);
  });

  it('reports YAML syntax errors and duplicate keys with their position', async () => {
    // Where the quote opened, not where the file ends and the parser noticed.
    expect(await errorsOf('partnership:\n  name: "unterminated\n')).toEqual(['p.yaml:2:9 YAML syntax: the quote " opened here is never closed']);
    expect((await errorsOf('partnership:\n  name: A\n  name: B\n'))[0]).toMatch(/^p\.yaml:3:3 YAML syntax: the key "name" appears twice/);
  });

  it('refuses an empty file with a pointer to pes init', async () => {
    expect(await errorsOf('# nothing yet\n')).toEqual(['p.yaml:1:1 the file is empty; start from `pes init`']);
  });

  it('refuses alias expansion beyond the limit instead of exhausting memory', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${'bcdefghij'[i - 1]}: &${'bcdefghij'[i - 1]} [${Array(10).fill(`*${i === 1 ? 'a' : 'bcdefghij'[i - 2]}`).join(', ')}]`);
    const [first] = await errorsOf(`${levels.join('\n')}\npartnership: { name: Bomb }\n`);
    expect(first).toMatch(/^p\.yaml:5:\d+ refused: the aliases \(\*name\) in this file stand for more than 100,000 values/);
  });

  it('checks references between sections: unknown partner ids, metrics and decisions, dates out of order', async () => {
    const text = `partnership: { name: Refs }
partners:
  - { id: acme, name: Acme, sector: private, tier: core, joined: 2024-01-01, left: 2023-01-01 }
  - { id: acme, name: Acme again, sector: private, tier: core, joined: 2024-01-01 }
teams:
  - name: Data
    members:
      - { name: Ann, partner: acmee, joined: 2024-01-01 }
communications:
  stories:
    - { date: 2025-01-01, title: Story, audience: public, cites_metrics: [Meals served] }
metrics:
  - { name: Meals serve, level: output, category: target_population_impact }
decisions:
  - { id: d1, date: 2025-01-01, decision: Start }
  - { date: 2025-02-01, decision: Restart, revisits: d2 }
`;
    expect(await errorsOf(text)).toEqual([
      'p.yaml:3:84 partners[0].left: left (2023-01-01) is before joined (2024-01-01)',
      'p.yaml:4:11 partners[1].id: duplicate partner id "acme"',
      'p.yaml:8:31 teams[0].members[0].partner: unknown partner id "acmee"; did you mean "acme"?',
      'p.yaml:11:75 communications.stories[0].cites_metrics[0]: unknown metric "Meals served"; did you mean "Meals serve"?',
      'p.yaml:16:54 decisions[1].revisits: unknown decision id "d2"; did you mean "d1"?',
    ]);
  });
});
