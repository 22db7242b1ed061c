// SVG charts for issue 9's evidence, shared by the web UI and the evidence report (pure: data in, markup
// out, every text escaped): the year's cumulative barrels against the UNSCR 2397 cap, and a site's counts
// over time with the change flags marked.
import { escapeHtml } from './escape.js';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

interface Frame { width: number; height: number; left: number; right: number; top: number; bottom: number }

function axes(f: Frame, x0: number, x1: number, yMax: number, yLabel: string, xTicks: number[]): { x: (ms: number) => number; y: (v: number) => number; parts: string[] } {
  const x = (ms: number): number => f.left + ((ms - x0) / Math.max(1, x1 - x0)) * (f.width - f.left - f.right);
  const y = (v: number): number => f.height - f.bottom - (v / Math.max(1, yMax)) * (f.height - f.top - f.bottom);
  const parts = [
    `<line x1="${f.left}" y1="${f.height - f.bottom}" x2="${f.width - f.right}" y2="${f.height - f.bottom}" stroke="#555"/>`,
    `<line x1="${f.left}" y1="${f.top}" x2="${f.left}" y2="${f.height - f.bottom}" stroke="#555"/>`,
    `<text x="4" y="${f.top - 6}" font-size="11" fill="#333">${escapeHtml(yLabel)}</text>`,
  ];
  for (const v of [0, yMax / 2, yMax]) {
    parts.push(`<text x="${f.left - 4}" y="${y(v) + 4}" font-size="10" text-anchor="end" fill="#333">${fmt(v)}</text>`);
  }
  for (const t of xTicks) {
    parts.push(`<line x1="${x(t)}" y1="${f.height - f.bottom}" x2="${x(t)}" y2="${f.height - f.bottom + 4}" stroke="#555"/>`,
      `<text x="${x(t)}" y="${f.height - f.bottom + 15}" font-size="10" text-anchor="middle" fill="#333">${escapeHtml(day(t).slice(0, 7))}</text>`);
  }
  return { x, y, parts };
}

export interface FuelChartInput {
  year: number;
  capBbl: number;
  /** Cumulative central barrels after each delivery, in time order. */
  running: ReadonlyArray<{ time: string; cumulative_bbl: number }>;
  /** The year's band, drawn as the end-of-year range. */
  band?: { low: number; high: number };
  widthPx?: number;
}

