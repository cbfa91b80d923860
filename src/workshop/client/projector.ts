/**
 * Keeps the projector page live. The server draws every fragment (escaped there) and
 * pushes it over an event stream; this script swaps fragments in, switches views,
 * asks for Reveal and Hide, and runs the "next question" walk through the guide.
 */
import type { ProjectorResults, ProjectorStatus } from '../protocol.js';

interface StatusEvent {
  html: string;
  status: ProjectorStatus;
  canReveal: boolean;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const initial = JSON.parse(byId('pes-data').textContent!) as { steps: string[] };
let steps = initial.steps;
let stepIndex = Number(sessionStorage.getItem('pes-walk-step') ?? '0') || 0;

const live = byId('live');
const revealButton = byId<HTMLButtonElement>('reveal');
const revealedOnly = ['hide', 'walk-open', 'print', 'save'].map((id) => byId(id));

function showRevealed(revealed: boolean): void {
  document.body.classList.toggle('revealed', revealed);
  revealButton.hidden = revealed;
  for (const element of revealedOnly) element.hidden = !revealed;
  if (!revealed) closeWalk();
}

function showView(id: string): void {
  for (const section of document.querySelectorAll<HTMLElement>('.view')) section.classList.toggle('current', section.id === id);
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#tabs button')) tab.setAttribute('aria-selected', String(tab.dataset.view === id));
  sessionStorage.setItem('pes-view', id);
}

for (const tab of document.querySelectorAll<HTMLButtonElement>('#tabs button')) tab.addEventListener('click', () => showView(tab.dataset.view!));
showView(sessionStorage.getItem('pes-view') ?? 'overview');

async function post(path: string): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'x-pes-facilitator': '1' }, cache: 'no-store' });
}

revealButton.addEventListener('click', async () => {
  const response = await post('/api/facilitator/reveal').catch(() => null);
  if (response && !response.ok) {
    const reply = (await response.json().catch(() => ({ message: 'Reveal was refused.' }))) as { message: string };
    byId('reveal-note').textContent = reply.message;
  }
});
byId('hide').addEventListener('click', () => void post('/api/facilitator/hide'));
byId('print').addEventListener('click', () => window.print());

// ---- the discussion guide, one question at a time -----------------------------

const walk = byId('walk');

function drawStep(): void {
  stepIndex = Math.max(0, Math.min(stepIndex, steps.length - 1));
  sessionStorage.setItem('pes-walk-step', String(stepIndex));
  byId('walk-step').innerHTML = steps[stepIndex] ?? '<p class="step-detail">No questions yet: the guide fills in as answers arrive.</p>';
  byId<HTMLButtonElement>('walk-back').disabled = stepIndex === 0;
  const next = byId<HTMLButtonElement>('walk-next');
  next.disabled = stepIndex >= steps.length - 1;
}

function openWalk(): void {
  walk.classList.add('open');
  drawStep();
  byId('walk-next').focus();
}

function closeWalk(): void {
  walk.classList.remove('open');
}

byId('walk-open').addEventListener('click', openWalk);
byId('walk-close').addEventListener('click', closeWalk);
byId('walk-back').addEventListener('click', () => {
  stepIndex -= 1;
  drawStep();
});
byId('walk-next').addEventListener('click', () => {
  stepIndex += 1;
  drawStep();
});
document.addEventListener('keydown', (event) => {
  if (!walk.classList.contains('open')) return;
  // Presentation clickers send Page Down / Page Up or the arrow keys.
  if (['ArrowRight', 'PageDown', ' ', 'Enter'].includes(event.key)) {
    stepIndex += 1;
    drawStep();
  } else if (['ArrowLeft', 'PageUp', 'Backspace'].includes(event.key)) {
    stepIndex -= 1;
    drawStep();
  } else if (event.key === 'Escape') {
    closeWalk();
  } else {
    return;
  }
  event.preventDefault();
});

// ---- live updates ---------------------------------------------------------------

const events = new EventSource('/api/facilitator/events');
events.addEventListener('open', () => {
  live.textContent = 'live';
  live.classList.remove('lost');
});
events.addEventListener('error', () => {
  // The browser reconnects by itself; say so, so nobody trusts a frozen screen.
  live.textContent = 'reconnecting…';
  live.classList.add('lost');
});
events.addEventListener('status', (event) => {
  const data = JSON.parse((event as MessageEvent<string>).data) as StatusEvent;
  byId('status').innerHTML = data.html;
  revealButton.disabled = !data.canReveal;
  showRevealed(data.status.revealed);
});
events.addEventListener('results', (event) => {
  const results = JSON.parse((event as MessageEvent<string>).data) as ProjectorResults;
  for (const element of document.querySelectorAll<HTMLElement>('[data-fragment]')) {
    const fragment = results[element.dataset.fragment as keyof Omit<ProjectorResults, 'steps'>];
    if (typeof fragment === 'string' && element.innerHTML !== fragment) element.innerHTML = fragment;
  }
  steps = results.steps;
  if (walk.classList.contains('open')) drawStep();
});
