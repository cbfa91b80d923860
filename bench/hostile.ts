// Writes the hostile inputs of the security table of docs/security.md into a folder and prints
// their command lines as JSON, for bench/run.mjs to time and measure.
import { mkdirSync } from 'node:fs';
import { hostileCases } from '../test/helpers/hostile-cases.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hostile DIR');
mkdirSync(dir, { recursive: true });
console.log(JSON.stringify(hostileCases(dir)));
