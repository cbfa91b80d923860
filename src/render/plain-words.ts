/**
 * The partner audience's words for what the coordinator reads as file syntax. A partner
 * has never seen the YAML: `communications.roi_narratives` means nothing to them, and
 * "(line 502)" even less. The rubric's prose quotes fields as `key` spans; for partners
 * each span becomes the plain name of the thing it records ("ROI narratives").
 */
import type { Audience } from '../model/formats.js';
import type { CheckResult } from '../model/report.js';
import { findingText } from './labels.js';

/** Abbreviations a field name spells in lower case that read in capitals. */
const CAPITALS: Record<string, string> = { roi: 'ROI', fte: 'FTE', mou: 'MOU', id: 'ID' };

function words(identifier: string): string {
  return identifier
    .split(/_+/)
    .filter(Boolean)
    .map((word) => CAPITALS[word] ?? word)
    .join(' ');
}

/**
 * The plain name of a quoted field or setting: its last key, in words.
 * `communications.roi_narratives` -> "ROI narratives"; `teams[].team_building` -> "team building";
 * `tier: community_of_interest` -> "tier: community of interest". Anything else is returned as written.
 */
export function plainField(literal: string): string {
  const [key, ...value] = literal.split(':');
  if (!/^\s*[a-z][a-z0-9_]*(\[\])?(\.[a-z][a-z0-9_]*(\[\])?)*\s*$/.test(key!)) return literal;
  const last = key!.trim().split('.').at(-1)!.replace(/\[\]$/, '');
  const named = words(last);
  return value.length > 0 ? `${named}: ${words(value.join(':').trim())}` : named;
}

/** One open finding as the audience reads it: the coordinator gets its line(s) in the file, partners only the words. */
export function findingFor(check: CheckResult, audience: Audience): string {
  return audience === 'coordinator' ? findingText(check) : check.message;
}
