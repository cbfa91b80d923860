/** `pes init [FILE]`: writes the starter file, atomically, never over an existing file without --force. */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../load/located-error.js';
import { isIsoDate, todayIso } from '../model/dates.js';
import { starterPartnership } from './init-template.js';
import { writeFileAtomic } from './io.js';
import { writeStdout } from './terminal.js';

export interface InitOptions {
  name: string;
  asOf?: string;
  force?: boolean;
}

export function init(file: string, options: InitOptions): void {
  const asOf = options.asOf ?? todayIso();
  if (!isIsoDate(asOf)) throw new UserError({ file: 'pes', message: `--as-of expects a date written YYYY-MM-DD, got "${asOf}"` });
  // Point editors at the schema shipped with this installation, relative to the new file.
  const schema = fileURLToPath(new URL('../schema/partnership.schema.json', import.meta.url));
  const schemaPath = relative(dirname(resolve(file)), schema).split(sep).join('/');
  writeFileAtomic(file, starterPartnership(options.name, asOf, schemaPath), { force: options.force });
  writeStdout(`wrote ${file}: fill it in, then run \`pes validate ${file}\` and \`pes assess ${file}\`\n`);
}
