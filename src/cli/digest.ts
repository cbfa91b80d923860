import { createHash } from 'node:crypto';

/** Hex SHA-256, used to fingerprint the inputs of a report. */
export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
