/** Practices 2 and 8: a steady rhythm of communication, and public statements under an agreed protocol. */
import type { ZodMini } from './check.js';
import { CADENCE_MONTHS } from '../model/cadence.js';
import { onOrBefore } from '../model/dates.js';
import { CADENCES, type Cadence } from '../model/vocabulary.js';
import { defineCheck, gradeAtLeast, gradeAtMost, nameList } from './check.js';
import { fieldPath, fraction, label } from './params.js';
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
    'A communication protocol says when partners may speak publicly and take credit, and every public statement made since it was adopted followed it (partly met while at least {partly_share%} did).',
  params: (z: ZodMini) => z.strictObject({ partly_share: z._default(fraction(z), 0.5) }),
  needs: '`governance.communication_protocol` and the log `communications.public_statements` (write `[]` if there were none)',
  messages: {
    followed: 'protocol in place; all {total} public statements since it was adopted followed it',
    none_since: 'protocol in place; no public statements made since it was adopted',
    broken: 'protocol in place, but {broken} of {total} public statements since it was adopted bypassed it: {details}',
    unknown: 'protocol in place; {unknown} of {total} public statements since it was adopted do not say whether they followed it: {details}',
    no_protocol_statements: 'no communication protocol, yet partners made {total} public statements: {details}',
  },
  evaluate({ partnership, asOf }, params) {
    const written = partnership.governance?.communication_protocol;
    // A protocol adopted after the as-of date did not exist yet on that day.
    const protocol = written && (written.adopted === undefined || onOrBefore(written.adopted, asOf)) ? written : undefined;
    const log = partnership.communications?.public_statements;
    const statementPath = (index: number) => ['communications', 'public_statements', index];
    const describe = (entries: readonly { statement: NonNullable<typeof log>[number] }[]) =>
      nameList(entries.map(({ statement }) => `"${statement.title}" by ${statement.by} (${statement.date})`), 2);
    // Without the log, whether statements followed the protocol is unknown: the protocol alone proves nothing.
    if (log === undefined) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['communications'] };
    const made = log.map((statement, index) => ({ statement, index })).filter(({ statement }) => onOrBefore(statement.date, asOf));
    if (!protocol) {
      if (made.length === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['governance'] };
      return {
        status: 'not_met',
        messageId: 'no_protocol_statements',
        data: { total: made.length, details: describe(made) },
        path: statementPath(made[0]!.index),
        related: made.slice(1).map(({ index }) => statementPath(index)),
      };
    }
    // Statements from before the protocol existed (often the reason for it) are not judged against it.
    const judged = made.filter(({ statement }) => protocol.adopted === undefined || statement.date >= protocol.adopted);
    if (judged.length === 0) return { status: 'met', messageId: 'none_since', data: {}, path: ['governance', 'communication_protocol'] };
    const broken = judged.filter(({ statement }) => statement.followed_protocol === false);
    const unknown = judged.filter(({ statement }) => statement.followed_protocol === undefined);
    const failing = broken.length > 0 ? broken : unknown;
    if (failing.length === 0) return { status: 'met', messageId: 'followed', data: { total: judged.length }, path: ['governance', 'communication_protocol'] };
    const followed = judged.length - broken.length - unknown.length;
    // Statements that do not say whether they followed the protocol are unverified: they never count as followed.
    const status = broken.length === 0 && followed === 0 ? 'not_described' : gradeAtLeast(followed / judged.length, 1, params.partly_share);
    return {
      status,
      messageId: broken.length > 0 ? 'broken' : 'unknown',
      data: { broken: broken.length, unknown: unknown.length, total: judged.length, details: describe(failing) },
      path: broken.length > 0 ? [...statementPath(failing[0]!.index), 'followed_protocol'] : statementPath(failing[0]!.index),
      related: failing.slice(1).map(({ index }) => statementPath(index)),
    };
  },
});
