import { describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/workshop-load.js';
import { ROOT } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';

const statements = (await builtinRubric()).practices.length;

// A small room through the workshop load benchmark, so that `npm run bench:workshop`
// cannot rot unnoticed. No timing is asserted here: see bench/workshop.mjs for that.
describe('the workshop load benchmark, in miniature', () => {
  it('runs a room of twelve, and finds every answer in its file exactly once', async () => {
    const result = await runLoad({ participants: 12, meanThinkMs: 0, root: ROOT });
    expect(result).toMatchObject({ participants: 12, statements, lostAnswers: 0, duplicatedAnswers: 0, responseFiles: 12 });
    // The profile, every statement and one comment: one acknowledged request each.
    expect(result.answerRequests).toBe(12 * (1 + statements + 1));
    expect(result.peakRssMb).toBeGreaterThan(0);
  }, 120_000);
});
