/**
 * The projector page (behind the facilitator key) and the handout. Before Reveal:
 * the QR code large, the join address, who has joined and how far they are. After:
 * the results, one view at a time for the room, all of them on paper. The page is
 * drawn complete on the server, so it prints and reads without its script; the
 * script only keeps it live.
 */
import { htmlPage } from '../../render/html-page.js';
import { escapeXml as h } from '../../text/xml-text.js';
import type { ProjectorResults, ProjectorStatus } from '../protocol.js';
import { page } from './frame.js';

export interface ProjectorView {
  partnership: string;
  asOf: string;
  joinUrl: string;
  joinCode: string;
  qrSvg: string;
  status: ProjectorStatus;
  results: ProjectorResults | null;
}

export const RESULT_VIEWS = [
  { id: 'overview', title: 'Overview' },
  { id: 'answers', title: 'Answers' },
  { id: 'groups', title: 'Groups' },
  { id: 'signals', title: 'Paper only, hidden strengths' },
  { id: 'discussion', title: 'Discussion' },
] as const;

const PROJECTOR_STYLE = `
:root { --ink: #1d1d1f; --muted: #5f6368; --accent: #0b57d0; --line: #dadce0; --bg: #eef0f3; --card: #fff; --strong: #2e7d32; --developing: #a15c00; --gap: #c62828; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 18px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); display: flex; flex-direction: column; }
button, a.button { font: inherit; font-size: 15px; font-weight: 600; border: 2px solid var(--line); background: var(--card); color: var(--ink); border-radius: 10px; padding: 7px 14px; cursor: pointer; text-decoration: none; white-space: nowrap; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled { opacity: .5; cursor: not-allowed; }
header.bar { display: flex; align-items: center; gap: 8px 16px; padding: 8px 20px; background: var(--card); border-bottom: 1px solid var(--line); flex-wrap: wrap; }
header .title { font-size: 19px; font-weight: 700; margin-right: auto; min-width: 0; overflow-wrap: anywhere; flex: 1 1 300px; }
header .title small { display: block; font-size: 13px; font-weight: 400; color: var(--muted); }
.actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.tabs { display: none; gap: 4px; order: 3; flex-basis: 100%; }
.tabs button[aria-selected=true] { border-color: var(--accent); color: var(--accent); }
.revealed .tabs { display: flex; }
.content { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; padding: 20px; min-height: 0; }
.panel { background: var(--card); border-radius: 14px; padding: 20px 24px; min-height: 0; overflow: auto; }
.join { display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; }
.join .qr svg { width: min(52vh, 34vw); height: auto; display: block; }
.join .url { font: 600 clamp(14px, 1.75vw, 30px)/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin: 14px 0 4px; overflow-wrap: anywhere; }
.join .code { font: 800 clamp(28px, 5vw, 72px)/1.1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; letter-spacing: .12em; }
.counts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin: 0 0 18px; }
.counts div { background: var(--bg); border-radius: 12px; padding: 12px; text-align: center; }
.counts strong { display: block; font-size: clamp(32px, 5vw, 64px); line-height: 1.1; }
.counts span { color: var(--muted); font-size: 15px; }
.principles { display: grid; grid-template-columns: minmax(0, 1fr) 3.5em; gap: 4px 12px; align-items: center; font-size: 16px; }
.principles progress { grid-column: 1 / -1; width: 100%; height: 10px; margin-bottom: 6px; accent-color: var(--accent); }
.principles .n { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: var(--muted); font-size: 15px; margin: 14px 0 0; }
.results { display: none; }
.revealed .waiting { display: none; }
.revealed .results { display: block; flex: 1; padding: 16px 20px; min-height: 0; overflow: auto; }
.view { display: none; background: var(--card); border-radius: 14px; padding: 16px 24px; }
.view.current { display: block; }
.view h2 { margin: 0 0 8px; font-size: 24px; }
.view svg { display: block; width: 100%; height: auto; max-width: 1500px; margin: 0 auto; }
.view .radar svg { max-height: calc(100vh - 190px); }
#overview .split { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 24px; align-items: center; }
.headline { display: flex; gap: 20px; align-items: center; flex-wrap: wrap; }
.overall { display: flex; align-items: baseline; gap: 6px; padding: 10px 18px; border-radius: 12px; color: #fff; background: #888; }
.bg-strong { background: var(--strong); } .bg-developing { background: var(--developing); } .bg-gap { background: var(--gap); }
.overall .score { font-size: 52px; font-weight: 800; line-height: 1; }
.overall .band { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; margin-left: 8px; }
.figures { display: flex; gap: 22px; margin: 0; }
.figures dt { color: var(--muted); font-size: 14px; } .figures dd { margin: 0; font-size: 30px; font-weight: 700; } .figures small { font-size: 15px; font-weight: 400; color: var(--muted); }
.narrative { font-size: 16px; max-width: 60em; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef0f3; padding: 0 3px; border-radius: 3px; }
.dimensions { font-size: 16px; } .muted { color: var(--muted); font-size: 15px; }
.signal-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
.signals li, .guide li { margin-bottom: 14px; font-size: 19px; } .signals li .muted { display: block; }
.reason { display: inline-block; font-size: 13px; font-weight: 700; color: #5e3c99; border: 1px solid currentColor; border-radius: 6px; padding: 0 6px; }
.walk { position: fixed; inset: 0; background: #fff; display: none; flex-direction: column; justify-content: center; padding: 6vh 8vw; z-index: 10; }
.walk.open { display: flex; }
.walk h2 { font-size: clamp(28px, 4vw, 56px); margin: 0 0 16px; line-height: 1.15; }
.walk .step-count { color: var(--muted); font-size: 20px; margin: 0 0 10px; }
.walk .step-detail { color: var(--muted); font-size: clamp(18px, 2vw, 28px); }
.walk .step-question { font-size: clamp(26px, 3.4vw, 48px); font-weight: 600; line-height: 1.3; border-left: 8px solid var(--accent); padding-left: 24px; margin: 24px 0; }
.walk .walk-nav { display: flex; gap: 12px; margin-top: 24px; }
.walk .walk-nav button { font-size: 20px; padding: 10px 22px; }
.mini-join { display: none; font: 600 14px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.revealed .mini-join { display: inline; }
.live { font-size: 13px; color: var(--muted); }
.live.lost { color: var(--gap); font-weight: 700; }
@media (max-width: 900px) { .content { grid-template-columns: 1fr; } #overview .split, .signal-columns { grid-template-columns: 1fr; } .join .qr svg { width: min(70vw, 420px); } }
@media print {
  @page { size: A4; margin: 14mm; }
  html, body { height: auto; display: block; background: #fff; font-size: 11pt; }
  header .actions, .tabs, .walk, .live-wrap, .mini-join, .waiting { display: none !important; }
  header.bar { border: 0; padding: 0 0 8px; }
  .results { display: block !important; padding: 0 !important; overflow: visible !important; }
  .view { display: block !important; padding: 0; border-radius: 0; break-inside: avoid-page; margin-bottom: 10mm; }
  .view + .view { break-before: page; }
  .view .radar svg { max-height: none; }
  #overview .split { grid-template-columns: 1fr; }
  .overall, .reason, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function projectorPage(view: ProjectorView, nonce: string, script: string): string {
  return page({
    title: `Workshop: ${view.partnership}`,
    nonce,
    style: PROJECTOR_STYLE,
    bodyClass: view.status.revealed ? 'revealed' : '',
    body: [
      '<header class="bar">',
      `<div class="title">${h(view.partnership)}<small>Workshop · results as of ${h(view.asOf)}<span class="live-wrap"> · <span class="live" id="live">live</span></span> <span class="mini-join">join: ${h(view.joinUrl)}</span></small></div>`,
      `<nav class="tabs" id="tabs" aria-label="Results">${RESULT_VIEWS.map((entry, index) => `<button type="button" data-view="${entry.id}" aria-selected="${index === 0}">${h(entry.title)}</button>`).join('')}</nav>`,
      '<div class="actions">',
      `<button type="button" class="primary" id="reveal"${view.status.revealed ? ' hidden' : ''}>Reveal results</button>`,
      `<button type="button" id="walk-open"${view.status.revealed ? '' : ' hidden'} title="Walk the room through the discussion guide, one practice at a time">Next question mode</button>`,
      `<button type="button" id="print"${view.status.revealed ? '' : ' hidden'} title="Print the results, or save them as PDF, as the workshop's handout">Print</button>`,
      `<a class="button" id="save" href="/facilitator/handout"${view.status.revealed ? '' : ' hidden'} title="Download the results as one HTML file">Save</a>`,
      `<button type="button" id="hide"${view.status.revealed ? '' : ' hidden'} title="Back to the join screen">Hide</button>`,
      '</div>',
      '</header>',
      '<div class="content waiting">',
      `<section class="panel join" aria-label="How to join"><div class="qr">${view.qrSvg}</div><div class="url">${h(view.joinUrl)}</div><div class="muted">or open the address without the code and type</div><div class="code">${h(view.joinCode)}</div></section>`,
      `<section class="panel" id="status" aria-live="polite">${statusFragment(view.status)}</section>`,
      '</div>',
      `<div class="results" id="results">${resultViews(view.results)}</div>`,
      '<div class="walk" id="walk" role="dialog" aria-modal="true" aria-label="Discussion, one question at a time"><div id="walk-step"></div>',
      '<div class="walk-nav"><button type="button" id="walk-back">Back</button><button type="button" class="primary" id="walk-next">Next question</button><button type="button" id="walk-close">Close (Esc)</button></div></div>',
    ].join('\n'),
    data: { steps: view.results?.steps ?? [] },
    script,
  });
}

/** The part of the page the event stream replaces as people join and answer. */
export function statusFragment(status: ProjectorStatus): string {
  const principles = status.principles
    .map(
      (principle) =>
        `<span>${h(principle.title)}</span><span class="n">${principle.complete}</span>` +
        `<progress max="${Math.max(status.joined, 1)}" value="${principle.complete}" aria-label="${h(`${principle.title}: ${principle.complete} of ${status.joined} done`)}"></progress>`,
    )
    .join('');
  const earlier = status.folderRespondents - status.joined;
  return [
    '<div class="counts">',
    `<div><strong data-count="joined">${status.joined}</strong><span>joined</span></div>`,
    `<div><strong data-count="in-progress">${status.inProgress}</strong><span>answering</span></div>`,
    `<div><strong data-count="complete">${status.complete}</strong><span>complete</span></div>`,
    '</div>',
    `<div class="principles">${principles}</div>`,
    earlier > 0 ? `<p class="note">${earlier} earlier response${earlier === 1 ? '' : 's'} in the folder count in the results too.</p>` : '',
    `<p class="note" id="reveal-note">${h(revealNote(status))}</p>`,
  ].join('');
}

export function revealNote(status: ProjectorStatus): string {
  if (status.revealed) return 'Results are showing and update as answers arrive.';
  if (status.folderComplete < status.minGroupSize) {
    return `Results stay hidden until at least ${status.minGroupSize} responses are complete (${status.folderComplete} so far), so no answer can be traced to a person.`;
  }
  return `Results are hidden. ${status.folderComplete} responses are complete: press Reveal when the room is ready.`;
}

function resultViews(results: ProjectorResults | null): string {
  const body: Record<(typeof RESULT_VIEWS)[number]['id'], string> = results
    ? {
        overview: `<div class="split"><div class="radar" data-fragment="radar">${results.radar}</div><div data-fragment="headline">${results.headline}</div></div>`,
        answers: `<div data-fragment="distribution">${results.distribution}</div>`,
        groups: `<div data-fragment="groups">${results.groups}</div>`,
        signals: `<div data-fragment="signals">${results.signals}</div>`,
        discussion: `<div data-fragment="discussion">${results.discussion}</div>`,
      }
    : {
        overview: '<div class="split"><div class="radar" data-fragment="radar"></div><div data-fragment="headline"></div></div>',
        answers: '<div data-fragment="distribution"></div>',
        groups: '<div data-fragment="groups"></div>',
        signals: '<div data-fragment="signals"></div>',
        discussion: '<div data-fragment="discussion"></div>',
      };
  return RESULT_VIEWS.map((entry, index) => `<section class="view${index === 0 ? ' current' : ''}" id="${entry.id}"><h2>${h(entry.title)}</h2>${body[entry.id]}</section>`).join('');
}

/** The results as one file to keep: no script, the report's own page frame and policy, every view in order. */
export function handoutPage(partnership: string, asOf: string, results: ProjectorResults, generator: string): string {
  const views = RESULT_VIEWS.map((entry) => {
    const fragment = { overview: `${results.headline}${results.radar}`, answers: results.distribution, groups: results.groups, signals: results.signals, discussion: results.discussion }[entry.id];
    return `<section class="view"><h2>${h(entry.title)}</h2>${fragment}</section>`;
  });
  return htmlPage({
    title: `Workshop results: ${partnership}`,
    generator,
    extraStyle: HANDOUT_STYLE,
    body: [`<header><h1>${h(partnership)}</h1><p class="meta">Workshop results as of ${h(asOf)}</p></header>`, ...views],
  });
}

const HANDOUT_STYLE = `
.view svg { display: block; width: 100%; height: auto; margin: 8px 0 16px; }
.figures { display: flex; gap: 22px; margin: 0; } .figures dt { color: var(--muted); font-size: 13px; } .figures dd { margin: 0; font-size: 22px; font-weight: 700; } .figures small { font-size: 13px; font-weight: 400; }
.signal-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; } .signals li .muted { display: block; }
.reason { font-size: 12px; font-weight: 700; color: #5e3c99; border: 1px solid currentColor; border-radius: 6px; padding: 0 6px; }
@media print { .view + .view { break-before: page; } }
`;
