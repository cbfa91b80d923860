/**
 * Loads a partnership file: YAML with positions, the zod schema, then the
 * cross-references a schema cannot see (ids that must exist, dates in order).
 */
import { isValidPartnership } from '../model/generated/partnership-valid.js';
import type { Partnership } from '../model/partnership.js';
import { closestMatch } from './closest-match.js';
import type { LocatedError } from './located-error.js';
import { hasPlaceholder, withoutPlaceholders, type Placeholder } from './placeholders.js';
import { limitProblems, MAX_PROBLEMS_PER_FILE, type Problem } from './validate.js';
import type { Path } from '../model/path.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

export interface LoadedPartnership {
  /** The facts of the file: placeholders are already left out (see placeholders.ts). */
  partnership: Partnership;
  /** Locates paths into `partnership` on the file as written. */
  source: YamlSource;
  placeholders: Placeholder[];
}

export type PartnershipLoad = { ok: true; loaded: LoadedPartnership } | { ok: false; errors: LocatedError[] };

export async function loadPartnership(file: string, text: string): Promise<PartnershipLoad> {
  const parsed = await parseYaml(file, text);
  if (!parsed.ok) return parsed;
  const source = parsed.source;
  if (source.value === null || source.value === undefined) {
    return { ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: 'the file is empty; start from `pes init`' }] };
  }
  // The generated check answers at start-up; zod is loaded only to explain a file that fails it.
  if (!isValidPartnership(source.value)) return { ok: false, errors: (await import('./explain-invalid.js')).explainInvalid('partnership', source) };
  const partnership = source.value as Partnership;
  const problems = crossReferenceProblems(partnership);
  if (problems.length > 0) {
    return { ok: false, errors: limitProblems(source, problems) };
  }
  if (!hasPlaceholder(partnership)) return { ok: true, loaded: { partnership, source, placeholders: [] } };
  // Only a file with placeholders needs to know which keys are optional, so only then is the schema loaded.
  const [{ partnershipSchema }, { isOptionalKey }] = await Promise.all([import('../model/partnership.js'), import('../model/schema-walk.js')]);
  const cleaned = withoutPlaceholders(source, (path, key) => isOptionalKey(partnershipSchema, path, key));
  return { ok: true, loaded: { partnership: cleaned.source.value as Partnership, source: cleaned.source, placeholders: cleaned.placeholders } };
}

/** Checks what a schema cannot: references between sections, unique ids, dates in order. */
export function crossReferenceProblems(partnership: Partnership): Problem[] {
  const problems: Problem[] = [];
  const partnerIds = new Set<string>();
  // Suggestions only for problems that will be shown: a file with 20,000 unknown ids must not cost 20,000 searches.
  const suggest = (word: string, candidates: Iterable<string>) => (problems.length < MAX_PROBLEMS_PER_FILE ? closestMatch(word, [...candidates]) : undefined);
  partnership.partners?.forEach((partner, index) => {
    if (partnerIds.has(partner.id)) problems.push({ path: ['partners', index, 'id'], message: `duplicate partner id "${partner.id}"` });
    partnerIds.add(partner.id);
    if (partner.left !== undefined && partner.left < partner.joined) {
      problems.push({ path: ['partners', index, 'left'], message: `left (${partner.left}) is before joined (${partner.joined})` });
    }
  });
  const checkPartner = (id: string, path: Path) => {
    if (partnerIds.has(id)) return;
    const suggestion = suggest(id, partnerIds);
    problems.push({ path, message: `unknown partner id "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}` });
  };

  partnership.teams?.forEach((team, teamIndex) => {
    if (team.launched !== undefined && team.relaunched !== undefined && team.relaunched < team.launched) {
      problems.push({ path: ['teams', teamIndex, 'relaunched'], message: `relaunched (${team.relaunched}) is before launched (${team.launched})` });
    }
    team.members?.forEach((member, memberIndex) => {
      const path = ['teams', teamIndex, 'members', memberIndex];
      if (member.partner !== undefined) checkPartner(member.partner, [...path, 'partner']);
      if (member.left !== undefined && member.left < member.joined) {
        problems.push({ path: [...path, 'left'], message: `left (${member.left}) is before joined (${member.joined})` });
      }
    });
  });

  const communications = partnership.communications;
  communications?.internal_updates?.forEach((update, index) =>
    update.features?.forEach((id, featureIndex) => checkPartner(id, ['communications', 'internal_updates', index, 'features', featureIndex])),
  );
  communications?.recognition?.forEach((entry, index) => checkPartner(entry.recipient, ['communications', 'recognition', index, 'recipient']));
  communications?.public_statements?.forEach((entry, index) => checkPartner(entry.by, ['communications', 'public_statements', index, 'by']));

  const metricNames = new Set<string>();
  partnership.metrics?.forEach((metric, index) => {
    if (metricNames.has(metric.name)) problems.push({ path: ['metrics', index, 'name'], message: `duplicate metric name "${metric.name}"` });
    metricNames.add(metric.name);
  });
  const checkMetric = (name: string, path: Path) => {
    if (metricNames.has(name)) return;
    const suggestion = suggest(name, metricNames);
    problems.push({ path, message: `unknown metric "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ' (cite a name listed under `metrics`)'}` });
  };
  for (const list of ['stories', 'roi_narratives'] as const) {
    communications?.[list]?.forEach((entry, index) =>
      entry.cites_metrics?.forEach((name, citeIndex) => checkMetric(name, ['communications', list, index, 'cites_metrics', citeIndex])),
    );
  }

  const decisionIds = new Set<string>();
  partnership.decisions?.forEach((decision, index) => {
    if (decision.id === undefined) return;
    if (decisionIds.has(decision.id)) problems.push({ path: ['decisions', index, 'id'], message: `duplicate decision id "${decision.id}"` });
    decisionIds.add(decision.id);
  });
  partnership.decisions?.forEach((decision, index) => {
    if (decision.revisits === undefined || decisionIds.has(decision.revisits)) return;
    const suggestion = suggest(decision.revisits, decisionIds);
    problems.push({
      path: ['decisions', index, 'revisits'],
      message: `unknown decision id "${decision.revisits}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    });
  });

  partnership.work_plan?.sprints?.forEach((sprint, index) => {
    if (sprint.end < sprint.start) problems.push({ path: ['work_plan', 'sprints', index, 'end'], message: `end (${sprint.end}) is before start (${sprint.start})` });
  });
  return problems;
}
