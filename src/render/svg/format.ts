/** Numbers and labels as the charts write them. */

/** Coordinates with one decimal, so charts are byte-stable and small. */
export function fixed(value: number): string {
  return value.toFixed(1);
}

/** A label cut to `length` characters (by code point, so no emoji is split), with an ellipsis when cut; the full text goes in a <title>. */
export function clip(text: string, length: number): string {
  const characters = Array.from(text);
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
}
