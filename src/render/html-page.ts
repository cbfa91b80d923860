/**
 * The page around every HTML output: one self-contained file (no scripts, fonts or
 * external styles) under a Content-Security-Policy that would block them anyway.
 */
import { HTML_STYLE } from './html-style.js';
import { escapeXml as h } from '../text/xml-text.js';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface HtmlPage {
  title: string;
  /** Tool name and version, for the generator meta tag. */
  generator?: string;
  /** Rules for this page only, after the shared stylesheet. */
  extraStyle?: string;
  /** Attributes of the <main> element, already escaped. */
  mainAttributes?: string;
  body: readonly string[];
}

export function htmlPage(page: HtmlPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(page.generator !== undefined ? [`<meta name="generator" content="${h(page.generator)}">`] : []),
    `<title>${h(page.title)}</title>`,
    `<style>${HTML_STYLE}${page.extraStyle ?? ''}</style>`,
    '</head>',
    `<body><main${page.mainAttributes ?? ''}>`,
    ...page.body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
