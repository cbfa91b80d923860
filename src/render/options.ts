import type { FailOn } from '../model/labels.js';
import type { TerminalOptions } from './terminal-style.js';

/** What every renderer may be told besides the report. */
export interface RenderOptions extends TerminalOptions {
  /** Bands that count as failures (JUnit failures, SARIF/GitHub error level): from --fail-on, else gap. */
  failOn: FailOn;
}

export type Renderer = (report: import('../model/report.js').Report, options: RenderOptions) => string;
