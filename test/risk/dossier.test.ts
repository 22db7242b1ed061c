// The vessel dossier on a small store built here: identity history (the store's identity_history table), events
// (the detectors' table) and the real OFAC/UN lists.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { IDENTITIES_DDL } from '../../src/store/identities.js';
import { ensureEventsSchema } from '../../src/store/events.js';
import { importList } from '../../src/store/lists.js';
import { buildDossier } from '../../src/store/vessel-dossier.js';
import { renderMarkdown, renderText } from '../../src/cli/commands/vessel.js';
import { ofac2021, unConsolidated } from '../fixtures/sanctions/load.js';
import type { TumenEvent } from '../../src/events/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-dossier-'));
let store: Store;

const A_RU = 273111000; // the ship, first under the Russian flag
const A_PA = 352999000; // the same hull (IMO 9811000) later under Panama
const B = 445222000; // a DPRK ship broadcasting a listed name

async function identity(mmsi: number, field: string, value: string, first: string, last: string): Promise<void> {
  await store.run('INSERT INTO identity_history VALUES ($mmsi, $field, $value, $first, $last, 10)', { mmsi, field, value, first, last });
}

async function event(e: TumenEvent): Promise<void> {
  await store.run(
    'INSERT INTO events VALUES ($id, $type, $mmsi, $start, $end, $lat, $lon, $other, $port, $body)',
    { id: e.id, type: e.type, mmsi: e.mmsi, start: e.start, end: e.end, lat: e.lat, lon: e.lon, other: e.other_mmsi ?? null, port: e.port?.id ?? null, body: JSON.stringify(e) },
  );
}

beforeAll(async () => {
  store = await Store.open(join(dir, 't.duckdb'));
  await store.ensureSchema(IDENTITIES_DDL);
  await ensureEventsSchema(store);
  const at = new Date('2026-01-01T00:00:00Z');
  await importList(store, { ...ofac2021(), version: 'ofac-2021' }, { name: 'ofac-sdn', file: 'sdn.csv', importedAt: at });
  await importList(store, unConsolidated(), { name: 'un-consolidated', file: 'UN.xml', importedAt: at });
  await identity(A_RU, 'shipname', 'OCEAN PRIDE', '2023-01-01 00:00:00', '2023-08-01 00:00:00');
  await identity(A_RU, 'shipname', 'NOVA', '2023-08-02 00:00:00', '2024-01-01 00:00:00');
  await identity(A_RU, 'imo', '9811000', '2023-01-01 00:00:00', '2024-01-01 00:00:00');
  await identity(A_PA, 'shipname', 'NOVA', '2024-02-01 00:00:00', '2024-06-01 00:00:00');
  await identity(A_PA, 'imo', '9811000', '2024-02-01 00:00:00', '2024-06-01 00:00:00');
  await identity(B, 'shipname', 'CHON MA SAN', '2023-01-01 00:00:00', '2024-06-01 00:00:00');
  const base = { end: '2023-09-02T00:00:00Z', evidence: {} };
  await event({ ...base, id: 'pv-najin', type: 'port_visit', mmsi: A_RU, start: '2023-09-01T00:00:00Z', lat: 42.24, lon: 130.3, port: { id: 'W1', name: 'Najin', country: 'KP' } });
  await event({ ...base, id: 'gap-vost', type: 'gap', mmsi: A_RU, start: '2023-10-01T00:00:00Z', lat: 42.7, lon: 133.0, intentional: true, duration_h: 30 });
  await event({ ...base, id: 'enc-b', type: 'encounter', mmsi: A_PA, start: '2024-03-01T00:00:00Z', lat: 40, lon: 131, other_mmsi: B });
  await event({ ...base, id: 'pv-b', type: 'port_visit', mmsi: B, start: '2024-04-01T00:00:00Z', lat: 38.72, lon: 125.4, port: { id: 'W2', name: 'Nampo', country: 'KP' } });
});
afterAll(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });

describe('tumen vessel dossier', () => {
  it('follows the IMO across MMSIs and explains the risk', async () => {
    const d = await buildDossier(store, 'IMO 9811000');
    expect(d.mmsis).toEqual([A_RU, A_PA]);
    expect(d.current).toEqual({ shipname: 'NOVA', imo: '9811000', callsign: null, flag: 'PA', shiptype: null });
    expect(d.screening.verdict).toBe('clear');
    expect(d.events.map((e) => e.id)).toEqual(['pv-najin', 'gap-vost', 'enc-b']);
    expect(d.counterparties).toEqual([{ mmsi: B, listed: true, level: 'sanctioned', entries: ['ofac-sdn#23729 CHON MA SAN', 'un-consolidated#KPe.061 CHON MA SAN'] }]);
    expect(d.risk.indicators.map((i) => [i.id, i.points, i.evidence.event_ids])).toEqual([
      ['port_call_poi', 60, ['pv-najin']],
      ['intentional_gap_near_poi', 15, ['gap-vost']],
      ['encounter_risky_vessel', 60, ['enc-b']],
      ['identity_change', 10, []],
      ['flag_hopping', 15, []],
      ['flag_of_convenience', 5, []],
    ]);
    expect([d.risk.score, d.risk.level]).toEqual([165, 'high']);
  });

  it('finds the listed partner by its broadcast name and renders text and markdown', async () => {
    const d = await buildDossier(store, String(B));
    expect(d.screening.verdict).toBe('match');
    expect(d.risk.level).toBe('sanctioned');
    expect(d.counterparties.map((c) => c.mmsi)).toEqual([A_PA]);
    const md = renderMarkdown(d);
    expect(md).toContain('# CHON MA SAN');
    expect(md).toContain('## Risk: sanctioned');
    expect(md).toContain('| ofac-sdn | ofac-2021 | 23729 | CHON MA SAN | 1 | name |');
    expect(renderText(d)).toContain('Risk: SANCTIONED');
  });

  it('gives a list-only dossier for a name the store never saw', async () => {
    const d = await buildDossier(store, 'RYE SONG GANG 1');
    expect(d.mmsis).toEqual([]);
    expect(d.screening.matches.map((m) => m.entry_id)).toEqual(['23186']);
    expect(d.risk.level).toBe('sanctioned');
  });
});
