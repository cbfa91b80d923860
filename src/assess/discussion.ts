/**
 * The discussion guide: the few practices a workshop should talk about first.
 * Paper-only practices and the widest disagreements come first, each with the
 * rubric's question for the room.
 */
import type { PracticeResult, Report } from '../model/report.js';
import type { Practice, Rubric } from '../model/rubric.js';
import { disagreementSize, type Triangulation } from './triangulate.js';

/** A practice with its result and triangulation: what the discussion guide chooses from. */
export interface AssessedPractice {
  practice: Practice;
  result: PracticeResult;
  triangulation: Triangulation;
}

export const DISCUSSION_MIN = 3;
export const DISCUSSION_MAX = 5;

export function selectDiscussion(candidates: readonly AssessedPractice[], rubric: Rubric): Report['discussion'] {
  // A practice the partnership chose not to pursue is not a topic for the room, and a handful of answers is no reason to raise one.
  const surveyed = candidates.filter(
    ({ result }) => result.notApplicable === null && result.perception !== null && result.perception.mean !== null && !result.tooFewAnswers,
  );
  const urgency = ({ result, triangulation }: AssessedPractice): number => {
    const perception = result.perception!;
    // Paper-only practices get a head start (a process nobody experiences is cheap to fix by talking);
    // a disagreement wider than that head start still ranks first.
    const paperOnly = result.labels.includes('paper_only') ? 2 + (rubric.triangulation.low_mean - perception.mean!) : 0;
    const disagreement = result.labels.includes('divergent') ? disagreementSize(perception.sd, triangulation.widestGroupGap) : 0;
    return paperOnly + disagreement;
  };
  const flagged = surveyed
    .map((candidate) => ({ candidate, urgency: urgency(candidate) }))
    .filter((entry) => entry.urgency > 0)
    .sort((a, b) => b.urgency - a.urgency || a.candidate.result.number - b.candidate.result.number);
  const chosen = flagged.slice(0, DISCUSSION_MAX).map((entry) => entry.candidate);
  // With fewer than three flagged, add the practices people rate lowest, so the room always has a start.
  const lowest = surveyed
    .filter((candidate) => !chosen.includes(candidate))
    .sort((a, b) => a.result.perception!.mean! - b.result.perception!.mean! || a.result.number - b.result.number);
  while (chosen.length < DISCUSSION_MIN && lowest.length > 0) chosen.push(lowest.shift()!);
  return chosen.map(({ result, triangulation, practice }) => {
    const perception = result.perception!;
    const reason = result.labels.includes('paper_only') ? 'paper_only' : result.labels.includes('divergent') ? 'divergent' : 'low_perception';
    const gap = triangulation.widestGroupGap;
    const detail =
      reason === 'paper_only'
        ? `in place on paper (evidence ${result.evidence.score}), but people rate it ${perception.mean!.toFixed(1)} of 5`
        : reason === 'divergent'
          ? `answers range ${perception.min}-${perception.max} (sd ${perception.sd})${gap && gap.gap > 0 ? `; ${gap.high.group} ${gap.high.mean} vs ${gap.low.group} ${gap.low.mean}` : ''}`
          : `rated ${perception.mean!.toFixed(1)} of 5, among the lowest`;
    return { practice: result.number, title: result.title, reason, detail, question: practice.question };
  });
}
