// What the evidence pack shows beyond AIS for its events: the fuel deliveries they are (with every tanker's
// totals of those years against the cap), the satellite scenes taken during them, and the site counts that
// coincide. Read from the store; rendered by src/report/beyond-ais.ts.
import type { Store } from '../store/db.js';
import type { TumenEvent } from '../events/schema.js';
import type { BeyondAisInput } from '../report/beyond-ais.js';
import { fuelReport } from '../store/fuel.js';
import { FUEL_PARAMS } from '../fuel/params.js';
import { vesselLabels } from '../store/vessel-labels.js';
import { imageryForEvent } from './imagery-json.js';
import { siteLinksFor } from './site-links.js';
import { tableExists } from './sql-util.js';

/** Events whose imagery is looked up, and scenes shown: fusion reads the AIS around each scene. */
const MAX_IMAGERY_EVENTS = 30;
const MAX_REPORT_SCENES = 12;
/** Event types an image can confirm or contradict (where was the ship while dark, who met whom). */
const IMAGERY_TYPES = new Set(['dark_port_call', 'gap', 'dark_detection', 'spoofing', 'encounter']);

export async function beyondAisOf(store: Store, events: readonly TumenEvent[]): Promise<BeyondAisInput> {
  const out: BeyondAisInput = {};
  if (events.length === 0) return out;
  if ((await tableExists(store, 'events')) && (await tableExists(store, 'statics'))) {
    const ids = new Set(events.map((e) => e.id));
    const r = await fuelReport(store);
    const mine = r.deliveries.filter((d) => ids.has(d.event_id));
    if (mine.length) {
      const labels = await vesselLabels(store, mine.map((d) => d.mmsi));
      const years = new Set(mine.map((d) => Number(d.start.slice(0, 4))));
      out.fuel = { capBbl: FUEL_PARAMS.capBblPerYear, deliveries: mine.map((d) => ({ ...d, vessel: labels.get(d.mmsi) })), years: r.years.filter((y) => years.has(y.year)) };
    }
  }
  if (await tableExists(store, 'imagery_scenes')) {
    const scenes: NonNullable<BeyondAisInput['imagery']> = [];
    for (const e of events.filter((x) => IMAGERY_TYPES.has(x.type)).slice(0, MAX_IMAGERY_EVENTS)) {
      if (scenes.length >= MAX_REPORT_SCENES) break;
      for (const s of await imageryForEvent(store, e)) scenes.push({ event_id: e.id, ...s });
    }
    if (scenes.length) out.imagery = scenes.slice(0, MAX_REPORT_SCENES);
  }
  const links = await siteLinksFor(store, events);
  if (links.length) out.siteCounts = links;
  return out;
}
