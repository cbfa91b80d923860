/**
 * The pages a phone in the room sees: the code form, the survey itself (drawn by its
 * script from the setup embedded in the page), and the plain message pages for a
 * wrong code or a full room, which say nothing about the workshop.
 */
import { escapeXml as h } from '../../text/xml-text.js';
import type { ParticipantSetup } from '../protocol.js';
import { page } from './frame.js';

/** Phone first: one column, thumb-sized targets, no zoom on focus (inputs at 17px), safe areas respected; the same page reads well on a laptop. */
export const PHONE_STYLE = `
:root { --ink: #1d1d1f; --muted: #5f6368; --accent: #0b57d0; --accent-soft: #e8f0fe; --line: #d5d8dc; --bg: #f4f5f7; --card: #fff; --ok: #1e7e34; --warn: #9a5b00; --bad: #b3261e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 560px; margin: 0 auto; min-height: 100vh; min-height: 100dvh; display: flex; flex-direction: column;
  padding: max(16px, env(safe-area-inset-top)) max(16px, env(safe-area-inset-right)) max(20px, env(safe-area-inset-bottom)) max(16px, env(safe-area-inset-left)); }
h1 { font-size: 23px; line-height: 1.25; margin: 8px 0 12px; }
h2 { font-size: 19px; margin: 18px 0 8px; }
p { margin: 0 0 12px; }
.muted, .hint { color: var(--muted); font-size: 15px; }
.card { background: var(--card); border-radius: 14px; padding: 16px; margin: 0 0 14px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
button, input, select, textarea { font: inherit; color: inherit; }
button { touch-action: manipulation; cursor: pointer; -webkit-tap-highlight-color: transparent; }
.primary { display: block; width: 100%; min-height: 52px; border: 0; border-radius: 12px; background: var(--accent); color: #fff; font-weight: 600; font-size: 18px; padding: 12px 16px; }
.primary:disabled { background: #9aa0a6; }
.secondary { min-height: 48px; border: 2px solid var(--line); border-radius: 12px; background: var(--card); padding: 8px 16px; font-weight: 600; }
.link { border: 0; background: none; color: var(--accent); padding: 10px 4px; min-height: 44px; font-weight: 600; }
label { display: block; font-weight: 600; margin: 14px 0 6px; }
input[type=text], input[type=search], select, textarea { width: 100%; min-height: 48px; border: 2px solid var(--line); border-radius: 10px; background: #fff; padding: 10px 12px; font-size: 17px; }
textarea { min-height: 120px; resize: vertical; }
input:focus, select:focus, textarea:focus, button:focus-visible { outline: 3px solid #8ab4f8; outline-offset: 1px; }
[tabindex="-1"]:focus { outline: none; }
.quick { display: flex; gap: 8px; flex-wrap: wrap; margin: 0 0 8px; }
.choice { min-height: 48px; border: 2px solid var(--line); border-radius: 10px; background: #fff; padding: 8px 12px; text-align: left; width: 100%; overflow-wrap: anywhere; }
.quick .choice { width: auto; flex: 1 1 auto; }
.choice[aria-pressed=true] { border-color: var(--accent); background: var(--accent-soft); font-weight: 600; }
.list { display: flex; flex-direction: column; gap: 6px; max-height: 15.5em; overflow-y: auto; padding: 2px; margin-top: 6px; }
.list > * { flex: none; }
.check { display: flex; align-items: center; gap: 10px; font-weight: 600; margin: 16px 0 6px; min-height: 44px; }
.check input { width: 24px; height: 24px; }
.top { display: flex; align-items: center; justify-content: space-between; gap: 8px; color: var(--muted); font-size: 14px; }
.progress { height: 8px; border-radius: 4px; background: #e1e3e6; overflow: hidden; margin: 6px 0 14px; }
.progress > span { display: block; height: 100%; background: var(--accent); width: 0; transition: width .2s; }
.principle { color: var(--muted); font-weight: 600; font-size: 15px; margin: 4px 0 2px; }
.statement { font-size: 21px; line-height: 1.35; font-weight: 600; margin: 4px 0 16px; overflow-wrap: anywhere; }
.scale { display: grid; gap: 8px; }
.scale button { display: flex; align-items: center; gap: 12px; min-height: 56px; padding: 8px 14px; border: 2px solid var(--line); border-radius: 12px; background: #fff; text-align: left; font-size: 17px; }
.scale button .n { flex: 0 0 1.7em; height: 1.7em; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; background: #eef0f3; }
.scale button[aria-pressed=true] { border-color: var(--accent); background: var(--accent-soft); font-weight: 600; }
.scale button[aria-pressed=true] .n { background: var(--accent); color: #fff; }
.scale .dont-know { justify-content: center; color: var(--muted); margin-top: 4px; }
.nav { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-top: auto; padding-top: 18px; }
.save { font-size: 14px; color: var(--muted); text-align: right; }
.save.offline { color: var(--warn); font-weight: 600; }
.save.failed { color: var(--bad); font-weight: 600; }
.summary { display: grid; grid-template-columns: 1fr auto; gap: 6px 12px; align-items: center; }
.summary .bar { grid-column: 1 / -1; height: 10px; border-radius: 5px; background: #e1e3e6; overflow: hidden; margin-bottom: 6px; }
.summary .bar > span { display: block; height: 100%; background: var(--accent); }
.code { font: 700 28px/1.2 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; letter-spacing: .18em; text-transform: uppercase; text-align: center; }
.error { color: var(--bad); font-weight: 600; }
@media (min-width: 700px) { main { padding-top: 40px; } }
`;

export function participantPage(setup: ParticipantSetup, nonce: string, script: string): string {
  return page({
    title: `Survey: ${setup.partnership}`,
    nonce,
    style: PHONE_STYLE,
    body: `<main id="app" aria-live="polite"><h1>${h(setup.partnership)}</h1><p class="muted">Loading the survey…</p><noscript><p class="error">This survey needs JavaScript. Ask the facilitator for the paper questionnaire.</p></noscript></main>`,
    data: setup,
    script,
  });
}

/** The address without a code (what people type when they cannot scan): a form that works without script. */
export function codeFormPage(nonce: string, wrong = false): string {
  return page({
    title: 'Join the workshop',
    nonce,
    style: PHONE_STYLE,
    body: [
      '<main>',
      '<h1>Join the workshop</h1>',
      '<form method="get" action="/join" class="card">',
      '<label for="code">The code on the screen</label>',
      '<input type="text" id="code" name="code" class="code" autocomplete="off" autocapitalize="characters" autocorrect="off" spellcheck="false" maxlength="16" required autofocus>',
      wrong ? '<p class="error" role="alert">That code is not right. Check the code on the screen and try again.</p>' : '',
      '<p></p><button class="primary" type="submit">Join</button>',
      '</form>',
      '</main>',
    ].join(''),
  });
}

/** A page for a refusal: it names the problem and nothing about the workshop. */
export function messagePage(nonce: string, title: string, text: string): string {
  return page({ title, nonce, style: PHONE_STYLE, body: `<main><h1>${h(title)}</h1><p>${h(text)}</p></main>` });
}
