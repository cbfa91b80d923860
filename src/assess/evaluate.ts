/** Runs every practice's evidence checks against a partnership. Pure: same inputs, same outcomes. */
import { CHECKS } from '../checks/index.js';
import type { AnyCheck, CheckOutcome } from '../checks/check.js';
import type { IsoDate } from '../model/dates.js';
import type { Partnership } from '../model/partnership.js';
import type { CheckUse, Practice, Rubric } from '../model/rubric.js';

export interface CheckEvaluation {
  use: CheckUse;
  check: AnyCheck;
  outcome: CheckOutcome;
}

export interface PracticeEvaluation {
  practice: Practice;
  checks: CheckEvaluation[];
}

export function evaluateRubric(rubric: Rubric, partnership: Partnership, asOf: IsoDate): PracticeEvaluation[] {
  const context = { partnership, asOf };
  return rubric.practices.map((practice) => ({
    practice,
    checks: practice.checks.map((use) => {
      const check = CHECKS.get(use.check);
      // The rubric loader already refused unknown checks, so a miss here is a bug.
      if (!check) throw new Error(`unknown check ${use.check}`);
      return { use, check, outcome: check.evaluate(context, use.params) };
    }),
  }));
}
