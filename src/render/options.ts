import type { Audience } from '../model/formats.js';
import type { FailOn } from '../model/labels.js';
import type { TerminalOptions } from './terminal-style.js';

/** What every renderer may be told besides the report. */
export interface RenderOptions extends TerminalOptions {
  /** Bands that count as failures (JUnit failures, SARIF/GitHub error level): from --fail-on, else gap. */
  failOn: FailOn;
  /** Who reads it: partners get plain words, the coordinator also YAML paths, lines and priorities (see docs/handout.md). */
  audience: Audience;
}

export type Renderer = (report: import('../model/report.js').Report, options: RenderOptions) => string;
