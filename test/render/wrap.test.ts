import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapItems } from '../../src/render/wrap.js';

describe('wrapItems (the table’s list of strong practices)', () => {
  it('keeps a line that goes on, with its trailing mark, inside the width', () => {
    // 39 + " · " + 36 is 78 columns; the mark of a line that goes on would make it 80, past 79.
    const items = ['#1'.padEnd(39, 'a'), '#2'.padEnd(36, 'b'), '#3 c'];
    const lines = wrapItems(items, 79).split('\n');
    expect(lines).toEqual([`${items[0]} ·`, `${items[1]} · ${items[2]}`]);
  });

  it('never breaks an item, keeps their order and fits every line when each item fits', () => {
    const item = fc.string({ minLength: 1, maxLength: 30 }).map((text) => text.replace(/[\s·]/g, 'x'));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), fc.integer({ min: 34, max: 120 }), (items, width) => {
        const lines = wrapItems(items, width, '  ').split('\n');
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
        for (const line of lines.slice(0, -1)) expect(line.endsWith(' ·')).toBe(true);
        expect(lines.at(-1)!.endsWith(' ·')).toBe(false);
        const contents = lines.map((line) => line.slice(2).replace(/ ·$/, ''));
        expect(contents.join(' · ').split(' · ')).toEqual(items);
        // Lines are filled: the first item of each line would not have fitted at the end of the line before.
        let seen = 0;
        contents.forEach((content, index) => {
          const count = content.split(' · ').length;
          if (index > 0) {
            const first = items[seen]!;
            const mark = seen === items.length - 1 ? 0 : 2;
            expect(2 + contents[index - 1]!.length + 3 + first.length + mark).toBeGreaterThan(width);
          }
          seen += count;
        });
      }),
    );
  });
});
