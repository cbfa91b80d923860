/**
 * The survey on a participant's phone. Everything the person does goes into a queue
 * kept in localStorage with their token, and is sent in order until the server
 * acknowledges it (written to disk): a reload, a sleeping phone or a lost Wi-Fi
 * signal only delays the sending, and the page resumes where the person was.
 * All text from the partnership file is set with textContent, never as HTML.
 */
import type { AnswerValue, JoinReply, Operation, OperationsReply, OwnResponseReply, OwnSummaryReply, ParticipantSetup } from '../protocol.js';
import { LIMITS } from '../protocol.js';

type Profile = { organisation?: string; sector?: string; role?: string; name?: string };
type Position =
  | { view: 'consent' }
  | { view: 'profile' }
  | { view: 'statement'; index: number }
  | { view: 'comment'; index: number }
  | { view: 'done' };
type Saving = 'saved' | 'saving' | 'offline' | 'failed';

interface Stored {
  token: string | null;
  seq: number;
  queue: Operation[];
  answers: Record<string, AnswerValue>;
  comments: Record<string, string>;
  profile: Profile | null;
  position: Position;
}

const setup = JSON.parse(document.getElementById('pes-data')!.textContent!) as ParticipantSetup;
const app = document.getElementById('app')!;
const joinCode = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const storageKey = `pes-workshop:${setup.workshopId}`;
const statements = setup.statements;
const UNSTATED = '';

let state: Stored = load();
let saving: Saving = 'saved';
let sending = false;
let retryTimer: number | undefined;
let attempt = 0;
let batchSize: number = LIMITS.opsPerRequest;
/** A line above the current view: an error the person should act on, or a note such as "welcome back". */
let notice: { text: string; kind: 'error' | 'info' } | null = null;

function load(): Stored {
  const empty: Stored = { token: null, seq: 0, queue: [], answers: {}, comments: {}, profile: null, position: { view: 'consent' } };
  try {
    const raw = localStorage.getItem(storageKey);
    return raw ? { ...empty, ...(JSON.parse(raw) as Partial<Stored>) } : empty;
  } catch {
    return empty;
  }
}

function persist(): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(state));
  } catch {
    // Storage full or refused (private browsing): answers still go to the server, only a reload cannot resume.
  }
}

// ---- talking to the server ---------------------------------------------------

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const controller = new AbortController();
  // A request stuck on a dead Wi-Fi connection is given up and retried, not waited on for minutes.
  const timer = window.setTimeout(() => controller.abort(), 10_000);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  try {
    return await fetch(path, { ...init, headers, cache: 'no-store', credentials: 'omit', signal: controller.signal });
  } finally {
    window.clearTimeout(timer);
  }
}

/** Omit over each member of the union, so every kind keeps its own fields. */
type Unsequenced = Operation extends infer O ? (O extends Operation ? Omit<O, 'seq'> : never) : never;

function enqueue(op: Unsequenced): void {
  state.seq += 1;
  state.queue.push({ ...op, seq: state.seq } as Operation);
  persist();
  void flush();
}

/** Sends the queue in order, one request at a time; an operation leaves the queue only once the server says it is on disk. */
async function flush(): Promise<void> {
  if (sending || state.queue.length === 0 || !state.token) return showSaving();
  sending = true;
  window.clearTimeout(retryTimer);
  setSaving('saving');
  try {
    while (state.queue.length > 0) {
      const batch = state.queue.slice(0, batchSize);
      let response: Response;
      try {
        response = await request('/api/answers', { method: 'POST', body: JSON.stringify({ ops: batch }) });
      } catch {
        return retryLater('offline');
      }
      if (response.ok) {
        const { acked } = (await response.json()) as OperationsReply;
        state.queue = state.queue.filter((op) => op.seq > acked);
        persist();
        attempt = 0;
        batchSize = LIMITS.opsPerRequest;
        continue;
      }
      if (response.status === 400) {
        // One of these cannot be saved as it is: send them one at a time to find it, and let only that one go.
        if (batch.length > 1) {
          batchSize = 1;
          continue;
        }
        state.queue.shift();
        persist();
        notice = { text: 'One answer could not be saved. Please check it and answer again.', kind: 'error' };
        setSaving('failed');
        continue;
      }
      if (response.status === 401) return restart('This survey was reset on the facilitator’s laptop. Please start again.');
      if (response.status === 403) return restart('The workshop is full or closed. Ask the facilitator.');
      const wait = Number(response.headers.get('retry-after'));
      return retryLater('offline', Number.isFinite(wait) && wait > 0 ? wait * 1000 : undefined);
    }
    setSaving('saved');
    if (state.position.view === 'done') void showSummary();
  } finally {
    sending = false;
  }
}

