/**
 * Where a practice's reference page lives. One function serves the generated docs (which write the
 * page at this path), SARIF (rule helpUri), and the HTML and Markdown reports (links), so the three
 * can never point at different places.
 */

/** The project's public address, from package.json `homepage` (kept in step by a test). */
export const PROJECT_URL = 'https://github.com/partnership-health/partnership-health';

/** The page of a practice, relative to the repository root: docs/rubric/07-target-population.md. */
export function practiceDocPath(practice: { number: number; id: string }): string {
  return `docs/rubric/${String(practice.number).padStart(2, '0')}-${practice.id}.md`;
}

/**
 * The stable public URL of a practice's page. It names the release tag, not a branch, so a report
 * written by version 0.1.0 keeps pointing at the text that version scored against.
 */
export function practiceDocUrl(practice: { number: number; id: string }, toolVersion: string): string {
  return `${PROJECT_URL}/blob/v${toolVersion}/${practiceDocPath(practice)}`;
}
