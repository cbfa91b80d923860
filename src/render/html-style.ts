/**
 * The stylesheet of the HTML report: a laptop page, a phone page where nothing is wider
 * than the screen (lists and cards, no wide tables), and A4 print where page one holds
 * the score, the story, the radar and the top actions and no practice is split.
 */
export const HTML_STYLE = `
:root { --strong: #2e7d32; --developing: #a15c00; --gap: #c62828; --muted: #5f6368; --line: #ddd; --ink: #1d1d1f; --paper: #fff; --tint: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--tint); overflow-wrap: break-word; hyphens: auto; }
main { max-width: 1080px; margin: 0 auto; padding: 32px 28px 48px; background: var(--paper); }
h1 { font-size: 28px; margin: 0 0 4px; line-height: 1.2; }
h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; }
a { color: inherit; }
.meta, .muted, footer { color: var(--muted); font-size: 13px; }
.headline { display: flex; gap: 20px; align-items: center; margin: 14px 0 6px; flex-wrap: wrap; }
.headline p { margin: 2px 0; }
.overall { display: flex; align-items: baseline; gap: 6px; padding: 8px 16px; border-radius: 10px; color: #fff; }
.overall .score { font-size: 40px; font-weight: 700; line-height: 1; }
.overall .band { font-weight: 600; text-transform: uppercase; letter-spacing: .04em; margin-left: 8px; }
.narrative { font-size: 15.5px; max-width: 62em; margin: 8px 0 0; }
.bg-strong { background: var(--strong); } .bg-developing { background: var(--developing); } .bg-gap { background: var(--gap); } .bg-not_described, .bg-not_applicable { background: #80868b; }
.band-strong { color: var(--strong); } .band-developing { color: var(--developing); } .band-gap { color: var(--gap); } .band-not_described, .band-not_applicable { color: var(--muted); }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef0f3; padding: 0 3px; border-radius: 3px; }
em.field { font-style: normal; font-weight: 600; }
.radar svg, .chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
.summary { display: grid; grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); gap: 18px; align-items: center; margin-top: 10px; }
ul.principles { list-style: none; margin: 0; padding: 0; }
li.principle { display: grid; grid-template-columns: 1.6em minmax(0, 1fr) 2.2em auto auto; column-gap: 8px; align-items: baseline; padding: 5px 0; border-bottom: 1px solid var(--line); }
li.principle .num { color: var(--muted); } li.principle .score { font-weight: 700; text-align: right; font-variant-numeric: tabular-nums; }
li.principle .coverage { grid-column: 2 / -1; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.signal { display: inline-block; padding: 0 6px; border: 1px solid currentColor; border-radius: 4px; font-size: 12px; color: #5b3f9e; margin: 1px 2px 1px 0; white-space: nowrap; }
ol.recommendations { padding-left: 22px; margin: 0; } ol.recommendations > li { margin-bottom: 10px; } .finding { color: var(--muted); font-size: 14px; }
ul.advice { margin: 2px 0 0; padding-left: 18px; font-size: 14px; }
ul.compact, ol.compact { padding-left: 20px; font-size: 14px; } ul.compact li, ol.compact li { margin-bottom: 4px; }
.coverage { color: var(--muted); font-size: 12.5px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; width: 90px; height: 10px; background: #eceef1; border-radius: 5px; overflow: hidden; vertical-align: middle; }
.bar > span { display: block; height: 100%; }
.caution { margin: 6px 0; padding: 6px 10px; border-left: 4px solid var(--developing); background: #fff7e6; font-size: 14px; }
.up { color: var(--strong); } .down { color: var(--gap); } .change { white-space: nowrap; font-weight: 600; }
.card-grid { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; }
.card { border-radius: 8px; color: #fff; }
.card a { display: grid; grid-template-columns: auto minmax(0, 1fr); column-gap: 6px; padding: 7px 9px; min-height: 72px; text-decoration: none; color: inherit; }
.card-number { font-weight: 700; opacity: .85; } .card-name { font-weight: 600; font-size: 13.5px; line-height: 1.25; }
.card-score { grid-column: 1 / -1; font-size: 20px; font-weight: 700; margin-top: 2px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.card-band { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
.card .change { font-size: 13px; color: #fff; background: rgba(0, 0, 0, .22); border-radius: 4px; padding: 0 5px; }
.chart { margin: 6px 0 10px; } .heatmap svg { max-width: 760px; }
.practices { columns: 2 340px; column-gap: 24px; }
article.practice { break-inside: avoid; page-break-inside: avoid; padding: 8px 0 6px; border-top: 1px solid var(--line); display: inline-block; width: 100%; }
article.practice h3 { display: inline; margin: 0 4px 0 0; font-size: 14.5px; } .facts { font-size: 13px; } article.practice h3 a { text-decoration: none; } article.practice h3 a:hover { text-decoration: underline; }
article.practice p { margin: 2px 0; font-size: 13.5px; }
.facts .score { font-weight: 700; font-size: 15px; }
ul.findings { margin: 2px 0 0; padding-left: 16px; font-size: 13.5px; } ul.findings li { margin: 0 0 2px; }
ul.findings .status { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.status-not_met .status { color: var(--gap); } .status-partly .status { color: var(--developing); }
footer { margin-top: 30px; border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 760px) {
  main { padding: 18px 14px; }
  .summary { grid-template-columns: 1fr; }
  li.principle { grid-template-columns: 1.4em minmax(0, 1fr) 2em auto; }
  li.principle .change { grid-column: 2 / -1; }
  .card-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .overall .score { font-size: 34px; }
}
@media print {
  @page { size: A4; margin: 12mm 12mm 12mm; }
  body { background: #fff; font-size: 9.5pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; } h2 { font-size: 12.5pt; margin: 10pt 0 5pt; break-after: avoid; } h3 { font-size: 10pt; margin: 6pt 0 3pt; break-after: avoid; }
  .narrative { font-size: 9.5pt; } .overall { padding: 4pt 10pt; } .overall .score { font-size: 24pt; }
  .page-one { break-after: page; }
  .summary { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 10pt; margin-top: 4pt; }
  .summary .radar svg { max-height: 80mm; }
  li.principle { padding: 2pt 0; font-size: 9pt; } .coverage, .finding, ul.advice, .meta, .muted { font-size: 8.5pt; }
  ol.recommendations > li { margin-bottom: 2pt; break-inside: avoid; } ul.advice { margin-top: 0; line-height: 1.3; }
  .headline { margin: 6pt 0 2pt; } .narrative { margin-top: 3pt; line-height: 1.3; }
  .cards { break-after: avoid; }
  .card-grid { grid-template-columns: repeat(9, minmax(0, 1fr)); gap: 3pt; }
  .card a { min-height: 0; padding: 3pt 4pt; column-gap: 3pt; grid-template-columns: minmax(0, 1fr); } .card-number { font-size: 7.5pt; } .card-name { font-size: 7pt; line-height: 1.15; overflow-wrap: anywhere; } .card-score { font-size: 11pt; gap: 3pt; margin-top: 1pt; } .card-band { font-size: 6pt; } .card .change { font-size: 7pt; }
  .chart { break-inside: avoid; }
  .survey .chart svg { max-height: 140mm; }
  .survey .heatmap svg { max-height: 125mm; }
  .strengths { display: none; }
  ul.compact, ol.compact { font-size: 8.5pt; }
  .practices { columns: 2; column-gap: 14pt; }
  article.practice { padding: 2pt 0; } article.practice h3 { font-size: 8.5pt; } .facts, article.practice p, ul.findings { font-size: 7.5pt; }
  .facts .score { font-size: 8.5pt; } .badge, .signal { font-size: 6.5pt; padding: 0 4pt; }
  li, .summary, .principle { break-inside: avoid; }
  .overall, .badge, .card, .bg-strong, .bg-developing, .bg-gap, .bg-not_described, .bg-not_applicable, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { margin-top: 10pt; }
}
`;