function retryLater(status: Saving, delay?: number): void {
  attempt += 1;
  setSaving(status);
  const backoff = delay ?? Math.min(8000, 500 * 2 ** Math.min(attempt, 4)) + Math.random() * 400;
  retryTimer = window.setTimeout(() => void flush(), backoff);
}

function restart(message: string): void {
  state = { token: null, seq: 0, queue: [], answers: {}, comments: {}, profile: null, position: { view: 'consent' } };
  persist();
  notice = { text: message, kind: 'error' };
  render();
}

async function join(): Promise<boolean> {
  let response: Response;
  try {
    response = await request('/api/join', { method: 'POST', body: JSON.stringify({ code: joinCode }) });
  } catch {
    notice = { text: 'No connection to the workshop. Check that you are on the room’s Wi-Fi, then try again.', kind: 'error' };
    return false;
  }
  if (response.ok) {
    state.token = ((await response.json()) as JoinReply).token;
    persist();
    return true;
  }
  const text =
    response.status === 429
      ? 'Too many tries from this phone. Wait a minute and try again.'
      : response.status === 403
        ? 'This link does not open the workshop any more (the workshop is full, or it has ended). Ask the facilitator.'
        : 'The workshop could not be joined. Try again.';
  notice = { text, kind: 'error' };
  return false;
}

/** What the server has saved for this person, merged with what is still waiting in the queue (which is newer). */
async function reconcile(): Promise<void> {
  if (!state.token) return;
  let response: Response;
  try {
    response = await request('/api/me');
  } catch {
    setSaving(state.queue.length > 0 ? 'offline' : 'saved');
    return;
  }
  if (response.status === 401) return restart('This survey was reset on the facilitator’s laptop. Please start again.');
  if (!response.ok) return;
  const saved = (await response.json()) as OwnResponseReply;
  const answers: Record<string, AnswerValue> = { ...saved.answers };
  const comments: Record<string, string> = { ...saved.comments };
  let profile: Profile | null = saved.saved ? saved.profile : state.profile;
  for (const op of state.queue) {
    if (op.kind === 'answer') answers[op.practice] = op.answer;
    if (op.kind === 'comment') comments[op.principle] = op.text;
    if (op.kind === 'profile') profile = { organisation: op.organisation, sector: op.sector, role: op.role, name: op.name };
  }
  state.answers = answers;
  state.comments = comments;
  state.profile = profile;
  if (profile === null && state.position.view !== 'consent') state.position = { view: 'profile' };
  persist();
}

// ---- the views ---------------------------------------------------------------

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

function on<T extends HTMLElement>(element: T, event: string, handler: (event: Event) => void): T {
  element.addEventListener(event, handler);
  return element;
}

function go(position: Position): void {
  if (notice?.kind === 'info') notice = null;
  state.position = position;
  persist();
  render();
}

function answered(): number {
  return statements.filter((statement) => state.answers[statement.practice] !== undefined).length;
}

function firstUnanswered(): Position {
  const index = statements.findIndex((statement) => state.answers[statement.practice] === undefined);
  return index < 0 ? { view: 'done' } : { view: 'statement', index };
}

function closesPrinciple(index: number): boolean {
  return statements[index + 1]?.principle !== statements[index]!.principle;
}

function principleOf(index: number) {
  return setup.principles.find((principle) => principle.id === statements[index]!.principle)!;
}

