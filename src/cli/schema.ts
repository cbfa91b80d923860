/** `pes schema [partnership|report]`. */
import { jsonSchema } from '../model/json-schema.js';
import { writeFileAtomic } from './write-output.js';
import { writeStdout } from './terminal.js';

export interface SchemaOptions {
  output?: string;
  force?: boolean;
}

export function printSchema(which: 'partnership' | 'report', options: SchemaOptions): void {
  const text = `${JSON.stringify(jsonSchema(which), null, 2)}\n`;
  if (options.output !== undefined) writeFileAtomic(options.output, text, { force: options.force });
  else writeStdout(text);
}
