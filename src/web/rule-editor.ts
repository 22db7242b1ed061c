// Watch rules edited in the browser: the rule list with edit and remove, and a form that adds a rule or
// saves an edited one (POST /api/watch, DELETE /api/watch/{id}, with the write token). A rule's id comes from
// its conditions, so an edit that changes them is a new rule: it is added, then the old one is removed (its
// alerts stay). Webhook secrets never come back from the server: an edit must type the secret again to keep
// the webhook.
import type { WatchRule } from '../alerts/types.js';
import { el } from './dom.js';

export interface RuleRow { rule: WatchRule; text: string; webhook: string | null; alerts: number }

const TOKEN_KEY = 'tumen-write-token';

/** Comma-separated text as a list ([] when empty). */
const words = (s: string): string[] => s.split(',').map((w) => w.trim()).filter(Boolean);
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The JSON body of POST /api/watch for the form's fields: only those the chosen kind takes. */
export function ruleBody(f: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: f.kind };
  if (f.kind === 'dark_near_port') {
    if (f.imo.trim()) body.imo = f.imo.trim();
    if (f.mmsi.trim()) body.mmsi = num(f.mmsi);
    if (words(f.ports).length) body.ports = words(f.ports);
    if (num(f.withinKm) !== undefined) body.withinKm = num(f.withinKm);
    if (num(f.afterH) !== undefined) body.afterH = num(f.afterH);
    if (f.anySilence === 'true') body.anySilence = true;
  } else {
    if (words(f.lists).length) body.lists = words(f.lists);
    if (f.kind === 'listed_active' && num(f.quietH) !== undefined) body.quietH = num(f.quietH);
  }
  if (f.label.trim()) body.label = f.label.trim();
  if (f.webhookUrl.trim()) body.webhook = { url: f.webhookUrl.trim(), secret: f.webhookSecret };
  return body;
}

async function send(method: 'POST' | 'DELETE', path: string, token: string, body?: unknown): Promise<{ rule?: WatchRule }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new Error('The Tumen server did not answer. Is `tumen serve` still running?');
  }
  if (res.status === 204) return {};
  const json = (await res.json().catch(() => ({}))) as { rule?: WatchRule; error?: { message?: string } };
  if (!res.ok) throw new Error(json.error?.message ?? `${res.status} ${res.statusText}`);
  return json;
}

const field = (label: string, input: HTMLInputElement | HTMLSelectElement, cls = ''): HTMLLabelElement => el('label', { class: cls }, label, input);

