import * as z from 'zod/mini';
/** Builders for in-memory partnerships, so each check test states only the facts it is about. */
import type { AnyCheck, CheckOutcome } from '../../src/checks/check.js';
import { formatLocatedError } from '../../src/load/located-error.js';
import { loadPartnership } from '../../src/load/partnership.js';
import { partnershipSchema, type Partnership } from '../../src/model/partnership.js';

export const AS_OF = '2026-06-30';

/** A valid partnership with nothing but a name, plus whatever the test adds. Validated, so tests cannot drift from the format. */
export function partnership(extra: Partial<Partnership> = {}): Partnership {
  const candidate = { ...extra, partnership: { name: 'Test partnership', ...extra.partnership } };
  const parsed = partnershipSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`test fixture is not a valid partnership: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

/** Runs a check with parameters parsed (defaults applied) as the rubric loader would. */
export function run(check: AnyCheck, data: Partnership, params: Record<string, unknown> = {}, asOf = AS_OF): CheckOutcome {
  const parsed = check.params(z).safeParse(params);
  if (!parsed.success) throw new Error(`bad params for ${check.name}: ${JSON.stringify(parsed.error.issues)}`);
  return check.evaluate({ partnership: data, asOf }, parsed.data);
}

export function partner(id: string, extra: Record<string, unknown> = {}) {
  return { id, name: id.toUpperCase(), sector: 'civil_society' as const, tier: 'core' as const, joined: '2024-01-01', ...extra };
}

/** The errors `pes validate` would print for a partnership file's text, which must be rejected. */
export async function errorsOf(text: string): Promise<string[]> {
  const result = await loadPartnership('p.yaml', text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors.map(formatLocatedError);
}
