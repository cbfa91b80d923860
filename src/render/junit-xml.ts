/** The JUnit XML envelope both JUnit outputs share (the report's and validation problems'). */
import { escapeXml as x } from '../text/xml-text.js';

export interface JunitCounts {
  tests: number;
  failures: number;
  skipped: number;
}

function counts({ tests, failures, skipped }: JunitCounts): string {
  return `tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0"`;
}

/** A `<testsuite>` with its (already rendered) body lines. */
export function junitSuite(name: string, totals: JunitCounts, body: readonly string[]): string {
  return `  <testsuite name="${x(name)}" ${counts(totals)}>\n${body.join('\n')}\n  </testsuite>`;
}

/** The whole document: the XML declaration and a `<testsuites>` around the suites. */
export function junitDocument(name: string, totals: JunitCounts, suites: readonly string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${x(name)}" ${counts(totals)}>`, ...suites, '</testsuites>', ''].join('\n');
}
