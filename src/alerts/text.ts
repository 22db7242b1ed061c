// One line per alert for people: the CLI, the web panel's fallback and the webhook's `text` field.
import type { Alert } from './types.js';

const when = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** "SIBIR (RU, IMO 9074729) went dark 20.0 km from Vostochny (RU) at 2024-03-01 04:00 UTC". `who` names a vessel. */
export function alertText(a: Alert, who: (mmsi: number) => string): string {
  const lists = [...new Set((a.listings ?? []).map((l) => `${l.list} "${l.name}"`))].join('; ');
  switch (a.kind) {
    case 'dark_near_port':
      return `${who(a.mmsi)} went dark ${a.port?.distance_km} km from ${a.port?.name} (${a.port?.country}) at ${when(a.time)}, silent ≥ ${String(a.evidence.silent_h_at_alert)} h`;
    case 'listed_encounter':
      return `encounter ${who(a.mmsi)} ↔ ${who(a.other_mmsi!)} from ${when(a.time)}; listed: ${lists}`;
    case 'listed_active':
      return `listed ship ${who(a.mmsi)} active at ${when(a.time)} (${String(a.evidence.reason)}); listed: ${lists}`;
  }
}
