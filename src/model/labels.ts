/** Names shared by the report schema and the code that fills it, kept apart so the code need not build the schema. */
export const BANDS = ['strong', 'developing', 'gap', 'not_described', 'not_applicable'] as const;
export type Band = (typeof BANDS)[number];

export const TRIANGULATION_LABELS = ['paper_only', 'divergent', 'hidden_strength', 'confirmed_gap', 'confirmed_strength'] as const;
export type TriangulationLabel = (typeof TRIANGULATION_LABELS)[number];
