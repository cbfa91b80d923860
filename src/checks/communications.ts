/** Practices 2 and 8: a steady rhythm of communication, and public statements under an agreed protocol. */
import type { ZodMini } from './check.js';
import { CADENCE_MONTHS } from '../model/cadence.js';
import { onOrBefore } from '../model/dates.js';
import { CADENCES, type Cadence } from '../model/vocabulary.js';
import { defineCheck, gradeAtMost, nameList } from './check.js';
import { fieldPath, label } from './params.js';
import { splitPath, valueAt } from './read.js';

const cadence = (z: ZodMini) => z.enum(CADENCES);

export const cadenceAtLeast = defineCheck({
  name: 'cadenceAtLeast',
  description: '{what} happens {met} or more often (partly met at {partly}).',
  params: (z: ZodMini) => z.strictObject({ field: fieldPath(z), what: label(z), met: cadence(z), partly: cadence(z) }),
  needs: '`{field}` (weekly, biweekly, monthly, quarterly, semiannual, annual or ad_hoc)',
  messages: {
    often: '{what}: {cadence}',
    seldom: '{what}: {cadence}; aim for {met} or more often',
  },
  evaluate({ partnership }, params) {
    const path = splitPath(params.field);
    const value = valueAt(partnership, path) as Cadence | undefined;
    if (value === undefined) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const status = gradeAtMost(CADENCE_MONTHS[value], CADENCE_MONTHS[params.met], CADENCE_MONTHS[params.partly]);
    return { status, messageId: status === 'met' ? 'often' : 'seldom', data: { what: params.what, cadence: value.replace('_', ' '), met: params.met }, path };
  },
});

export const publicStatementsUnderProtocol = defineCheck({
  name: 'publicStatementsUnderProtocol',
  description:
    'A communication protocol says when partners may speak publicly and take credit, and every public statement by a partner followed it.',
  params: (z: ZodMini) => z.strictObject({}),
  needs: '`governance.communication_protocol` and `communications.public_statements`',
  messages: {
    followed: 'protocol in place; all {total} public statements followed it',
    protocol_only: 'protocol in place; no public statements recorded yet',
    broken: 'protocol in place, but {broken} of {total} public statements bypassed it: {details}',
    no_protocol_statements: 'no communication protocol, yet partners made {total} public statements: {details}',
    no_protocol: 'no communication protocol for public statements or credit-taking',
  },
  evaluate({ partnership, asOf }) {
    const written = partnership.governance?.communication_protocol;
    // A protocol adopted after the as-of date did not exist yet on that day.
    const protocol = written && (written.adopted === undefined || written.adopted <= asOf) ? written : undefined;
    const statements = (partnership.communications?.public_statements ?? [])
      .map((statement, index) => ({ statement, index }))
      .filter(({ statement }) => onOrBefore(statement.date, asOf));
    const describe = (entries: typeof statements) =>
      nameList(entries.map(({ statement }) => `"${statement.title}" by ${statement.by} (${statement.date})`), 2);
    const statementPath = (index: number) => ['communications', 'public_statements', index];
    if (!protocol) {
      if (statements.length > 0) {
        return {
          status: 'not_met',
          messageId: 'no_protocol_statements',
          data: { total: statements.length, details: describe(statements) },
          path: statementPath(statements[0]!.index),
          related: statements.slice(1).map(({ index }) => statementPath(index)),
        };
      }
      if (partnership.governance === undefined) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['governance'] };
      return { status: 'not_met', messageId: 'no_protocol', data: {}, path: ['governance'] };
    }
    const broken = statements.filter(({ statement }) => statement.followed_protocol === false);
    if (broken.length > 0) {
      return {
        status: 'partly',
        messageId: 'broken',
        data: { broken: broken.length, total: statements.length, details: describe(broken) },
        path: [...statementPath(broken[0]!.index), 'followed_protocol'],
        related: broken.slice(1).map(({ index }) => [...statementPath(index), 'followed_protocol']),
      };
    }
    const messageId = statements.length === 0 ? 'protocol_only' : 'followed';
    return { status: 'met', messageId, data: { total: statements.length }, path: ['governance', 'communication_protocol'] };
  },
});
