/** The complete report as JSON: key order is fixed by construction, so the same inputs give the same bytes. */
import type { Report } from '../model/report.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
