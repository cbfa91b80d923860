/**
 * Finds and reads the config file: --config FILE, else `.pesrc.yaml` beside the
 * partnership file, else in the working directory. Paths inside it are relative
 * to the config file itself, so it works from any directory.
 */
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../load/located-error.js';
import { loadConfig } from '../load/config.js';
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
  const base = dirname(resolve(file));
  return { config: loaded.config, source: loaded.source, file, resolvePath: (path) => displayPath(resolve(base, path)) };
}
