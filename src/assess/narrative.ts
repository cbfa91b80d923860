/**
 * The paragraph a report opens with: the overall band, the strongest principle, the
 * biggest gap and the one action that would move it, what the survey adds, and the
 * change since the baseline, in words a partner can retell without the numbers page.
 */
import type { Report } from '../model/report.js';

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
  const score = overall.score === null ? '' : ` (${Math.round(overall.score)} of 100)`;
  const described = overall.provisional ? `, judged from only ${overall.described} of ${overall.total} practices` : '';
  sentences.push(`${report.partnership.name} is ${BAND_WORDS[overall.band]}${score}${described}.`);

  const scored = report.principles.filter((principle) => principle.score !== null);
  if (scored.length > 1) {
    const strongest = [...scored].sort((a, b) => b.score! - a.score! || a.number - b.number)[0]!;
    const weakest = [...scored].sort((a, b) => a.score! - b.score! || a.number - b.number)[0]!;
    sentences.push(`Its strongest area is ${lower(strongest.title)} (${Math.round(strongest.score!)}); its weakest is ${lower(weakest.title)} (${Math.round(weakest.score!)}).`);
  }

  const top = report.recommendations[0];
  if (top) {
    const practice = report.practices.find((p) => p.number === top.practice)!;
    sentences.push(`The biggest gap is "${practice.title}" (${Math.round(practice.score ?? 0)} of 100). A first step: ${lower(firstSentence(top.action))}`);
  } else if (overall.band === 'strong') {
    sentences.push('No practice needs urgent work; keep the habits that got you here.');
  }

  if (report.survey && report.overall.perception?.mean != null) {
    const disagreement = report.disagreements[0];
    const paperOnly = report.practices.find((practice) => practice.labels.includes('paper_only'));
    let survey = `${report.survey.respondents} people answered the survey, with an average of ${report.overall.perception.mean.toFixed(1)} out of 5`;
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
    const moved = delta === 0 ? 'is unchanged' : `${delta > 0 ? 'rose' : 'fell'} by ${Math.abs(Math.round(delta))} point${Math.abs(Math.round(delta)) === 1 ? '' : 's'}`;
    sentences.push(`Since the assessment of ${baseline.asOf} the overall score ${moved}.`);
  }
  return sentences.join(' ');
}

function lower(title: string): string {
  // Keep acronyms and "IN"/"ON" as written; lower-case only an ordinary leading capital.
  return /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return match ? match[1]! : text.trim();
}
