/** `pes init [FILE]`: writes the starter file, atomically, never over an existing file without --force. */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../load/located-error.js';
import { isIsoDate, todayIso } from '../model/dates.js';
import { starterPartnership } from './init-template.js';
import { writeFileAtomic } from './write-output.js';
import { terminalSafe } from '../text/sanitize.js';
import { writeStdout } from './terminal.js';

export interface InitOptions {
  name: string;
  asOf?: string;
  force?: boolean;
}

export function init(file: string, options: InitOptions): void {
  if (options.name.trim() === '') throw new UserError({ file: 'pes', message: '--name needs the partnership\'s name, e.g. --name "Harbour Food Network"' });
  const asOf = options.asOf ?? todayIso();
  if (!isIsoDate(asOf)) throw new UserError({ file: 'pes', message: `--as-of expects a date written YYYY-MM-DD, got "${asOf}"` });
  // Point editors at the schema shipped with this installation, relative to the new file.
  const schema = fileURLToPath(new URL('../schema/partnership.schema.json', import.meta.url));
  // Percent-encoded like a URL, so no character of a folder name can end the comment line it is on.
  const schemaPath = encodeURI(relative(dirname(resolve(file)), schema).split(sep).join('/'));
  writeFileAtomic(file, starterPartnership(options.name, asOf, schemaPath), { force: options.force });
  const shown = terminalSafe(file);
  writeStdout(`wrote ${shown}: fill it in, then run \`pes validate ${shown}\` and \`pes assess ${shown}\`\n`);
}
