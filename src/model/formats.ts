/** Output formats of `pes assess`, in a module of their own so the CLI can name them without loading a schema. */
export const FORMATS = ['table', 'json', 'markdown', 'html', 'csv', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];
