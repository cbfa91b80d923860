import * as z from 'zod/mini';
/** The words a user reads for an outcome, checked to have every placeholder filled. */
import { formatOutcome } from '../../src/assess/messages.js';
import type { AnyCheck, CheckOutcome } from '../../src/checks/check.js';

export function messageOf(check: AnyCheck, outcome: CheckOutcome, params: Record<string, unknown> = {}): string {
  const text = formatOutcome(check, outcome, check.params(z).parse(params) as Record<string, unknown>);
  const unfilled = /\{\w+%?\}/.exec(text);
  if (unfilled) throw new Error(`${check.name} message "${outcome.messageId}" leaves ${unfilled[0]} unfilled: ${text}`);
  return text;
}
