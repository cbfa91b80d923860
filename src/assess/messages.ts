/** The one place an outcome becomes words (publint's formatMessage): templates from the check, data from the outcome. */
import { fillTemplate, type AnyCheck, type CheckOutcome } from '../checks/check.js';

export function formatOutcome(check: AnyCheck, outcome: CheckOutcome, params: Record<string, unknown>): string {
  if (outcome.messageId === 'not_described') return `not described: add ${describeNeeds(check, params)}`;
  const template = check.messages[outcome.messageId];
  if (template === undefined) throw new Error(`check ${check.name} has no message "${outcome.messageId}"`);
  return fillTemplate(template, outcome.data);
}

export function describeNeeds(check: AnyCheck, params: Record<string, unknown>): string {
  return fillTemplate(check.needs, params);
}

export function describeCheck(check: AnyCheck, params: Record<string, unknown>): string {
  return fillTemplate(check.description, params);
}

export interface CoverageFigures {
  coverage: number;
  described: number;
  total: number;
}

/** "evidence for 12 of 27 practices, 38% of the weight": how much of the rubric a score rests on, in every format. */
export function coverageText({ coverage, described, total }: CoverageFigures): string {
  return `evidence for ${described} of ${total} practice${total === 1 ? '' : 's'}, ${weightPercent(coverage)} of the weight`;
}

/** A share as a whole percentage that never rounds a partial share up to 100% or down to 0%. */
export function weightPercent(share: number): string {
  const rounded = Math.round(share * 100);
  const shown = share > 0 && share < 1 ? Math.min(99, Math.max(1, rounded)) : rounded;
  return `${shown}%`;
}
