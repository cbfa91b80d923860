import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { likertPrompt, type LikertConfig } from '../../src/survey/likert-prompt.js';

const config: LikertConfig = {
  heading: '2. Long-term momentum and growth',
  statement: 'We give organizations outside our membership real ways to take part.',
  position: 12,
  total: 27,
  scale: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  dontKnow: "Don't know / not applicable",
  canGoBack: true,
};

describe('the agreement prompt', () => {
  it('shows the principle, progress, the statement and the six options', async () => {
    const { getScreen, events, answer } = await render(likertPrompt, config);
    const screen = getScreen();
    expect(screen).toContain('2. Long-term momentum and growth');
    expect(screen).toContain('12/27');
    expect(screen).toContain('We give organizations outside our membership real ways to take part.');
    for (const option of ['1  Strongly disagree', '5  Strongly agree', "0  Don't know / not applicable"]) expect(screen).toContain(option);
    expect(screen).toContain('b to go back');
    events.keypress('4');
    await expect(answer).resolves.toBe(4);
  });

  it('answers with one key: 1-5, or 0 for don\'t know', async () => {
    for (const [key, expected] of [['1', 1], ['5', 5], ['0', 'dont_know']] as const) {
      const { events, answer } = await render(likertPrompt, config);
      events.keypress(key);
      await expect(answer).resolves.toBe(expected);
    }
  });

  it('moves with the arrows and answers with Enter, starting from the earlier answer', async () => {
    const { events, answer, getScreen } = await render(likertPrompt, { ...config, previous: 2 });
    expect(getScreen()).toContain('❯ 2  Disagree');
    events.keypress('down');
    events.keypress('down');
    expect(getScreen()).toContain('❯ 4  Agree');
    events.keypress('enter');
    await expect(answer).resolves.toBe(4);
  });

  it('goes back with b, but not from the first statement', async () => {
    const back = await render(likertPrompt, config);
    back.events.keypress('b');
    await expect(back.answer).resolves.toBe('back');

    const first = await render(likertPrompt, { ...config, position: 1, canGoBack: false });
    expect(first.getScreen()).not.toContain('b to go back');
    first.events.keypress('b');
    first.events.keypress('3');
    await expect(first.answer).resolves.toBe(3);
  });

  it('ignores keys that are not answers', async () => {
    const { events, answer } = await render(likertPrompt, config);
    events.keypress('7');
    events.keypress('x');
    events.keypress('2');
    await expect(answer).resolves.toBe(2);
  });
});
