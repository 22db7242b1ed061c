// What the evidence pack shows beyond AIS for its events: the fuel deliveries they are (with every tanker's
// totals of those years against the cap), the satellite scenes taken during them, and the site counts that
// coincide. Read from the store; rendered by src/report/beyond-ais.ts.
import type { Store } from '../store/db.js';
import type { TumenEvent } from '../events/schema.js';
import type { BeyondAisInput } from '../report/beyond-ais.js';
import { fuelReport } from '../store/fuel.js';
import { FUEL_PARAMS } from '../fuel/params.js';
import { vesselLabels } from '../store/vessel-labels.js';
import { fusedScenes, scenesForEvent } from './imagery-json.js';
import type { Scene } from '../imagery/types.js';
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
    const aside = r.set_aside.filter((x) => ids.has(x.event_id));
    const pending = r.pending.filter((x) => ids.has(x.event_id));
    if (mine.length || aside.length || pending.length) {
      const labels = await vesselLabels(store, [...mine, ...pending, ...aside].map((d) => d.mmsi));
      const years = new Set(mine.map((d) => Number(d.start.slice(0, 4))));
      out.fuel = {
        capBbl: FUEL_PARAMS.capBblPerYear, deliveries: mine.map((d) => ({ ...d, vessel: labels.get(d.mmsi) })), years: r.years.filter((y) => years.has(y.year)),
        pending: pending.map((x) => ({ ...x, vessel: labels.get(x.mmsi) })),
        set_aside: aside.map((x) => ({ ...x, vessel: labels.get(x.mmsi) })),
      };
    }
  }
  if (await tableExists(store, 'imagery_scenes')) {
    // Which scenes bear on which events is a cheap read; only the scenes shown are fused (in one call).
    const imageryEvents = events.filter((x) => IMAGERY_TYPES.has(x.type));
    const pairs: Array<{ event_id: string; scene_id: string }> = [];
    const sceneById = new Map<string, Scene>();
    for (const e of imageryEvents.slice(0, MAX_IMAGERY_EVENTS)) {
      for (const s of await scenesForEvent(store, e)) { pairs.push({ event_id: e.id, scene_id: s.scene_id }); sceneById.set(s.scene_id, s); }
    }
    const shown = pairs.slice(0, MAX_REPORT_SCENES);
    const fused = new Map((await fusedScenes(store, [...new Set(shown.map((x) => x.scene_id))].map((id) => sceneById.get(id)!))).map((f) => [f.scene_id, f]));
    const scenes = shown.flatMap((x) => { const f = fused.get(x.scene_id); return f ? [{ event_id: x.event_id, ...f }] : []; });
    if (scenes.length) out.imagery = scenes;
    const eventsNotRead = Math.max(0, imageryEvents.length - MAX_IMAGERY_EVENTS);
    if (pairs.length > shown.length || eventsNotRead > 0) out.imageryOmitted = { scenes: pairs.length - shown.length, eventsNotRead, maxScenes: MAX_REPORT_SCENES };
  }
  const links = await siteLinksFor(store, events);
  if (links.length) out.siteCounts = links;
  return out;
}
