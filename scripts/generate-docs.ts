// `npm run docs`: writes the generated reference pages, and removes pages in the generated folders that
// nothing generates any more (a practice renamed or removed). Each page is written atomically.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED_FOLDERS, generatedPages } from './docs-pages.js';

const root = process.argv[2];
if (!root) throw new Error('usage: generate-docs ROOT');
const pages = await generatedPages(root);
let written = 0;
for (const [path, text] of pages) {
  const target = join(root, path);
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'wx');
  try {
    writeSync(descriptor, text);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, target);
  written += 1;
  console.log(`wrote ${path}`);
}
for (const folder of GENERATED_FOLDERS) {
  for (const name of readdirSync(join(root, folder))) {
    const path = `${folder}/${name}`;
    if (name.endsWith('.md') && !pages.has(path)) {
      rmSync(join(root, path));
      console.log(`removed ${path}: nothing generates it`);
    }
  }
}
console.log(`${pages.size} generated pages, ${written} changed`);