function render(): void {
  const position = state.position;
  app.dataset.view = position.view;
  app.replaceChildren();
  if (notice) app.append(el('p', notice.kind === 'error' ? { class: 'error', role: 'alert' } : { class: 'hint' }, notice.text));
  if (position.view === 'consent') renderConsent();
  else if (position.view === 'profile') renderProfile();
  else if (position.view === 'statement') renderStatement(position.index);
  else if (position.view === 'comment') renderComment(position.index);
  else renderDone();
  showSaving();
  app.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

function renderConsent(): void {
  const start = el('button', { class: 'primary', type: 'button' }, 'Start');
  on(start, 'click', async () => {
    start.setAttribute('disabled', '');
    notice = null;
    if (!state.token && !(await join())) return render();
    go(state.profile ? firstUnanswered() : { view: 'profile' });
  });
  app.append(
    el('h1', { tabindex: '-1' }, setup.partnership),
    el('p', {}, setup.intro),
    el(
      'div',
      { class: 'card' },
      el('h2', {}, 'Anonymous'),
      el(
        'p',
        {},
        `You get a random number, not your name. Kept, in one file on the facilitator’s laptop: your answers, your comments, and the organisation, sector and role you choose (each can be “prefer not to say”); your name only if you add it. The room sees group figures only, never a group of fewer than ${setup.minGroupSize} people, and never your own answers.`,
      ),
    ),
    start,
  );
}

function renderProfile(): void {
  const profile = state.profile ?? {};
  const partners = setup.organisations;
  type Organisation = { kind: 'partner'; id: string } | { kind: 'typed'; name: string } | { kind: 'unstated' } | { kind: 'none' } | null;
  let organisation: Organisation =
    profile.organisation === undefined ? null : partners.some((partner) => partner.id === profile.organisation) ? { kind: 'partner', id: profile.organisation } : { kind: 'typed', name: profile.organisation };
  let sectorTouched = profile.sector !== undefined;

  const search = el('input', { type: 'search', id: 'organisation-search', placeholder: 'Type to search the partners', autocomplete: 'off', maxlength: String(LIMITS.organisationChars) }) as HTMLInputElement;
  const list = el('div', { class: 'list', role: 'group', 'aria-label': 'Partner organisations' });
  const unstated = el('button', { type: 'button', class: 'choice', 'aria-pressed': 'false' }, 'Prefer not to say');
  const none = el('button', { type: 'button', class: 'choice', 'aria-pressed': 'false' }, 'Not with an organisation');
  const sector = el('select', { id: 'sector' }, el('option', { value: UNSTATED }, 'Prefer not to say'), ...setup.sectors.map((entry) => el('option', { value: entry.value }, entry.label))) as HTMLSelectElement;
  const role = el('select', { id: 'role' }, el('option', { value: UNSTATED }, 'Prefer not to say'), ...setup.roles.map((entry) => el('option', { value: entry.value }, entry.label))) as HTMLSelectElement;
  sector.value = profile.sector ?? UNSTATED;
  role.value = profile.role ?? UNSTATED;
  on(sector, 'change', () => (sectorTouched = true));
  const withName = el('input', { type: 'checkbox', id: 'with-name' }) as HTMLInputElement;
  withName.checked = profile.name !== undefined;
  const name = el('input', { type: 'text', id: 'name', autocomplete: 'name', maxlength: String(LIMITS.nameChars) }) as HTMLInputElement;
  name.value = profile.name ?? '';
  const nameField = el('div', { hidden: !withName.checked }, el('label', { for: 'name' }, 'Your name'), name, el('p', { class: 'hint' }, 'It stays in your response file and is never shown on the screen or in any report.'));
  on(withName, 'change', () => {
    nameField.hidden = !withName.checked;
    if (withName.checked) name.focus();
  });

  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const drawList = () => {
    const query = fold(search.value.trim());
    const matches = partners.filter((partner) => fold(partner.name).includes(query) || fold(partner.id) === query);
    const buttons: HTMLElement[] = matches.map((partner) => {
      const chosen = organisation?.kind === 'partner' && organisation.id === partner.id;
      return on(el('button', { type: 'button', class: 'choice', 'aria-pressed': String(chosen), 'data-partner': partner.id }, partner.name), 'click', () => {
        organisation = { kind: 'partner', id: partner.id };
        if (!sectorTouched) sector.value = setup.sectors.some((entry) => entry.value === partner.sector) ? partner.sector : UNSTATED;
        drawList();
      });
    });
    const typed = search.value.trim();
    if (typed !== '' && !partners.some((partner) => fold(partner.name) === fold(typed))) {
      const chosen = organisation?.kind === 'typed' && organisation.name === typed;
      buttons.push(on(el('button', { type: 'button', class: 'choice', 'aria-pressed': String(chosen) }, `Another organisation: “${typed}”`), 'click', () => {
        organisation = { kind: 'typed', name: typed };
        drawList();
      }));
    } else if (organisation?.kind === 'typed') {
      buttons.unshift(el('button', { type: 'button', class: 'choice', 'aria-pressed': 'true' }, organisation.name));
    }
    if (buttons.length === 0) buttons.push(el('p', { class: 'hint' }, 'No partner matches.'));
    list.replaceChildren(...buttons);
    unstated.setAttribute('aria-pressed', String(organisation?.kind === 'unstated'));
    none.setAttribute('aria-pressed', String(organisation?.kind === 'none'));
  };
  on(search, 'input', drawList);
  on(unstated, 'click', () => {
    organisation = { kind: 'unstated' };
    drawList();
  });
  on(none, 'click', () => {
    organisation = { kind: 'none' };
    drawList();
  });
  drawList();

  const next = on(el('button', { class: 'primary', type: 'button' }, 'Continue'), 'click', () => {
    const chosen: Profile = {};
    if (organisation?.kind === 'partner') chosen.organisation = organisation.id;
    if (organisation?.kind === 'typed') chosen.organisation = organisation.name;
    if (sector.value !== UNSTATED) chosen.sector = sector.value;
    if (role.value !== UNSTATED) chosen.role = role.value;
    if (withName.checked && name.value.trim() !== '') chosen.name = name.value.trim();
    state.profile = chosen;
    enqueue({ kind: 'profile', ...chosen });
    go(firstUnanswered());
  });

  app.append(
    el('h1', { tabindex: '-1' }, 'About you'),
    el('p', { class: 'muted' }, 'Used only to compare groups of at least ' + setup.minGroupSize + ' people. Every question can be skipped.'),
    el('label', { for: 'organisation-search' }, setup.questions.organisation),
    el('div', { class: 'quick' }, unstated, none),
    search,
    list,
    el('label', { for: 'sector' }, setup.questions.sector),
    sector,
    el('label', { for: 'role' }, setup.questions.role),
    role,
    el('label', { class: 'check' }, withName, 'Add my name (optional)'),
    nameField,
    el('p', {}),
    next,
    el('div', { class: 'nav' }, on(el('button', { type: 'button', class: 'link' }, 'Back'), 'click', () => go({ view: 'consent' })), el('span', { class: 'save', id: 'save' })),
  );
}

function renderStatement(index: number): void {
  const statement = statements[index]!;
  const current = state.answers[statement.practice];
  const choose = (answer: AnswerValue) => {
    state.answers[statement.practice] = answer;
    enqueue({ kind: 'answer', practice: statement.practice, answer });
    go(closesPrinciple(index) ? { view: 'comment', index } : { view: 'statement', index: index + 1 });
  };
  const buttons = setup.scale.map((label, offset) =>
    on(el('button', { type: 'button', 'aria-pressed': String(current === offset + 1), 'data-answer': String(offset + 1) }, el('span', { class: 'n' }, String(offset + 1)), label), 'click', () => choose(offset + 1)),
  );
  const dontKnow = on(el('button', { type: 'button', class: 'dont-know', 'aria-pressed': String(current === 'dont_know'), 'data-answer': 'dont_know' }, setup.dontKnow), 'click', () => choose('dont_know'));
  const progress = el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(statements.length), 'aria-valuenow': String(answered()) }, el('span'));
  (progress.firstChild as HTMLElement).style.width = `${(answered() / statements.length) * 100}%`;
  app.append(
    el('div', { class: 'top' }, el('span', { id: 'position' }, `Statement ${index + 1} of ${statements.length}`), el('span', {}, `${answered()} answered`)),
    progress,
    el('p', { class: 'principle' }, principleOf(index).title),
    el('h1', { class: 'statement', tabindex: '-1' }, statement.statement),
    el('div', { class: 'scale', role: 'group', 'aria-label': 'Your answer' }, ...buttons, dontKnow),
    el('div', { class: 'nav' }, on(el('button', { type: 'button', class: 'secondary' }, 'Back'), 'click', () => back(index)), el('span', { class: 'save', id: 'save' })),
  );
}

