// An SVG timeline of events (one row per event type) and reporting gaps, for the vessel page and the
// evidence report. Pure: data in, SVG markup out.
import { escapeHtml } from './escape.js';

export interface TimelineEvent {
  id: string;
  type: string;
  start: string;
  end: string | null;
}

export interface TimelineInput {
  fromMs: number;
  toMs: number;
  events: TimelineEvent[];
  /** Reporting gaps of the track, [startMs, endMs]. */
  gaps?: Array<[number, number]>;
  widthPx?: number;
  colors?: Record<string, string>;
}

const ROW_H = 18;
const LABEL_W = 110;

export function timelineSvg(input: TimelineInput): string {
  const width = input.widthPx ?? 800;
  const types = [...new Set(input.events.map((e) => e.type))].sort();
  const rows = [...(input.gaps?.length ? ['track gaps'] : []), ...types];
  const height = rows.length * ROW_H + 28;
  const span = Math.max(1, input.toMs - input.fromMs);
  const x = (ms: number): number => LABEL_W + ((Math.min(Math.max(ms, input.fromMs), input.toMs) - input.fromMs) / span) * (width - LABEL_W - 10);
  const color = (t: string): string => input.colors?.[t] ?? '#555';
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = i * ROW_H + 4;
    parts.push(`<text x="4" y="${y + 12}" font-size="11">${escapeHtml(row)}</text>`);
    parts.push(`<line x1="${LABEL_W}" x2="${width - 10}" y1="${y + 8}" y2="${y + 8}" stroke="#ddd"/>`);
  });
  const rowY = (row: string): number => rows.indexOf(row) * ROW_H + 4;
  for (const [a, b] of input.gaps ?? []) {
    const y = rowY('track gaps');
    parts.push(`<rect x="${x(a).toFixed(1)}" y="${y + 2}" width="${Math.max(2, x(b) - x(a)).toFixed(1)}" height="12" fill="none" stroke="#d0002a" stroke-dasharray="3 2"><title>gap ${new Date(a).toISOString()} – ${new Date(b).toISOString()}</title></rect>`);
  }
  for (const e of input.events) {
    const a = Date.parse(e.start);
    const b = e.end ? Date.parse(e.end) : input.toMs;
    const y = rowY(e.type);
    parts.push(`<rect data-event="${escapeHtml(e.id)}" x="${x(a).toFixed(1)}" y="${y + 2}" width="${Math.max(3, x(b) - x(a)).toFixed(1)}" height="12" fill="${color(e.type)}"${e.end ? '' : ' opacity="0.6"'}><title>${escapeHtml(e.type)} ${escapeHtml(e.start)} – ${escapeHtml(e.end ?? 'open')}</title></rect>`);
  }
  const axisY = rows.length * ROW_H + 8;
  // About one labelled tick per 200 px, so labels never overlap.
  const ticks = Math.max(1, Math.floor((width - LABEL_W) / 200));
  for (let k = 0; k <= ticks; k++) {
    const ms = input.fromMs + (span * k) / ticks;
    const px = x(ms);
    parts.push(`<line x1="${px}" x2="${px}" y1="${axisY - 4}" y2="${axisY}" stroke="#666"/>`);
    parts.push(`<text x="${px}" y="${axisY + 12}" font-size="10" text-anchor="${k === 0 ? 'start' : k === ticks ? 'end' : 'middle'}">${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}</text>`);
  }
  return `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif">${parts.join('')}</svg>`;
}
