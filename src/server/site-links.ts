// Site observations that coincide with events, from the store: the sites, their observations, the ships'
// AIS lengths and the port gazetteer handed to the core's matcher (src/sites/coincide.ts). Used by
// GET /api/observations/coincident and the evidence report.
import type { Store } from '../store/db.js';
import type { TumenEvent } from '../events/schema.js';
import { listSites, observationsOf } from '../store/sites.js';
import { vesselLengths } from '../store/imagery-fuse.js';
import { allPorts } from '../reference/wpi.js';
import { coincidentObservations, type CoincidentObservation } from '../sites/coincide.js';
import { tableExists } from './sql-util.js';

export async function siteLinksFor(store: Store, events: readonly TumenEvent[]): Promise<CoincidentObservation[]> {
  if (events.length === 0) return [];
  const lengths = (await tableExists(store, 'statics')) ? await vesselLengths(store) : new Map<number, number>();
  const ports = new Map(allPorts().map((p) => [p.id, { lat: p.lat, lon: p.lon }]));
  return coincidentObservations(events, await listSites(store), await observationsOf(store), {
    lengthOf: (m) => lengths.get(m) ?? null, portPosition: (pid) => ports.get(pid),
  });
}
