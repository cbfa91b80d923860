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