/** The rule list with edit/remove buttons and the add/edit form; `changed` reloads the panel after a save. */
export function ruleEditor(rules: RuleRow[], writes: boolean, changed: () => void): HTMLElement {
  const list = el('ul', { id: 'watch-rules' }, ...rules.map((r) => el('li', { 'data-rule': r.rule.id },
    `${r.rule.label ? `${r.rule.label}: ` : ''}${r.text}${r.webhook ? ` → webhook ${r.webhook}` : ''} (${r.alerts} alert${r.alerts === 1 ? '' : 's'}) `,
    ...(writes ? [
      el('button', { type: 'button', class: 'rule-edit', 'aria-label': `edit rule ${r.rule.id}` }, 'edit'),
      el('button', { type: 'button', class: 'rule-remove', 'aria-label': `remove rule ${r.rule.id}` }, 'remove'),
    ] : []))));
  if (!writes) return el('div', {}, list, el('p', { class: 'muted' }, 'This server takes no writes (started without a token): rules are changed with `tumen watch add|rm`.'));

  const input = (name: string, attrs: Record<string, string> = {}): HTMLInputElement => el('input', { name, ...attrs });
  const kind = el('select', { name: 'kind' },
    el('option', { value: 'dark_near_port' }, 'a watched ship goes dark near a port of interest'),
    el('option', { value: 'listed_encounter' }, 'an encounter involving a listed ship'),
    el('option', { value: 'listed_active' }, 'a listed ship is active after a silence'));
  const inputs = {
    imo: input('imo', { inputmode: 'numeric', placeholder: '9074729' }), mmsi: input('mmsi', { inputmode: 'numeric' }),
    ports: input('ports', { placeholder: 'Rajin, Vostochny (empty: every port of interest)' }),
    withinKm: input('withinKm', { inputmode: 'decimal', placeholder: 'default' }), afterH: input('afterH', { inputmode: 'decimal', placeholder: 'default' }),
    lists: input('lists', { placeholder: 'empty: every loaded list' }), quietH: input('quietH', { inputmode: 'decimal', placeholder: 'default' }),
    label: input('label'), webhookUrl: input('webhookUrl', { type: 'url', placeholder: 'https://… (optional)' }),
    webhookSecret: input('webhookSecret', { type: 'password', autocomplete: 'off', placeholder: '16 characters or more' }),
    anySilence: input('anySilence', { type: 'checkbox' }),
  };
  const token = input('token', { type: 'password', autocomplete: 'off', required: 'true' });
  token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const darkOnly = [field('IMO', inputs.imo), field('or MMSI', inputs.mmsi), field('near ports', inputs.ports, 'wide'), field('within km', inputs.withinKm), field('silent hours', inputs.afterH),
    field('every silence, coverage holes too (default: only silences the reception shows intentional)', inputs.anySilence, 'wide')];
  const listOnly = [field('lists', inputs.lists, 'wide')];
  const activeOnly = [field('alert again after silent hours', inputs.quietH)];
  const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite', id: 'rule-status' });
  const save = el('button', { type: 'submit', id: 'rule-save' }, 'Add rule');
  const cancel = el('button', { type: 'button', id: 'rule-cancel', hidden: 'true' }, 'Cancel edit');
  let editing: WatchRule | null = null;
  const show = (): void => {
    for (const f of darkOnly) f.hidden = kind.value !== 'dark_near_port';
    for (const f of listOnly) f.hidden = kind.value === 'dark_near_port';
    for (const f of activeOnly) f.hidden = kind.value !== 'listed_active';
  };
  kind.addEventListener('change', show);
  const form = el('form', { class: 'filters', id: 'rule-form', 'aria-label': 'add or edit a watch rule' },
    field('rule', kind, 'wide'), ...darkOnly, ...listOnly, ...activeOnly, field('label', inputs.label, 'wide'),
    field('webhook URL', inputs.webhookUrl), field('webhook secret', inputs.webhookSecret), field('write token', token, 'wide'),
    el('div', { class: 'row' }, save, cancel), status);
  show();
  const details = el('details', { id: 'rule-editor' }, el('summary', {}, 'Add or edit a watch rule'), form);
  const reset = (): void => {
    editing = null;
    form.reset();
    token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
    save.textContent = 'Add rule';
    cancel.hidden = true;
    show();
  };
  cancel.addEventListener('click', reset);

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const values = Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.type === 'checkbox' ? (i.checked ? 'true' : '') : i.value]));
    const body = ruleBody({ ...values, kind: kind.value });
    sessionStorage.setItem(TOKEN_KEY, token.value);
    status.textContent = 'Saving…';
    void (async () => {
      try {
        const { rule } = await send('POST', 'api/watch', token.value, body);
        // New conditions = a new rule id: the edited rule goes (its alerts stay).
        if (editing && rule && rule.id !== editing.id) await send('DELETE', `api/watch/${editing.id}`, token.value);
        status.textContent = editing ? 'Rule saved.' : 'Rule added.';
        changed();
      } catch (err) {
        status.textContent = `Not saved: ${(err as Error).message}`;
      }
    })();
  });

  list.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest('button');
    const id = button?.closest('li')?.getAttribute('data-rule');
    const row = rules.find((r) => r.rule.id === id);
    if (!button || !row) return;
    if (button.classList.contains('rule-remove')) {
      if (!token.value) { status.textContent = 'Type the write token first.'; token.focus(); return; }
      sessionStorage.setItem(TOKEN_KEY, token.value);
      void send('DELETE', `api/watch/${row.rule.id}`, token.value).then(changed, (err: Error) => { status.textContent = `Not removed: ${err.message}`; });
      return;
    }
    const r = row.rule;
    editing = r;
    kind.value = r.kind;
    inputs.label.value = r.label ?? '';
    if (r.kind === 'dark_near_port') {
      inputs.imo.value = r.imo ?? '';
      inputs.mmsi.value = r.mmsi === null ? '' : String(r.mmsi);
      inputs.ports.value = r.ports.join(', ');
      inputs.withinKm.value = String(r.withinKm);
      inputs.afterH.value = String(r.afterH);
      inputs.anySilence.checked = r.anySilence === true;
    } else {
      inputs.lists.value = r.lists.join(', ');
      if (r.kind === 'listed_active') inputs.quietH.value = String(r.quietH);
    }
    inputs.webhookUrl.value = row.webhook ?? '';
    inputs.webhookSecret.value = '';
    status.textContent = row.webhook ? 'Secrets are never shown: type the webhook secret again to keep the webhook, or clear the URL to drop it.' : '';
    save.textContent = 'Save rule';
    cancel.hidden = false;
    details.open = true;
    show();
    inputs.label.focus();
  });

  return el('div', {}, list, details);
}
