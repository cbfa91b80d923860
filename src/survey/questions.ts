/** The questionnaire, in the order a respondent meets it: principle by principle. */
import type { Practice, Principle, Rubric } from '../model/rubric.js';

export interface Question {
  practice: Practice;
  principle: Principle;
  /** 0-based position in the questionnaire. */
  index: number;
  total: number;
  /** True for the last question of its principle, after which a comment is offered. */
  closesPrinciple: boolean;
}

/** The question after the last statement of a principle; an import recognises a column by it. */
export function commentStem(principle: Principle): string {
  return `Anything to add about "${principle.title}"`;
}

export function commentQuestion(principle: Principle): string {
  return `${commentStem(principle)}?`;
}

export function questionnaire(rubric: Rubric): Question[] {
  const ordered = rubric.principles.flatMap((principle) =>
    rubric.practices.filter((practice) => practice.principle === principle.id).map((practice) => ({ practice, principle })),
  );
  return ordered.map(({ practice, principle }, index) => ({
    practice,
    principle,
    index,
    total: ordered.length,
    closesPrinciple: ordered[index + 1]?.principle.id !== principle.id,
  }));
}
