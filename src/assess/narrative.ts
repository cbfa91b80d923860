/**
 * The paragraph a report opens with: the overall band and how much of the file it rests
 * on, the strongest principle, the biggest gap and the one action that would move it,
 * what the survey adds, and the change since the baseline with every practice that fell,
 * in words a partner can retell without the numbers page.
 */
import type { Report } from '../model/report.js';
import { coverageText } from './messages.js';

const BAND_WORDS: Record<Report['overall']['band'], string> = {
  strong: 'in strong health',
  developing: 'developing: sound in places, with clear gaps',
  gap: 'struggling: most practices show gaps',
  not_described: 'not yet described enough to judge',
  not_applicable: 'not assessed',
};

export function narrate(report: Omit<Report, 'narrative'>): string {
  const sentences: string[] = [];
  const { overall } = report;
  if (overall.band === 'not_described') {
    sentences.push(`${report.partnership.name} is ${BAND_WORDS.not_described}: the file gives evidence for none of its ${overall.total} practices.`);
  } else {
    const score = overall.score === null ? '' : ` (${Math.round(overall.score)} of 100)`;
    const provisional = overall.provisional ? '; that is too little of the file for the band to be more than provisional' : '';
    sentences.push(`${report.partnership.name} is ${BAND_WORDS[overall.band]}${score}, judged from ${coverageText(overall)}${provisional}.`);
  }
  if (report.placeholders.length > 0) {
    const count = report.placeholders.length;
    sentences.push(`${count} value${count === 1 ? ' is' : 's are'} still a placeholder in the file and count${count === 1 ? 's' : ''} as not described.`);
  }

  // Only principles judged on enough of the file are compared: a principle is not the "strongest" for having been left out.
  const judged = report.principles.filter((principle) => principle.score !== null && !principle.provisional);
  if (judged.length > 1) {
    const strongest = [...judged].sort((a, b) => b.score! - a.score! || a.number - b.number)[0]!;
    const weakest = [...judged].sort((a, b) => a.score! - b.score! || a.number - b.number)[0]!;
    sentences.push(`Its strongest area is ${lower(strongest.title)} (${Math.round(strongest.score!)}); its weakest is ${lower(weakest.title)} (${Math.round(weakest.score!)}).`);
  }

  const top = report.recommendations[0];
  if (top) {
    const practice = report.practices.find((p) => p.number === top.practice)!;
    const standing = practice.score === null ? 'no evidence yet' : `${Math.round(practice.score)} of 100`;
    sentences.push(`The biggest gap is "${practice.title}" (${standing}). A first step: ${lower(firstSentence(top.advice[0]!))}`);
  } else if (overall.band === 'strong' && !overall.provisional) {
    sentences.push('No practice needs urgent work; keep the habits that got you here.');
  }

  if (report.survey && report.overall.perception?.mean != null) {
    const disagreement = report.disagreements[0];
    const paperOnly = report.practices.find((practice) => practice.labels.includes('paper_only'));
    const people = `${report.survey.respondents} ${report.survey.respondents === 1 ? 'person' : 'people'}`;
    let survey = report.survey.smallSample
      ? `Only ${people} answered the survey (average ${report.overall.perception.mean.toFixed(1)} out of 5), too few to speak for the partnership`
      : `${people} answered the survey, with an average of ${report.overall.perception.mean.toFixed(1)} out of 5`;
    if (disagreement) {
      const gap = disagreement.widestGroupGap;
      survey += `; they disagree most about "${report.practices.find((p) => p.number === disagreement.practice)!.short}"${gap ? ` (${gap.high.group} ${gap.high.mean.toFixed(1)}, ${gap.low.group} ${gap.low.mean.toFixed(1)})` : ''}`;
    }
    if (paperOnly) survey += `, and "${paperOnly.short}" exists on paper more than in practice`;
    sentences.push(`${survey}.`);
  }

  const baseline = report.baseline;
  if (baseline && baseline.overall.delta !== null) {
    const delta = baseline.overall.delta;
    const moved = delta === 0 ? 'is unchanged' : `${delta > 0 ? 'rose' : 'fell'} by ${points(delta)}`;
    sentences.push(`Since the assessment of ${baseline.asOf} the overall score ${moved}.`);
  }
  const fell = (baseline?.practices ?? []).filter((practice) => practice.delta !== null && Math.round(practice.delta) < 0);
  if (fell.length > 0) {
    const named = fell
      .sort((a, b) => a.delta! - b.delta! || a.number - b.number)
      .map((change) => `"${report.practices.find((p) => p.id === change.id)!.short}" (down ${points(change.delta!)})`);
    sentences.push(`${fell.length === 1 ? 'One practice' : `${fell.length} practices`} fell: ${listed(named)}.`);
  }
  return sentences.join(' ');
}

function points(delta: number): string {
  const size = Math.abs(Math.round(delta));
  return `${size} point${size === 1 ? '' : 's'}`;
}

/** "a", "a and b", "a, b and c": every item named, since the narrative is where a fall must not go unmentioned. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function lower(title: string): string {
  // Keep acronyms and "IN"/"ON" as written; lower-case only an ordinary leading capital.
  return /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return match ? match[1]! : text.trim();
}
