/**
 * Where in a file a value sits, as keys and indices from the top: `['partners', 3, 'agreement']`.
 * Checks name the place a finding is about with it, the loader turns it into a line and
 * column, and the report keeps it: every room speaks of places the same way.
 */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];
