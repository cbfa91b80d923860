/** Reading the partnership the way several checks need to: by path, and as of a date. */
import { onOrBefore } from '../model/dates.js';
import type { IsoDate } from '../model/dates.js';
import type { Partner, Partnership } from '../model/partnership.js';

export type FieldPath = readonly string[];

export function splitPath(dotted: string): string[] {
  return dotted.split('.');
}

/** The value at a path of object keys, or undefined when any step is missing. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function listAt(root: unknown, path: FieldPath): unknown[] | undefined {
  const value = valueAt(root, path);
  return Array.isArray(value) ? value : undefined;
}

export interface Indexed<T> {
  item: T;
  index: number;
}

export function indexed<T>(items: readonly T[] | undefined): Indexed<T>[] {
  return (items ?? []).map((item, index) => ({ item, index }));
}

/** Partners that had joined and not yet left on `asOf`. */
export function activePartners(partnership: Partnership, asOf: IsoDate): Indexed<Partner>[] {
  return indexed(partnership.partners).filter(({ item }) => isActive(item, asOf));
}

export function isActive(span: { joined: IsoDate; left?: IsoDate | undefined }, asOf: IsoDate): boolean {
  return onOrBefore(span.joined, asOf) && !(span.left !== undefined && onOrBefore(span.left, asOf));
}

export function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}
