// Tiny DOM helpers: build elements without a framework, always setting text (never HTML) from data.
import { eventStyle, hex } from './colors.js';
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

export const fmtTime = (iso: string | null | undefined): string => (iso ? iso.slice(0, 16).replace('T', ' ') : 'open');

export function table(headers: string[], rows: Array<Array<string | number | null | undefined | Node>>): HTMLTableElement {
  return el('table', {},
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c instanceof Node ? c : c === null || c === undefined ? '' : String(c)))))));
}

/** Saves text as a file through a temporary link (the browser's download manager). */
export function downloadText(text: string, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An event type as a badge: its shape in its colour, then its name in dark text (contrast >= 4.5:1 on white). */
export function badge(type: string): HTMLSpanElement {
  const st = eventStyle(type);
  return el('span', { class: 'badge', 'data-type': type },
    el('span', { class: 'shape', style: `color:${hex(st.rgb)}`, 'aria-hidden': 'true' }, st.shape), ` ${st.label}`);
}

export interface VesselLabelJson { mmsi: number; name: string | null; imo: string | null; flag: string | null; callsign?: string | null; shiptype?: string | null }

/** "SIBIR · RU · IMO 8604864" linking to the ship's page; the MMSI when no name is known. */
export function vesselLink(v: VesselLabelJson | undefined, mmsi: number): HTMLAnchorElement {
  const bits = [v?.name ?? `MMSI ${mmsi}`, v?.flag, v?.imo ? `IMO ${v.imo}` : null].filter(Boolean);
  return el('a', { href: `#/vessel/${mmsi}`, title: `MMSI ${mmsi}${v?.shiptype ? ` · ${v.shiptype}` : ''}` }, bits.join(' · '));
}

/** A loading line (announced to screen readers) until `replaceChildren` replaces it. */
export function loading(text: string): HTMLElement {
  return el('p', { class: 'loading', role: 'status', 'aria-live': 'polite' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), ` ${text}`);
}

/** An error with what to do: a retry button, and the API's own message (never a bare "Failed to fetch"). */
export function errorBox(err: unknown, retry: () => void): HTMLElement {
  const raw = err instanceof Error ? err.message : String(err);
  const msg = /Failed to fetch|NetworkError|Load failed/i.test(raw) ? 'The Tumen server did not answer. Is `tumen serve` still running?' : raw;
  const btn = el('button', { type: 'button', class: 'retry' }, 'Retry');
  btn.addEventListener('click', retry);
  return el('div', { class: 'error-box', role: 'alert' }, el('p', { class: 'error' }, msg), btn);
}
