/**
 * The rooms of src/ and what each may import (docs/architecture.md says why).
 * A room may import itself, the rooms listed for it, node's own modules and
 * packages; anything else is a violation, and so is every circle of files.
 * test/architecture/layers.test.ts runs this; so does `npm run layers`.
 */

/** Highest first. Rooms on one line of the docs' picture are peers: they may not import each other. */
export const ROOMS = {
  cli: ['workshop', 'survey', 'render', 'assess', 'load', 'checks', 'model', 'text'],
  workshop: ['survey', 'render', 'assess', 'load', 'checks', 'model', 'text'],
  survey: ['assess', 'load', 'checks', 'model', 'text'],
  render: ['assess', 'checks', 'model', 'text'],
  assess: ['checks', 'model', 'text'],
  load: ['checks', 'model', 'text'],
  checks: ['model', 'text'],
  model: ['text'],
  text: [],
};

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the cruiser cannot follow would hide the edge it stands for.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  allowed: [
    // Node's own modules and packages.
    { from: {}, to: { pathNot: '^src/' } },
    ...Object.entries(ROOMS).map(([room, below]) => ({
      from: { path: `^src/${room}/` },
      to: { path: `^src/(${[room, ...below].join('|')})/` },
    })),
  ],
  allowedSeverity: 'error',
  options: {
    // Type-only imports count: a type imported up the layers ties the rooms as surely as a value.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Packages are resolved as Node resolves an ES module's imports (csv-parse/sync is only in `exports`).
    enhancedResolveOptions: { conditionNames: ['import', 'node', 'default'], exportsFields: ['exports'] },
  },
};
