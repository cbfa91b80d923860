/**
 * Links from a finding to its lines on the forge: `URL/blob/COMMIT/PATH#L12`, the form GitHub
 * (and GitLab, Gitea, Forgejo) show a file at a commit with a line marked. The address and
 * commit are checked where they are read (src/cli/source-links.ts); here the path is escaped
 * segment by segment, parentheses too, so the address cannot end a Markdown link early.
 */
export interface SourceLinks {
  /** The repository's web address, without a trailing slash: https://github.com/owner/name. */
  repositoryUrl: string;
  /** The commit the findings' lines belong to. */
  commit: string;
  /** The partnership file's path from the repository root, with forward slashes. */
  path: string;
}

export function lineUrl(links: SourceLinks, line: number): string {
  return `${links.repositoryUrl}/blob/${links.commit}/${links.path.split('/').map(escapeSegment).join('/')}#L${line}`;
}

/** encodeURIComponent leaves ! ' ( ) * alone; a ")" would close the Markdown link. */
function escapeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
