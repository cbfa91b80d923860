/**
 * The workshop's charts, drawn from the report object: unknown values are never drawn
 * as zero, counts follow the answers, only the report's own (suppressed) groups
 * appear, and every text from a file is escaped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { answerDistribution } from '../../src/render/svg/answer-distribution.js';
import { groupGaps } from '../../src/render/svg/group-gaps.js';
import { perceptionRadar } from '../../src/render/svg/perception-radar.js';

const report = JSON.parse(readFileSync(new URL('../golden/mature-coalition-survey.json', import.meta.url), 'utf8')) as Report;
const words = { scale: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'], dontKnow: "Don't know" };
const HOSTILE = '<img src=x onerror=alert(1)> & "quoted" \'single\'';

/** Text content of an SVG, with its markup removed: what a reader sees. */
const textOf = (svg: string) => svg.replace(/<[^>]+>/g, ' ');

function polygonPoints(svg: string, shape: 'evidence' | 'perception'): string[] {
  const group = new RegExp(`<g data-shape="${shape}">(.*?)</g>`).exec(svg)![1]!;
  return [...group.matchAll(/<(?:circle cx="([\d.]+)" cy="([\d.]+)"|rect x="([\d.]+)" y="([\d.]+)")/g)].map((match) => match.slice(1).filter(Boolean).join(','));
}

describe('perception radar', () => {
  it('draws evidence and perception as two shapes with a point per principle, over labelled band rings', () => {
    const svg = perceptionRadar(report.principles, report.scoring.bands, 'Radar');
    expect(polygonPoints(svg, 'evidence')).toHaveLength(report.principles.length);
    expect(polygonPoints(svg, 'perception')).toHaveLength(report.principles.length);
    expect(svg).toMatch(/<polygon points="[^"]+" fill="#0072B2"/);
    for (const level of [report.scoring.bands.developing, report.scoring.bands.strong, 100]) expect(svg).toContain(`>${level}</text>`);
    const purpose = report.principles[0]!;
    expect(textOf(svg)).toContain(`${Math.round(purpose.evidenceScore!)}`);
    expect(textOf(svg)).toContain(`${Math.round(purpose.perception!.score!)}`);
  });

  it('draws a principle without evidence or answers as unknown: no point, an open outline, the words on the label', () => {
    const principles = structuredClone(report.principles);
    principles[2]!.evidenceScore = null;
    principles[4]!.perception = null;
    const svg = perceptionRadar(principles, report.scoring.bands, 'Radar');
    expect(polygonPoints(svg, 'evidence')).toHaveLength(principles.length - 1);
    expect(polygonPoints(svg, 'perception')).toHaveLength(principles.length - 1);
    // No closed, filled shape that would invent a side through the missing principle.
    expect(/<g data-shape="evidence"><polygon/.test(svg)).toBe(false);
    expect(textOf(svg)).toContain('not described');
    expect(textOf(svg)).toContain('no answers');
    // Nothing sits on the centre, where a zero would be drawn.
    expect(svg).not.toMatch(/cx="340\.0" cy="232\.0"/);
  });

  it('escapes every label', () => {
    const principles = structuredClone(report.principles);
    principles[0]!.short = HOSTILE;
    principles[0]!.title = HOSTILE;
    const svg = perceptionRadar(principles, report.scoring.bands, HOSTILE);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;');
  });
});

describe('answer distribution', () => {
  it('splits each statement’s answers around the neutral line, with the counts inside and "don’t know" apart', () => {
    const svg = answerDistribution(report, words, 'Answers');
    const integration = report.practices.find((practice) => practice.number === 15)!;
    const row = new RegExp(`<g data-practice="15">(.*?)</g>`).exec(svg)![1]!;
    const widths = [...row.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map((match) => Number(match[2]));
    const n = integration.perception!.n;
    expect(widths).toEqual(integration.perception!.distribution.filter((count) => count > 0).map((count) => Number(((count / n) * 250).toFixed(1))));
    // Disagree and half the neutral answers lie left of the centre line at x=560.
    const firstX = Number(/<rect x="([\d.]+)"/.exec(row)![1]);
    const [d1, d2, d3] = integration.perception!.distribution;
    expect(firstX).toBeCloseTo(560 - ((d1! + d2! + d3! / 2) / n) * 250, 0);
    expect(row).toContain(`data-mean="${integration.perception!.mean!.toFixed(1)}"`);
    expect(row).toContain('>split<');
    const withDontKnow = report.practices.find((practice) => (practice.perception?.dontKnow ?? 0) > 0)!;
    expect(new RegExp(`<g data-practice="${withDontKnow.number}">.*?fill="#9aa0a6"`).test(svg)).toBe(true);
  });

  it('says "no answers yet" rather than drawing an empty bar as a score, and escapes labels', () => {
    const practices = structuredClone(report.practices);
    practices[0]!.perception = null;
    practices[0]!.short = HOSTILE;
    const svg = answerDistribution({ principles: report.principles, practices }, { scale: [HOSTILE, 'b', 'c', 'd', 'e'], dontKnow: HOSTILE }, HOSTILE);
    expect(svg).toMatch(/<g data-practice="1">.*no answers yet/);
    expect(svg).not.toContain('<img');
  });
});

describe('group gaps', () => {
  it('shows the report’s groups of the dimension that splits widest, and no others', () => {
    const svg = groupGaps(report, 'Groups');
    const shown = [...svg.matchAll(/data-practice="15" data-dimension="([^"]+)" data-group="([^"]+)" data-mean="([\d.]+)"/g)].map((match) => [match[1], match[2], Number(match[3])]);
    const expected = report.practices[14]!.perception!.groups.filter((group) => group.dimension === 'sector').map((group) => [group.dimension, group.group, group.mean]);
    expect(shown.sort()).toEqual(expected.sort());
    expect(svg).toContain('by sector: 3.0 apart');
  });

  it('says why nothing is shown when no group stands apart, naming the minimum group size', () => {
    const svg = groupGaps({ ...report, disagreements: [] }, 'Groups');
    expect(textOf(svg)).toContain(`fewer than ${report.survey!.minGroupSize} people`);
    expect(svg).not.toContain('data-group');
  });

  it('escapes group names and titles', () => {
    const hostile = structuredClone(report);
    hostile.practices[14]!.perception!.groups[0]!.group = HOSTILE;
    hostile.disagreements[0]!.title = HOSTILE;
    const svg = groupGaps(hostile, HOSTILE);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('data-group="&lt;img');
  });
});
