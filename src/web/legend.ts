// The map legend: every event type's shape and colour with its name, and the lines and areas of a
// selected event (track, partner, dark stretch, reachable area, ports). Collapsible, keyboard-reachable.
import { EVENT_STYLE, GAP_HEX, PARTNER_RGB, PORT_HEX, CANDIDATE_HEX, REACHABLE_HEX, TRACK_RGB, hex } from './colors.js';
import { el } from './dom.js';

export function legend(): HTMLElement {
  const items = Object.entries(EVENT_STYLE).map(([type, st]) => el('li', { 'data-type': type },
    el('span', { class: 'shape', style: `color:${hex(st.rgb)}`, 'aria-hidden': 'true' }, st.shape), ` ${st.label}`));
  const line = (color: string, dashed: boolean, text: string) => el('li', {},
    el('span', { class: `swatch-line${dashed ? ' dashed' : ''}`, style: `border-color:${color}`, 'aria-hidden': 'true' }), ` ${text}`);
  const area = (color: string, text: string) => el('li', {}, el('span', { class: 'swatch-area', style: `border-color:${color};background:${color}33`, 'aria-hidden': 'true' }), ` ${text}`);
  const dot = (color: string, text: string, hollow = false) => el('li', {},
    el('span', { class: 'swatch-dot', style: hollow ? `border-color:${color};background:#fff` : `background:${color}`, 'aria-hidden': 'true' }), ` ${text}`);
  return el('details', { class: 'legend', id: 'legend', open: true },
    el('summary', {}, 'Legend'),
    el('ul', {}, ...items,
      line(hex(TRACK_RGB), false, 'track (➤ direction, time ticks)'), line(hex(PARTNER_RGB), false, 'other ship'),
      line(GAP_HEX, true, 'dark: no AIS'), area(REACHABLE_HEX, 'reachable while dark'),
      dot(PORT_HEX, 'inferred / visited port'), dot(CANDIDATE_HEX, 'candidate port', true),
      el('li', {}, el('span', { class: 'shape port', 'aria-hidden': 'true' }, '⚓'), ' port of interest')));
}
