import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../src/load/located-error.js';
import type { SurveyResponse } from '../../src/model/responses.js';
import { DONT_KNOW } from '../../src/model/vocabulary.js';
import { newResponse, parseResponse } from '../../src/survey/response-file.js';
import { serializeResponse } from '../../src/survey/response-writer.js';
import { surveyTemplateCsv, surveyTemplateMarkdown } from '../../src/survey/template.js';
import { partner, partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();

/** A small valid response file, as pes writes one; tests change one line of it. */
const VALID = [
  'pes_response: 1',
  'rubric: pes-27',
  'partnership: Cedar Valley Coalition',
  'respondent:',
  '  id: ana',
  '  sector: private',
  'date: 2026-06-12',
  'complete: false',
  'answers:',
  '  align-on-purpose: 4',
  '  consistent-communication: dont_know',
  '',
].join('\n');

async function errorsFor(text: string): Promise<string[]> {
  const loaded = await parseResponse('responses/ana.yaml', text, rubric);
  if (loaded.ok) throw new Error('expected the response file to be refused');
  return loaded.errors.map(formatLocatedError);
}

describe('serialize and parse', () => {
  function sample(): SurveyResponse {
    const response = newResponse(rubric, 'Cedar Valley Coalition', 'ana', '2026-06-12');
    response.respondent = { id: 'ana', organisation: 'acme', sector: 'private', role: 'partner_staff' };
    // Answered out of order, as a resumed or edited survey might be.
    response.answers['solution-finding'] = 2;
    response.answers['brand-identity'] = DONT_KNOW;
    response.answers['align-on-purpose'] = 5;
    response.answers['team-autonomy'] = 1;
    response.comments = { alignment: 'We thought we were here to coordinate: "not merge".' };
    return response;
  }

  it('reads back exactly what it wrote', async () => {
    const response = sample();
    const text = serializeResponse(response, rubric);
    const loaded = await parseResponse('responses/ana.yaml', text, rubric);
    expect(loaded).toEqual({ ok: true, response });
  });

  it('writes answers in rubric order, whatever order they were given in', async () => {
    const text = serializeResponse(sample(), rubric);
    const keys = [...text.matchAll(/^ {2}([a-z-]+): /gm)].map((match) => match[1]).filter((key) => rubric.practices.some((practice) => practice.id === key));
    // Practices 1, 9, 12, 27.
    expect(keys).toEqual(['align-on-purpose', 'team-autonomy', 'brand-identity', 'solution-finding']);
    expect(text).toContain('  brand-identity: dont_know\n');
  });

  it('starts with a comment and the pes_response marker, so the file says what it is', async () => {
    const lines = serializeResponse(sample(), rubric).split('\n');
    expect(lines[0]).toMatch(/^# partnership-health survey response/);
    expect(lines[1]).toBe('pes_response: 1');
  });

  it('starts a new response empty and incomplete', async () => {
    expect(newResponse(rubric, 'P', 'bo', '2026-01-02')).toEqual({
      pes_response: 1,
      rubric: 'pes-27',
      partnership: 'P',
      respondent: { id: 'bo' },
      date: '2026-01-02',
      source: 'pes survey',
      complete: false,
      answers: {},
    });
  });

  it('reads a hand-written file', async () => {
    const loaded = await parseResponse('responses/ana.yaml', VALID, rubric);
    expect(loaded.ok && loaded.response.answers).toEqual({ 'align-on-purpose': 4, 'consistent-communication': 'dont_know' });
  });
});

describe('refusing what is not a response file', () => {
  it('refuses a YAML file without the pes_response marker, at its first line', async () => {
    const partnershipFile = 'partnership:\n  name: Cedar Valley Coalition\npartners: []\n';
    const loaded = await parseResponse('responses/partnership.yaml', partnershipFile, rubric);
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? [] : loaded.errors.map(formatLocatedError)).toEqual([
      'responses/partnership.yaml:1:1 not a pes survey response (no `pes_response:` marker); refusing to read or overwrite it',
    ]);
  });

  it('refuses an empty file, a list and a plain value the same way', async () => {
    for (const text of ['', '- a\n- b\n', 'hello\n']) {
      expect(await errorsFor(text)).toEqual(['responses/ana.yaml:1:1 not a pes survey response (no `pes_response:` marker); refusing to read or overwrite it']);
    }
  });

  it('refuses a file that only resembles a response, without the marker', async () => {
    expect(await errorsFor(VALID.replace('pes_response: 1\n', ''))).toEqual([
      'responses/ana.yaml:1:1 not a pes survey response (no `pes_response:` marker); refusing to read or overwrite it',
    ]);
  });
});

describe('located errors in a corrupt response file', () => {
  it('reports broken YAML at its line', async () => {
    // A hand edit that repeats a key.
    expect(await errorsFor(VALID.replace('  consistent-communication: dont_know', '  align-on-purpose: 5'))).toEqual([
      expect.stringMatching(/^responses\/ana\.yaml:11:3 YAML syntax: /),
    ]);
    expect((await errorsFor(`${VALID}comments: [unclosed\n`))[0]).toMatch(/^responses\/ana\.yaml:\d+:\d+ YAML syntax: /);
  });

  it('reports an answer outside 1-5 at its value', async () => {
    expect(await errorsFor(VALID.replace('align-on-purpose: 4', 'align-on-purpose: 7'))).toEqual([
      'responses/ana.yaml:10:21 answers.align-on-purpose: must be at most 5, got 7',
    ]);
    expect(await errorsFor(VALID.replace('align-on-purpose: 4', 'align-on-purpose: 0'))).toEqual([
      'responses/ana.yaml:10:21 answers.align-on-purpose: must be at least 1, got 0',
    ]);
  });

  it('reports an answer that is not on the scale at all', async () => {
    const errors = await errorsFor(VALID.replace('align-on-purpose: 4', 'align-on-purpose: agree'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^responses\/ana\.yaml:10:21 answers\.align-on-purpose: .*agree/);
  });

  it('reports an unknown practice id at its key', async () => {
    expect(await errorsFor(VALID.replace('align-on-purpose: 4', 'align-on-purpse: 4'))).toEqual([
      'responses/ana.yaml:10:3 answers.align-on-purpse: no practice "align-on-purpse" in rubric pes-27',
    ]);
  });

  it('reports answers that belong to another rubric', async () => {
    expect(await errorsFor(VALID.replace('rubric: pes-27', 'rubric: pes-26'))).toEqual([
      'responses/ana.yaml:2:1 rubric: answers belong to rubric "pes-26", not "pes-27"',
    ]);
  });

  it('reports a comment under an unknown principle, and an unknown sector', async () => {
    expect(await errorsFor(`${VALID}comments:\n  purpos: Clear.\n`)).toEqual(['responses/ana.yaml:13:3 comments.purpos: no principle "purpos" in rubric pes-27']);
    expect((await errorsFor(VALID.replace('sector: private', 'sector: privat')))[0]).toMatch(/^responses\/ana\.yaml:6:11 respondent\.sector: .*did you mean "private"\?$/);
  });

  it('reports a missing field at the top of the file', async () => {
    expect((await errorsFor(VALID.replace('date: 2026-06-12\n', '')))[0]).toMatch(/^responses\/ana\.yaml:1:1 date: missing/);
  });
});

describe('survey template', () => {
  it('lists one question per CSV row: the profile, every statement, and a comment per principle', async () => {
    const rows = parse(surveyTemplateCsv(rubric)) as string[][];
    expect(rows[0]).toEqual(['question_id', 'section', 'question', 'type', 'options']);
    const questions = rows.slice(1);
    const questionCount = 3 + rubric.practices.length + rubric.principles.length;
    // 3 profile questions + a statement per practice + a comment box per principle.
    expect(questions).toHaveLength(questionCount);
    expect(questions.slice(0, 3).map(([id]) => id)).toEqual(['organisation', 'sector', 'role']);
    const statements = questions.filter(([, , , type]) => type === 'scale');
    expect(statements.map(([id]) => id)).toEqual(rubric.practices.map((practice) => practice.id));
    expect(statements.map(([, , question]) => question)).toEqual(rubric.practices.map((practice) => practice.statement));
    expect(statements[0]![1]).toBe('1. Clarity of purpose');
    // One option per line: pasted into a forms builder's first option, each line becomes an option.
    expect(statements[0]![4]!.split('\n')).toEqual(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', "Don't know / not applicable"]);
    expect(questions.filter(([id]) => id!.startsWith('comment:')).map(([id]) => id)).toEqual(rubric.principles.map((principle) => `comment:${principle.id}`));
    expect(questions[1]![4]!.split('\n')).toEqual(['private', 'public', 'civil society', 'community', 'academic', 'funder', 'other']);
    expect(questions[2]![4]!.split('\n')[0]).toBe('Leadership (board, steering group, chair)');
    // Without a partnership the organisation is typed in.
    expect(questions[0]!.slice(3)).toEqual(['text', '']);
  });

  it('offers the active partners, by name in code-point order, as the organisation dropdown', () => {
    const coalition = partnership({
      partners: [
        partner('zed', { name: 'Zed Foods' }),
        partner('acme', { name: 'Acme Foods' }),
        partner('gone', { name: 'Gone Ltd', left: '2025-01-01' }),
        partner('later', { name: 'Later Trust', joined: '2027-01-01' }),
      ],
    });
    const rows = parse(surveyTemplateCsv(rubric, { partnership: coalition, asOf: '2026-06-30' })) as string[][];
    expect(rows[1]!.slice(3)).toEqual(['dropdown', 'Acme Foods\nZed Foods']);
    const markdown = surveyTemplateMarkdown(rubric, { partnership: coalition, asOf: '2026-06-30' });
    expect(markdown).toContain('- Organisation: ☐ Acme Foods  ☐ Zed Foods  ☐ other: ______________');
  });

  it('puts each comment box right after the last statement of its principle', async () => {
    const ids = (parse(surveyTemplateCsv(rubric)) as string[][]).slice(1).map(([id]) => id);
    // Practice 3 closes "purpose", practice 10 closes "momentum".
    expect(ids.indexOf('comment:purpose')).toBe(ids.indexOf('ruthless-prioritization') + 1);
    expect(ids.indexOf('comment:momentum')).toBe(ids.indexOf('experimentation') + 1);
  });

  it('ends every CSV row with CRLF', async () => {
    const csv = surveyTemplateCsv(rubric);
    expect(csv.endsWith('\r\n')).toBe(true);
    // The header, 3 profile questions, a statement per practice and a comment box per principle, then the final CRLF.
    expect(csv.split('\r\n')).toHaveLength(1 + 3 + rubric.practices.length + rubric.principles.length + 1);
  });

  it('prints a section per principle with a row of five boxes per statement and a "?" box', async () => {
    const markdown = surveyTemplateMarkdown(rubric, { partnership: partnership({ partnership: { name: 'Cedar Valley Coalition' } }), asOf: '2026-06-30' });
    expect(markdown.split('\n')[0]).toBe('# Cedar Valley Coalition: partnership health survey');
    const sections = markdown.split(/^## /m).slice(1);
    expect(sections.map((section) => section.split('\n')[0])).toEqual([
      'About you (optional)',
      ...rubric.principles.map((principle) => `${principle.number}. ${principle.title}`),
    ]);
    const rows = markdown.match(/^\| \d+ \| .*$/gm) ?? [];
    expect(rows).toHaveLength(rubric.practices.length);
    for (const row of rows) expect(row.match(/☐/g)).toHaveLength(6);
    // The rows of section 2 are practices 4-10.
    const momentumRows = sections[2]!.match(/^\| (\d+) \|/gm)!.map((row) => Number(/\d+/.exec(row)![0]));
    expect(momentumRows).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(markdown).toContain(rubric.practices[0]!.statement);
  });

  it('has a generic title without a partnership name', async () => {
    expect(surveyTemplateMarkdown(rubric).split('\n')[0]).toBe('# Partnership health survey');
  });
});

describe('the response writer', () => {
  it('writes exactly what the YAML library writes, for any text in any field', async () => {
    const { default: fc } = await import('fast-check');
    const { stringify } = await import('yaml');
    const { hostileText } = await import('../helpers/hostile-text.js');
    const text = fc.oneof(fc.string(), hostileText(), fc.constantFrom('', ' a', 'a ', '- a', '? a', 'a: b', '#x', "'q'", '"q"', 'null', 'true', '12', '0x1F', '2026-06-12', 'line\nbreak', '|', '>', '~', '@x', '`x', '%x'));
    fc.assert(
      fc.property(text, text, text, fc.option(text, { nil: undefined }), fc.dictionary(fc.constantFrom('purpose', 'momentum'), text), (partnershipName, organisation, comment, name, comments) => {
        const response = newResponse(rubric, partnershipName || 'p', 'r-1', '2026-06-12', 'pes survey import');
        response.respondent.organisation = organisation || 'o';
        if (name !== undefined && name !== '') response.respondent.name = name;
        response.answers[rubric.practices[0]!.id] = 4;
        response.answers[rubric.practices[1]!.id] = DONT_KNOW;
        response.comments = { ...comments, ...(comment !== '' ? { purpose: comment } : {}) };
        const expected = `# partnership-health survey response (one respondent). Written by pes; edit with care.\n${stringify(response, { lineWidth: 0 })}`;
        expect(serializeResponse(response, rubric)).toBe(expected);
      }),
      { numRuns: Number(process.env.PES_FUZZ_RUNS ?? 300) },
    );
  });
});
