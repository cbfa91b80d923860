/** The light fills behind a chart's band zones (gap, developing, strong) and the darker ink their names are written in. */
export const BAND_ZONE = { gap: '#fbe9e7', developing: '#fff4de', strong: '#e8f4ea' } as const;
/** The report stylesheet's band colours (--gap, --developing, --strong), readable on the zone fills. */
export const BAND_INK = { gap: '#c62828', developing: '#a15c00', strong: '#2e7d32' } as const;
