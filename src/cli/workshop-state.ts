/**
 * What a workshop keeps beside its responses, in DIR/.pes-workshop/ (a folder
 * `pes assess` never reads): the join code, the facilitator key and the token
 * signing key, the port, and whether the results are revealed. Restarting on the
 * same folder reuses them, so the QR code, the projector link and every phone's
 * token keep working after a crash. The folder is readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../load/located-error.js';
import { newJoinCode, newKey } from '../workshop/secrets.js';
import type { WorkshopSecrets } from '../workshop/server.js';
import { exists, readTextInput } from './io.js';
import { writeFileAtomic } from './write-output.js';

export const STATE_FOLDER = '.pes-workshop';

export interface WorkshopState extends WorkshopSecrets {
  format: 1;
  started: string;
  port: number | null;
  revealed: boolean;
}

export function stateFolder(dir: string): string {
  const folder = join(dir, STATE_FOLDER);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  return folder;
}

export function readState(dir: string): WorkshopState | null {
  const file = join(dir, STATE_FOLDER, 'state.json');
  if (!exists(file)) return null;
  let state: Partial<WorkshopState>;
  try {
    state = JSON.parse(readTextInput(file)) as Partial<WorkshopState>;
  } catch {
    state = {};
  }
  const strings = [state.workshopId, state.joinCode, state.facilitatorKey, state.signingKey];
  if (state.format !== 1 || strings.some((value) => typeof value !== 'string' || value === '')) {
    throw new UserError({ file, message: `not a workshop state this version of pes can read; move the folder ${STATE_FOLDER} away to start a new workshop here` });
  }
  return { ...(state as WorkshopState), port: typeof state.port === 'number' ? state.port : null, revealed: state.revealed === true };
}

export function newState(now: Date): WorkshopState {
  return {
    format: 1,
    workshopId: randomBytes(6).toString('hex'),
    joinCode: newJoinCode(),
    facilitatorKey: newKey(),
    signingKey: newKey(),
    started: now.toISOString(),
    port: null,
    revealed: false,
  };
}

export function writeState(dir: string, state: WorkshopState): void {
  writeFileAtomic(join(stateFolder(dir), 'state.json'), `${JSON.stringify(state, null, 2)}\n`, { force: true });
}
