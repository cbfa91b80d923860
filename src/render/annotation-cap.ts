/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops
 * the rest without a word. pes keeps within a cap per level itself: the most important
 * annotations of each level are written as commands, one notice says how many of each
 * were left out and which, and the left-out ones follow as plain log lines, so nothing
 * disappears.
 */
import { DEFAULT_MAX_ANNOTATIONS } from '../model/defaults.js';
import { terminalSafe } from '../text/sanitize.js';
import { type Annotation, type AnnotationLevel, workflowCommand } from './workflow-command.js';



export interface CandidateAnnotation extends Annotation {
  /** How the summary names it when it is left out: `#3`, `line 40`. */
  ref: string;
  /** Kept before any other of its level (the overall score, the report's cautions). */
  pinned?: boolean;
  /** Lower goes first when a level has more than fit. */
  rank: number;
}

const LEVELS: AnnotationLevel[] = ['error', 'warning', 'notice'];
const PLURAL: Record<AnnotationLevel, string> = { error: 'errors', warning: 'warnings', notice: 'notices' };
/** How many refs the summary lists per level before it says "and N more". */
const REFS_SHOWN = 12;

/** The workflow commands to print, in the order given, within `max` per level, plus the summary and the left-out lines. */
export function cappedAnnotations(candidates: readonly CandidateAnnotation[], max: number, summaryTitle: string): string[] {
  const fits = LEVELS.every((level) => candidates.filter((candidate) => candidate.level === level).length <= max);
  if (fits) return candidates.map(workflowCommand);
  const kept = new Set<CandidateAnnotation>();
  const left = new Map<AnnotationLevel, CandidateAnnotation[]>();
  for (const level of LEVELS) {
    // The summary is a notice of its own.
    const room = level === 'notice' ? max - 1 : max;
    const ordered = candidates
      .map((candidate, index) => ({ candidate, index }))
      .filter(({ candidate }) => candidate.level === level)
      .sort((a, b) => Number(b.candidate.pinned ?? false) - Number(a.candidate.pinned ?? false) || a.candidate.rank - b.candidate.rank || a.index - b.index)
      .map(({ candidate }) => candidate);
    ordered.slice(0, Math.max(room, 0)).forEach((candidate) => kept.add(candidate));
    const out = ordered.slice(Math.max(room, 0));
    if (out.length > 0) left.set(level, candidates.filter((candidate) => out.includes(candidate)));
  }
  const parts = [...left].map(([level, out]) => {
    const refs = [...new Set(out.map((candidate) => candidate.ref))];
    const listed = refs.length > REFS_SHOWN ? `${refs.slice(0, REFS_SHOWN).join(', ')} and ${refs.length - REFS_SHOWN} more` : refs.join(', ');
    return `${out.length} ${out.length === 1 ? PLURAL[level].slice(0, -1) : PLURAL[level]} (${listed})`;
  });
  const total = [...left.values()].reduce((sum, out) => sum + out.length, 0);
  const summary = workflowCommand({
    level: 'notice',
    title: summaryTitle,
    message: `${total} left out of the annotations, which keep to ${max} of each level per step (GitHub shows ${DEFAULT_MAX_ANNOTATIONS}): ${parts.join(', ')}; each is listed in this step's log below`,
  });
  const leftLines = [...left.values()].flat().map((candidate) => terminalSafe(`${where(candidate)} ${candidate.level}: ${candidate.title}: ${candidate.message}`));
  return [...candidates.filter((candidate) => kept.has(candidate)).map(workflowCommand), summary, ...leftLines];
}

function where(annotation: Annotation): string {
  if (annotation.file === undefined) return 'pes:';
  if (annotation.line === undefined) return `${annotation.file}:`;
  return `${annotation.file}:${annotation.line}:${annotation.column ?? 1}`;
}
