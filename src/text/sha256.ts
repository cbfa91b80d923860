import { hash } from 'node:crypto';

/**
 * Hex SHA-256, used to fingerprint the inputs of a report and the findings of SARIF.
 * The one-shot `hash` makes no Hash object: a large survey fingerprints thousands of files.
 */
export function sha256(input: string | Uint8Array): string {
  return hash('sha256', input, 'hex');
}
