/** How respondent groups are named in reports: words, not ids ("civil society", the partner's name). */
import type { Partnership } from '../model/partnership.js';
import type { Dimension } from '../model/perception.js';

export type GroupNamer = (dimension: Dimension, value: string) => string;

export function groupNamer(partnership: Partnership): GroupNamer {
  const names = new Map((partnership.partners ?? []).map((partner) => [partner.id, partner.name]));
  return (dimension, value) => (dimension === 'organisation' ? (names.get(value) ?? value) : value.replace(/_/g, ' '));
}
