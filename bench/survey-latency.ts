// Survey responsiveness: how long the agreement prompt takes to handle a keypress and
// redraw, and how long saving one answer takes (serialise + atomic write + fsync).
// Bundled and run by bench/run.mjs; prints JSON.
import { render } from '@inquirer/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/cli/write-output.js';
import { loadRubric } from '../src/load/rubric.js';
import { CHECKS } from '../src/checks/index.js';
import { likertPrompt } from '../src/survey/likert-prompt.js';
import { newResponse } from '../src/survey/response-file.js';
import { serializeResponse } from '../src/survey/response-writer.js';

const KEYPRESSES = 200;
const SAVES = 200;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 100) / 100;

const loaded = await loadRubric('rubrics/pes-27.yaml', readFileSync('rubrics/pes-27.yaml', 'utf8'), CHECKS);
if (!loaded.ok) throw new Error('rubric does not load');
const rubric = loaded.rubric;

const prompt = await render(likertPrompt, {
  heading: '2. Long-term momentum and growth',
  statement: rubric.practices[5]!.statement,
  position: 6,
  total: 27,
  scale: rubric.survey.scale,
  dontKnow: rubric.survey.dont_know,
  canGoBack: true,
});
const keypressTimes: number[] = [];
for (let i = 0; i < KEYPRESSES; i++) {
  const start = performance.now();
  prompt.events.keypress(i % 2 ? 'up' : 'down');
  prompt.getScreen();
  keypressTimes.push(performance.now() - start);
}
prompt.events.keypress('4');
await prompt.answer;

const dir = mkdtempSync(join(tmpdir(), 'pes-bench-'));
const response = newResponse(rubric, 'Benchmark Coalition', 'r-bench', '2026-06-30');
const saveTimes: number[] = [];
for (let i = 0; i < SAVES; i++) {
  const practice = rubric.practices[i % rubric.practices.length]!;
  response.answers[practice.id] = ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5;
  const start = performance.now();
  writeFileAtomic(join(dir, 'r-bench.yaml'), serializeResponse(response, rubric), { force: true });
  saveTimes.push(performance.now() - start);
}
rmSync(dir, { recursive: true, force: true });

console.log(JSON.stringify({ keypresses: KEYPRESSES, keypressMs: round(median(keypressTimes)), saves: SAVES, saveMs: round(median(saveTimes)) }));
