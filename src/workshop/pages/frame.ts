/**
 * The frame of every page the workshop serves. Scripts and styles are inline, so a
 * page needs nothing but itself, and each carries the response's nonce: the
 * Content-Security-Policy runs those and nothing else, connects only back to this
 * server, and loads no image, font or frame from anywhere.
 */
import { escapeXml as h } from '../../text/xml-text.js';

export function pagePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For everything that is not a page (JSON, the event stream): nothing may run or load. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

export interface Page {
  title: string;
  nonce: string;
  style: string;
  body: string;
  /** Data for the script, as JSON in a block the browser never executes. */
  data?: unknown;
  script?: string;
  bodyClass?: string;
}

export function page({ title, nonce, style, body, data, script, bodyClass }: Page): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light">',
    `<title>${h(title)}</title>`,
    `<style nonce="${nonce}">${style}</style>`,
    '</head>',
    `<body${bodyClass ? ` class="${h(bodyClass)}"` : ''}>`,
    body,
    data === undefined ? '' : `<script type="application/json" id="pes-data">${jsonForHtml(data)}</script>`,
    script === undefined ? '' : `<script nonce="${nonce}">${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** JSON that cannot end its <script> element early, whatever the strings in it say. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
