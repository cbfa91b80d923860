/**
 * Finds and reads the config file: --config FILE, else `.pesrc.yaml` beside the
 * partnership file, else in the working directory. Paths inside it are relative
 * to the config file itself, so it works from any directory.
 */
import { dirname, join, resolve } from 'node:path';
import { UserError, type LocatedError } from '../load/located-error.js';
import { loadConfig } from '../load/config.js';
import { OUTPUT_FORMATS, outputFormat, type OutputFormat } from '../render/formats.js';
import type { Config } from '../model/config.js';
import type { YamlSource } from '../load/yaml-source.js';
import { CONFIG_FILE } from '../model/defaults.js';
import { displayPath, exists, readTextInput } from './io.js';

export interface ConfigSource {
  config: Config;
  source?: YamlSource;
  /** The config file in use, as named on disk. */
  file?: string;
  /** Resolves a path written in the config file. */
  resolvePath(path: string): string;
}

export async function findConfig(explicit: string | false | undefined, partnershipFile: string): Promise<ConfigSource> {
  const none: ConfigSource = { config: {}, resolvePath: (path) => path };
  if (explicit === false) return none;
  // Beside the file and here are one place when the file is here: looked for once.
  const file = explicit ?? [...new Set([join(dirname(partnershipFile), CONFIG_FILE), CONFIG_FILE])].find(exists);
  if (file === undefined) return none;
  const loaded = await loadConfig(displayPath(file), readTextInput(file));
  if (!loaded.ok) throw new UserError(loaded.errors);
  const formatErrors = configFormatErrors(loaded.config, loaded.source);
  if (formatErrors.length > 0) throw new UserError(formatErrors);
  const base = dirname(resolve(file));
  return { config: loaded.config, source: loaded.source, file, resolvePath: (path) => displayPath(resolve(base, path)) };
}

/** A config's `format` must be one of the registered output formats. */
export function configFormatErrors(config: Config, source: YamlSource, formats: readonly OutputFormat[] = OUTPUT_FORMATS): LocatedError[] {
  if (config.format === undefined || outputFormat(config.format, formats)) return [];
  const names = formats.map((format) => format.name).join(', ');
  return [{ file: source.file, position: source.locate(['format']), message: `format: expected one of ${names}, got ${JSON.stringify(config.format)}` }];
}
