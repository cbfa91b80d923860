import { createHash } from 'node:crypto';

/** Hex SHA-256, used to fingerprint the inputs of a report and the findings of SARIF. */
export function sha256(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}
