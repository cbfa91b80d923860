/** The stylesheet of the HTML report: readable on a laptop, and on paper through the print rules. */
export const HTML_STYLE = `
:root { --strong: #2e7d32; --developing: #a15c00; --gap: #c62828; --muted: #666; --line: #ddd; --ink: #1d1d1f; --paper: #fff; --tint: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--tint); }
main { max-width: 1080px; margin: 0 auto; padding: 32px 28px 48px; background: var(--paper); }
h1 { font-size: 28px; margin: 0 0 4px; line-height: 1.2; }
h2 { font-size: 19px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.meta, .muted, footer { color: var(--muted); font-size: 13px; }
.headline { display: flex; gap: 24px; align-items: center; margin: 18px 0 8px; flex-wrap: wrap; }
.overall { display: flex; align-items: baseline; gap: 6px; padding: 10px 18px; border-radius: 10px; color: #fff; }
.overall .score { font-size: 40px; font-weight: 700; line-height: 1; }
.overall .band { font-weight: 600; text-transform: uppercase; letter-spacing: .04em; margin-left: 8px; }
.narrative { font-size: 16px; max-width: 62em; margin: 8px 0 0; }
.bg-strong { background: var(--strong); } .bg-developing { background: var(--developing); } .bg-gap { background: var(--gap); } .bg-not_described, .bg-not_applicable { background: #888; }
.band-strong { color: var(--strong); } .band-developing { color: var(--developing); } .band-gap { color: var(--gap); } .band-not_described, .band-not_applicable { color: var(--muted); }
.summary { display: grid; grid-template-columns: minmax(320px, 480px) 1fr; gap: 20px; align-items: center; }
table.practices td:nth-child(2) { min-width: 14em; } table.practices td:last-child { width: 45%; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef0f3; padding: 0 3px; border-radius: 3px; }
svg.radar { width: 100%; height: auto; }
svg .ring { fill: none; stroke: var(--line); } svg .spoke { stroke: var(--line); }
svg .current { fill: rgba(37, 99, 165, .18); stroke: #2563a5; stroke-width: 2; }
svg .before { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 5 4; }
svg .dot { fill: #2563a5; } svg .axis-label { font-size: 12px; fill: var(--ink); } svg .axis-score { font-weight: 700; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; width: 90px; height: 10px; background: #eceef1; border-radius: 5px; overflow: hidden; vertical-align: middle; }
.bar > span { display: block; height: 100%; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.signal { display: inline-block; padding: 0 6px; border: 1px solid currentColor; border-radius: 4px; font-size: 12px; color: #5b3f9e; margin: 1px 2px 1px 0; white-space: nowrap; }
ol.recommendations > li { margin-bottom: 14px; } .finding { color: var(--muted); }
ul.advice { margin: 4px 0 0; padding-left: 20px; }
ul.findings { margin: 0; padding-left: 16px; } ul.findings li { margin: 0 0 3px; }
ul.findings .status { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.status-not_met .status { color: var(--gap); } .status-partly .status { color: var(--developing); }
.coverage { color: var(--muted); font-size: 13px; }
.caution { margin: 6px 0; padding: 6px 10px; border-left: 4px solid var(--developing); background: #fff7e6; font-size: 14px; }
.up { color: var(--strong); } .down { color: var(--gap); }
footer { margin-top: 36px; border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 760px) { .summary { grid-template-columns: 1fr; } main { padding: 20px 14px; } .hide-narrow { display: none; } }
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; } tr, li, .summary { break-inside: avoid; }
  .overall, .badge, .bar > span, .bg-strong, .bg-developing, .bg-gap { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