function back(index: number): void {
  if (index === 0) return go({ view: 'profile' });
  go(closesPrinciple(index - 1) ? { view: 'comment', index: index - 1 } : { view: 'statement', index: index - 1 });
}

function renderComment(index: number): void {
  const principle = principleOf(index);
  const box = el('textarea', { id: 'comment', maxlength: String(LIMITS.commentChars) }) as HTMLTextAreaElement;
  box.value = state.comments[principle.id] ?? '';
  const next = on(el('button', { class: 'primary', type: 'button' }, box.value.trim() === '' ? 'Skip' : 'Next'), 'click', () => {
    const text = box.value.trim();
    if (text !== (state.comments[principle.id] ?? '').trim()) {
      state.comments[principle.id] = text;
      enqueue({ kind: 'comment', principle: principle.id, text });
    }
    go(index + 1 < statements.length ? { view: 'statement', index: index + 1 } : { view: 'done' });
  });
  on(box, 'input', () => (next.textContent = box.value.trim() === '' ? 'Skip' : 'Next'));
  app.append(
    el('p', { class: 'principle' }, principle.title),
    el('h1', { tabindex: '-1' }, principle.commentQuestion),
    el('label', { for: 'comment' }, 'Optional comment'),
    box,
    el('p', { class: 'hint' }, 'Comments are never shown on the room’s screen. A report shows them only if the facilitator asks for them, and never with a name.'),
    next,
    el('div', { class: 'nav' }, on(el('button', { type: 'button', class: 'secondary' }, 'Back'), 'click', () => go({ view: 'statement', index })), el('span', { class: 'save', id: 'save' })),
  );
}