/** The year's cumulative delivered barrels (a step line) against the cap (a dashed red line). */
export function fuelChartSvg(input: FuelChartInput): string {
  const f: Frame = { width: input.widthPx ?? 480, height: 220, left: 64, right: 12, top: 22, bottom: 26 };
  const x0 = Date.UTC(input.year, 0, 1), x1 = Date.UTC(input.year + 1, 0, 1);
  const total = input.running.at(-1)?.cumulative_bbl ?? 0;
  const yMax = Math.max(input.capBbl, total, input.band?.high ?? 0) * 1.1;
  const { x, y, parts } = axes(f, x0, x1, yMax, 'barrels delivered (central estimate, cumulative)', [0, 3, 6, 9].map((m) => Date.UTC(input.year, m, 1)));
  parts.push(`<line class="cap-line" x1="${f.left}" x2="${f.width - f.right}" y1="${y(input.capBbl)}" y2="${y(input.capBbl)}" stroke="#b2182b" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="${f.width - f.right - 2}" y="${y(input.capBbl) - 4}" font-size="10" text-anchor="end" fill="#8a1020">UNSCR 2397 cap ${fmt(input.capBbl)} bbl</text>`);
  let d = `M${x(x0)},${y(0)}`;
  for (const r of input.running) {
    const t = Date.parse(r.time);
    d += ` H${x(t).toFixed(1)} V${y(r.cumulative_bbl).toFixed(1)}`;
  }
  // The line ends at the last delivery: what follows it is not known to be zero.
  const end = input.running.length ? Date.parse(input.running.at(-1)!.time) : x0;
  d += ` H${x(end).toFixed(1)}`;
  parts.push(`<path class="cumulative" d="${d}" fill="none" stroke="#0072b2" stroke-width="2.5"/>`);
  for (const r of input.running) {
    parts.push(`<circle cx="${x(Date.parse(r.time)).toFixed(1)}" cy="${y(r.cumulative_bbl).toFixed(1)}" r="3" fill="#0072b2"><title>${escapeHtml(`${r.time.slice(0, 10)}: ${fmt(r.cumulative_bbl)} bbl so far`)}</title></circle>`);
  }
  if (input.band && input.running.length) {
    const bx = x(end);
    parts.push(`<line class="band" x1="${bx}" x2="${bx}" y1="${y(input.band.low)}" y2="${y(input.band.high)}" stroke="#0072b2" stroke-width="6" stroke-opacity="0.35"><title>${escapeHtml(`band ${fmt(input.band.low)}–${fmt(input.band.high)} bbl`)}</title></line>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" class="fuel-chart" role="img" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" aria-label="${escapeHtml(`${input.year}: ${fmt(total)} barrels delivered against the cap of ${fmt(input.capBbl)}`)}">${parts.join('')}</svg>`;
}

export interface SeriesChartPoint {
  time: string;
  /** Count by category at this observation. */
  values: Record<string, number>;
  /** Categories flagged as a change here. */
  flagged: string[];
}

/** Okabe & Ito colours, one per category in order of appearance. */
const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#999999'];

/** A site's counts over time: one line per category, flagged observations marked with a red ring. */
export function siteSeriesSvg(points: readonly SeriesChartPoint[], widthPx = 480): string {
  const f: Frame = { width: widthPx, height: 200, left: 48, right: 12, top: 22, bottom: 40 };
  const times = points.map((p) => Date.parse(p.time));
  if (points.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" class="site-chart" width="${f.width}" height="40"><text x="4" y="20" font-size="12">No observations yet.</text></svg>`;
  const pad = Math.max(86_400_000, (Math.max(...times) - Math.min(...times)) * 0.05);
  const x0 = Math.min(...times) - pad, x1 = Math.max(...times) + pad;
  const cats = [...new Set(points.flatMap((p) => Object.keys(p.values)))];
  const yMax = Math.max(1, ...points.flatMap((p) => Object.values(p.values))) * 1.1;
  const ticks = times.length > 1 ? [x0 + pad, (x0 + x1) / 2, x1 - pad] : [times[0]!];
  const { x, y, parts } = axes(f, x0, x1, yMax, 'count', ticks);
  cats.forEach((cat, k) => {
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length]!;
    const pts = points.filter((p) => p.values[cat] !== undefined);
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.map((p) => `${x(Date.parse(p.time)).toFixed(1)},${y(p.values[cat]!).toFixed(1)}`).join(' ')}"/>`);
    for (const p of pts) {
      const flagged = p.flagged.includes(cat);
      parts.push(`<circle class="${flagged ? 'flag' : 'obs'}" data-category="${escapeHtml(cat)}" cx="${x(Date.parse(p.time)).toFixed(1)}" cy="${y(p.values[cat]!).toFixed(1)}" r="${flagged ? 6 : 3}" fill="${flagged ? '#fff' : colour}" stroke="${flagged ? '#b2182b' : colour}" stroke-width="${flagged ? 3 : 1}"><title>${escapeHtml(`${p.time.slice(0, 10)} ${cat.replace(/_/g, ' ')} ${p.values[cat]}${flagged ? ' — CHANGE: far above its recent baseline' : ''}`)}</title></circle>`);
    }
    parts.push(`<rect x="${f.left + k * 100}" y="${f.height - 14}" width="10" height="10" fill="${colour}"/><text x="${f.left + k * 100 + 14}" y="${f.height - 5}" font-size="10" fill="#333">${escapeHtml(cat.replace(/_/g, ' '))}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="site-chart" role="img" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" aria-label="counts over time">${parts.join('')}</svg>`;
}
