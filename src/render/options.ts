import type { Audience } from '../model/formats.js';
import type { FailOn } from '../model/labels.js';
import type { SeverityMap } from '../model/severity.js';
import type { SourceLinks } from './source-links.js';
import type { TerminalOptions } from './terminal-style.js';

/** What every renderer may be told besides the report. */
export interface RenderOptions extends TerminalOptions {
  /** Bands that count as failures (JUnit failures, SARIF/GitHub error level): from --fail-on, else gap. */
  failOn: FailOn;
  /** Who reads it: partners get plain words, the coordinator also YAML paths, lines and priorities (see docs/handout.md). */
  audience: Audience;
  /** Annotation level per band and survey signal (config `severity`); by default from failOn. */
  severity?: SeverityMap;
  /** GitHub annotations of each level at most (GitHub shows 10 of each per step); the rest are named in one summary. */
  maxAnnotations?: number;
  /** Lines in the partnership file: the region of a finding on the whole file (a survey signal) in SARIF. */
  partnershipLines?: number;
  /** Where the partnership file is on the web (--repo-url and --commit, or GitHub Actions): Markdown links the coordinator's finding lines to it. */
  sourceLinks?: SourceLinks;
}

export type Renderer = (report: import('../model/report.js').Report, options: RenderOptions) => string;