function renderDone(): void {
  const missing = firstUnanswered();
  app.append(el('h1', { tabindex: '-1' }, 'Thank you'), el('div', { id: 'summary', class: 'card' }, el('p', { class: 'muted' }, 'Saving your last answers…')));
  if (missing.view === 'statement') {
    app.append(on(el('button', { type: 'button', class: 'secondary' }, `Answer the ${statements.length - answered()} statements left`), 'click', () => go(missing)));
  }
  app.append(
    el('div', { class: 'nav' }, on(el('button', { type: 'button', class: 'link' }, 'Change my answers'), 'click', () => go({ view: 'statement', index: 0 })), el('span', { class: 'save', id: 'save' })),
  );
  void showSummary();
}

/** The person's own averages, from what the server has saved, once nothing is left to send. */
async function showSummary(): Promise<void> {
  const box = document.getElementById('summary');
  if (!box || state.queue.length > 0) return;
  let response: Response;
  try {
    response = await request('/api/me/summary');
  } catch {
    return;
  }
  if (!response.ok) return;
  const summary = (await response.json()) as OwnSummaryReply;
  const rows = summary.principles.flatMap((principle) => {
    const bar = el('div', { class: 'bar' }, el('span'));
    (bar.firstChild as HTMLElement).style.width = principle.mean === null ? '0' : `${((principle.mean - 1) / 4) * 100}%`;
    return [el('span', {}, principle.title), el('strong', {}, principle.mean === null ? '-' : principle.mean.toFixed(1)), bar];
  });
  box.replaceChildren(
    el('h2', {}, 'Your answers, by principle'),
    el('p', { class: 'muted' }, '1 = strongly disagree, 5 = strongly agree. Only you see this.'),
    el('div', { class: 'summary' }, ...rows),
    el('p', { class: 'muted' }, `${summary.answered} statements rated, ${summary.dontKnow} “don’t know”. Everything is saved.`),
  );
}

function setSaving(status: Saving): void {
  saving = status;
  showSaving();
}

function showSaving(): void {
  const box = document.getElementById('save');
  app.dataset.queue = String(state.queue.length);
  if (!box) return;
  const pending = state.queue.length;
  const effective: Saving = pending === 0 && saving !== 'failed' ? 'saved' : saving;
  box.className = `save ${effective}`;
  box.textContent =
    effective === 'saved'
      ? 'All answers saved'
      : effective === 'saving'
        ? 'Saving…'
        : effective === 'offline'
          ? `Not connected: ${pending} kept on this phone, sent when the connection is back`
          : 'An answer could not be saved';
}

document.addEventListener('keydown', (event) => {
  if (state.position.view !== 'statement' || event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
  if (event.metaKey || event.ctrlKey || event.altKey) return;
  const key = event.key;
  const button = key === '0' ? app.querySelector<HTMLButtonElement>('[data-answer="dont_know"]') : /^[1-5]$/.test(key) ? app.querySelector<HTMLButtonElement>(`[data-answer="${key}"]`) : null;
  if (button) {
    event.preventDefault();
    button.click();
  } else if (key === 'ArrowLeft' || key === 'Backspace') {
    event.preventDefault();
    back(state.position.index);
  }
});
for (const event of ['online', 'focus', 'pageshow']) window.addEventListener(event, () => void flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void flush();
});

async function start(): Promise<void> {
  if (state.token) {
    await reconcile();
    if (state.position.view === 'statement' && answered() > 0) notice = { text: `Welcome back: ${answered()} of ${statements.length} statements answered.`, kind: 'info' };
  }
  if (state.position.view === 'statement' && state.position.index >= statements.length) state.position = firstUnanswered();
  render();
  void flush();
}

void start();
