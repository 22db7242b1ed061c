// The scripted evaders (docs/simulator.md "The scripted evaders"): each builder returns its ships with
// their dark windows, identities, draughts and fabricated tracks, plus the plan-derived truth (encounters,
// loitering) that cannot be read off the emitted data alone.
import { destination, MS_PER_HOUR } from '../geo/sphere.js';
import { landIndex50m } from '../geo/land.js';
import { addIdentity, harbourUse, newVessel, routeLoop, type FleetContext } from './fleet.js';
import { nodePoint, RENDEZVOUS_SITES } from './lanes.js';
import type { Reception } from './stations.js';
import { SCRIPTS, VARIED } from './params.js';
import { Itinerary, timeAtKm, voyageKm, type LatLon, type Phase, type StayPhase, type Voyage } from './plan.js';
import { simPort, type SimPort } from './ports.js';
import type { SimVessel } from './vessel.js';

// The simulated world is drawn on the Natural Earth 1:50m coast (detection on it is given the same coast).
const isOnLand = (lat: number, lon: number): boolean => landIndex50m().isOnLand(lat, lon);
const distanceToShoreM = (lat: number, lon: number): number => landIndex50m().distanceToShoreM(lat, lon);

export interface ScriptedEncounter {
  a: number;
  b: number;
  startMs: number;
  endMs: number;
  lat: number;
  lon: number;
  site: string;
}

export interface ScriptedLoiter {
  vessel: number;
  startMs: number;
  endMs: number;
  lat: number;
  lon: number;
  partner: 'dark' | 'none';
  site: string;
}

export interface ScenarioContext extends FleetContext {
  nextIndex(): number;
  encounters: ScriptedEncounter[];
  loiters: ScriptedLoiter[];
  /** The world's receivers (a spoofer starts inside coastal coverage so its jump is heard). */
  reception: Reception;
  /** Busy intervals per rendezvous site, so two scripted meetings never share a site at once. */
  siteBusy: Map<string, Array<[number, number]>>;
}

const H = MS_PER_HOUR;
/** ISO-8601 UTC to the second (message times are whole seconds; plan times are floored). */
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const u = (ctx: FleetContext, r: readonly [number, number]): number => ctx.rng.uniform(r[0], r[1]);

/**
 * When a scripted dark period starts on a voyage. Classic: `classicKm` out of the port. Varied evaders
 * switch off either near shore (20–30 nm off, where coastal reception is good) or far out (≥ 50 nm, where
 * only satellites hear), wherever the first `maxShare` of the voyage offers such a place.
 */
function darkStartAt(ctx: ScenarioContext, phases: readonly Phase[], voyage: Voyage, classicKm: number, maxShare: number): number {
  if (ctx.variation.evaders !== 'varied') return timeAtKm(voyage, classicKm);
  const near: number[] = [], far: number[] = [];
  const maxKm = voyageKm(voyage) * maxShare;
  for (let km = 5; km <= maxKm; km += 3) {
    const t = timeAtKm(voyage, km);
    const p = positionAt(phases, t);
    const nm = distanceToShoreM(p.lat, p.lon) / 1852;
    if (nm >= VARIED.nearShoreDarkNm[0] && nm <= VARIED.nearShoreDarkNm[1]) near.push(t);
    else if (nm >= VARIED.farDarkNm) far.push(t);
  }
  const wantNear = ctx.rng.chance(VARIED.nearShoreShare);
  const pool = wantNear ? (near.length ? near : far) : (far.length ? far : near);
  return pool.length ? ctx.rng.pick(pool) : timeAtKm(voyage, classicKm);
}

/** Russian ro-ro shuttles: dark calls at Rajin and at Dunai/Vostochny, visible calls at home. */
export function armsShuttle(ctx: ScenarioContext): SimVessel[] {
  const { rng } = ctx;
  const v = newVessel(ctx.nextIndex(), 'arms_shuttle', 'A', rng.pick([70, 79]), rng);
  addIdentity(v, ctx, 273, 'ru');
  v.draughts.push({ fromMs: -Infinity, m: Math.round(rng.uniform(5, 7) * 10) / 10 });
  const home = simPort(rng.pick(['RUVVO', 'RUNJK']));
  v.destination = home.name.toUpperCase();
  const speed = u(ctx, SCRIPTS.shuttleSpeedKn);
  const it = new Itinerary(ctx.startMs - Math.round(rng.uniform(0, 12) * H), { port: home }, harbourUse(ctx, 'A'));
  it.stayUntil(ctx.startMs + Math.round(rng.uniform(6, 24) * H));
  const rajin = simPort('KPNJN');
  while (it.t < ctx.endMs) {
    const out = it.sailToPort(rajin, speed);
    const dark1Start = darkStartAt(ctx, it.phases, out, Math.min(u(ctx, SCRIPTS.darkAfterKm), voyageKm(out) * 0.4), 0.4);
    const arrive1 = it.t;
    it.stayHours(u(ctx, SCRIPTS.rajinStayH));
    const depart1 = it.t;
    const russian = simPort(rng.pick(['RUDUN', 'RUVYP']));
    const back = it.sailToPort(russian, speed);
    const km = voyageKm(back);
    const dark1End = timeAtKm(back, Math.min(u(ctx, SCRIPTS.reappearAfterKm), km * 0.4));
    const dark2Start = timeAtKm(back, km - Math.min(u(ctx, SCRIPTS.darkAfterKm), km * 0.3));
    v.darkWindows.push({ startMs: dark1Start, endMs: dark1End, portStay: { portId: rajin.id, arriveMs: arrive1, departMs: depart1 } });
    v.script.push({ kind: 'dark_call', port: rajin.id, dark_from: iso(dark1Start), dark_to: iso(dark1End), arrive: iso(arrive1), depart: iso(depart1) });
    const arrive2 = it.t;
    it.stayHours(u(ctx, SCRIPTS.russianDarkStayH));
    const depart2 = it.t;
    const ret = it.sailToPort(home, speed);
    const dark2End = timeAtKm(ret, Math.min(u(ctx, SCRIPTS.darkAfterKm), voyageKm(ret) * 0.6));
    v.darkWindows.push({ startMs: dark2Start, endMs: dark2End, portStay: { portId: russian.id, arriveMs: arrive2, departMs: depart2 } });
    v.script.push({ kind: 'dark_call', port: russian.id, dark_from: iso(dark2Start), dark_to: iso(dark2End), arrive: iso(arrive2), depart: iso(depart2) });
    it.stayHours(u(ctx, SCRIPTS.russianVisibleStayH));
    v.script.push({ kind: 'visible_call', port: home.id, depart: iso(it.t) });
  }
  v.phases = it.phases;
  return [v];
}

/** DPRK tankers: load at Vostochny (draught up), dark delivery to Nampo or Chongjin, reappear light. */
export function dprkTanker(ctx: ScenarioContext): SimVessel[] {
  const { rng } = ctx;
  const v = newVessel(ctx.nextIndex(), 'dprk_tanker', 'A', 80, rng);
  addIdentity(v, ctx, 445, 'kp');
  const vostochny = simPort('RUVYP');
  v.destination = 'VOSTOCHNY';
  const speed = rng.uniform(10, 12);
  const light = Math.round(u(ctx, SCRIPTS.tankerLightDraughtM) * 10) / 10;
  v.draughts.push({ fromMs: -Infinity, m: light });
  const nampo = simPort('KPNAM');
  const nampoSpeed = 12;
  // Half the tankers begin the world already loaded and leaving Vostochny for Nampo (round the south of
  // Korea, ~4 days), so that a delivery to Nampo fits even in a one-week world.
  const probe = new Itinerary(0, { port: vostochny }, harbourUse(ctx, 'A'));
  const nampoTrip = probe.durationTo({ port: nampo }, nampoSpeed);
  const nampoFirst = rng.chance(0.5) && ctx.startMs + 2 * H + nampoTrip + (SCRIPTS.tankerDeliveryStayH[1] + 12) * H < ctx.endMs;
  const it = new Itinerary(ctx.startMs - Math.round(rng.uniform(nampoFirst ? 3 : 0, nampoFirst ? 6 : 24) * H), { port: vostochny }, harbourUse(ctx, 'A'));
  let departAt = nampoFirst ? ctx.startMs + rng.uniform(0.5, 1.5) * H : Math.max(it.t + u(ctx, SCRIPTS.tankerVostochnyStayH) * H, ctx.startMs + 18 * H);
  let first = true;
  while (it.t < ctx.endMs) {
    if (first && nampoFirst) {
      v.draughts[0]!.m = Math.round(u(ctx, SCRIPTS.tankerLoadedDraughtM) * 10) / 10;
      v.script.push({ kind: 'loaded_before_start', port: vostochny.id, draught_m: v.draughts[0]!.m, depart: iso(departAt) });
    } else {
      const loaded = Math.round(u(ctx, SCRIPTS.tankerLoadedDraughtM) * 10) / 10;
      const loadAt = Math.round(departAt - rng.uniform(2, 6) * H);
      v.draughts.push({ fromMs: loadAt, m: loaded });
      v.script.push({ kind: 'load', port: vostochny.id, draught_to_m: loaded, at: iso(loadAt), depart: iso(departAt) });
    }
    it.stayUntil(Math.round(departAt));
    // Nampo only when the dark delivery and the reappearance fit in the world.
    const toNampo = (first && nampoFirst) || (rng.chance(0.5) && it.t + it.durationTo({ port: nampo }, nampoSpeed) + (SCRIPTS.tankerDeliveryStayH[1] + 12) * H < ctx.endMs);
    first = false;
    const dest: SimPort = toNampo ? nampo : simPort('KPCHO');
    const out = it.sailToPort(dest, toNampo ? nampoSpeed : speed);
    const darkFrom = darkStartAt(ctx, it.phases, out, rng.uniform(30, 50), 0.8);
    const arrive = it.t;
    it.stayHours(u(ctx, SCRIPTS.tankerDeliveryStayH));
    const depart = it.t;
    v.draughts.push({ fromMs: depart, m: Math.round(u(ctx, SCRIPTS.tankerLightDraughtM) * 10) / 10 });
    const back = it.sailToPort(vostochny, speed);
    const darkEnd = timeAtKm(back, u(ctx, SCRIPTS.reappearAfterKm));
    v.darkWindows.push({ startMs: darkFrom, endMs: darkEnd, portStay: { portId: dest.id, arriveMs: arrive, departMs: depart } });
    v.script.push({ kind: 'dark_delivery', port: dest.id, dark_from: iso(darkFrom), dark_to: iso(darkEnd), arrive: iso(arrive), depart: iso(depart) });
    departAt = it.t + u(ctx, SCRIPTS.tankerVostochnyStayH) * H;
  }
  v.phases = it.phases;
  return [v];
}

/** Picks a rendezvous site and a start time at which the site is free; null if none fits. */
function bookSite(ctx: ScenarioContext, durationH: number): { site: string; t0: number } | null {
  const { rng } = ctx;
  const lo = ctx.startMs + 12 * H;
  const hi = ctx.endMs - (durationH + 4) * H;
  if (hi <= lo) return null;
  for (let attempt = 0; attempt < 30; attempt++) {
    const site = rng.pick(RENDEZVOUS_SITES);
    const t0 = Math.round(rng.uniform(lo, hi) / 60_000) * 60_000;
    const busy = ctx.siteBusy.get(site) ?? [];
    const t1 = t0 + durationH * H;
    if (busy.some(([a, b]) => t0 < b + 8 * H && t1 > a - 8 * H)) continue;
    busy.push([t0, t1]);
    ctx.siteBusy.set(site, busy);
    return { site, t0 };
  }
  return null;
}

const ORIGINS = ['KRPUS', 'KRUSN', 'RUVYP', 'RUNJK', 'JPSMN', 'KRTGA'];

/**
 * A tanker that sails from a port so as to reach `target` (next to lane node `site`) exactly at `arriveMs`,
 * drifts with `drift` until `leaveMs`, then sails on to another port and stays there.
 */
function meetAt(ctx: ScenarioContext, v: SimVessel, site: string, target: LatLon, arriveMs: number, leaveMs: number, drift: { kn: number; deg: number }): StayPhase {
  const { rng } = ctx;
  const origin = simPort(rng.pick(ORIGINS));
  const speed = rng.uniform(10, 13);
  // The probe leaves from the same quay as the ship, so the timing holds with spread berths too.
  const it = new Itinerary(0, { port: origin }, harbourUse(ctx, 'A'));
  const probe = it.clone();
  probe.sailToNode(site, speed);
  probe.sailPath([target], speed);
  const dur = probe.t;
  it.t = Math.min(ctx.startMs - 24 * H, arriveMs - dur - 6 * H);
  it.stayUntil(arriveMs - dur);
  it.sailToNode(site, speed);
  it.sailPath([target], speed);
  it.node = site;
  const stay = it.stayUntil(leaveMs, { driftKn: drift.kn, driftDeg: drift.deg, status: 0, headingDeg: Math.round(drift.deg) })!;
  const dest = simPort(rng.pick(ORIGINS.filter((x) => x !== origin.id)));
  it.sailToPort(dest, speed);
  it.stayUntil(ctx.endMs + 24 * H);
  v.phases = it.phases;
  v.destination = dest.name.toUpperCase();
  v.script.push({ kind: 'rendezvous', site, from: origin.id, to: dest.id, drift_from: iso(stay.t0), drift_to: iso(stay.t1) });
  return stay;
}

function tanker(ctx: ScenarioContext, role: SimVessel['role']): SimVessel {
  const v = newVessel(ctx.nextIndex(), role, 'A', 80, ctx.rng);
  addIdentity(v, ctx, ctx.rng.pick([667, 457, 613, 341, 351, 445]), 'intl');
  v.draughts.push({ fromMs: -Infinity, m: Math.round(ctx.rng.uniform(6, 10) * 10) / 10 });
  return v;
}

/** Two transmitting tankers meet at sea: an encounter. */
export function stsPair(ctx: ScenarioContext): SimVessel[] {
  const dH = u(ctx, SCRIPTS.encounterH);
  const slot = bookSite(ctx, dH);
  if (!slot) return [];
  const drift = { kn: u(ctx, SCRIPTS.encounterDriftKn), deg: ctx.rng.uniform(0, 360) };
  const a = tanker(ctx, 'sts_pair');
  const b = tanker(ctx, 'sts_pair');
  const t0 = slot.t0, t1 = slot.t0 + Math.round(dH * H);
  // A arrives 30–60 min before B and leaves 30–60 min before B, so they never sail the same lane side by
  // side (which would be "together" at speed, not a meeting). Both drift with the same vector.
  const aArrive = t0 - Math.round(ctx.rng.uniform(0.5, 1) * H);
  const p = nodePoint(slot.site);
  const sa = meetAt(ctx, a, slot.site, p, aArrive, t1, drift);
  const aAtT0 = destination(p.lat, p.lon, drift.deg, (drift.kn * 1852 * (t0 - aArrive)) / H);
  const bTarget = destination(aAtT0.lat, aAtT0.lon, ctx.rng.uniform(0, 360), u(ctx, SCRIPTS.encounterSeparationM));
  const sb = meetAt(ctx, b, slot.site, bTarget, t0, t1 + Math.round(ctx.rng.uniform(0.5, 1) * H), drift);
  ctx.encounters.push({ a: a.index, b: b.index, startMs: Math.max(sa.t0, sb.t0), endMs: Math.min(sa.t1, sb.t1), lat: aAtT0.lat, lon: aAtT0.lon, site: slot.site });
  return [a, b];
}

/** A tanker drifts beside a partner that never transmits (one-sided STS), or alone (loiterer). */
export function loiter(ctx: ScenarioContext, partner: 'dark' | 'none'): SimVessel[] {
  const dH = u(ctx, SCRIPTS.loiterH);
  const slot = bookSite(ctx, dH);
  if (!slot) return [];
  const v = tanker(ctx, partner === 'dark' ? 'sts_one_sided' : 'loiterer');
  const drift = { kn: u(ctx, SCRIPTS.loiterDriftKn), deg: ctx.rng.uniform(0, 360) };
  const p = nodePoint(slot.site);
  const s = meetAt(ctx, v, slot.site, p, slot.t0, slot.t0 + Math.round(dH * H), drift);
  ctx.loiters.push({ vessel: v.index, startMs: s.t0, endMs: s.t1, lat: p.lat, lon: p.lon, partner, site: slot.site });
  if (partner === 'none') return [v];
  const ghost = newVessel(ctx.nextIndex(), 'dark_partner', 'A', 80, ctx.rng);
  ghost.transmits = false;
  addIdentity(ghost, ctx, 445, 'kp');
  ghost.script.push({ kind: 'never_transmits', alongside_mmsi: v.identities[0]!.mmsi, site: slot.site, from: iso(s.t0), to: iso(s.t1) });
  return [v, ghost];
}

/** A cargo ship that broadcasts a fabricated track for 8–16 h (varied evaders: a fabricated anchorage). */
export function spoofer(ctx: ScenarioContext): SimVessel[] {
  if (ctx.variation.evaders === 'varied') return stationarySpoofer(ctx);
  const { rng } = ctx;
  const dH = u(ctx, SCRIPTS.spoofH);
  const lo = ctx.startMs + 12 * H, hi = ctx.endMs - (dH + 6) * H;
  if (hi <= lo) return [];
  const v = newVessel(ctx.nextIndex(), 'spoofer', 'A', 70, rng);
  addIdentity(v, ctx, rng.pick([351, 636, 667]), 'intl');
  v.draughts.push({ fromMs: -Infinity, m: Math.round(rng.uniform(6, 10) * 10) / 10 });
  const route = rng.pick([['KRPUS', 'RUVVO'], ['KRUSN', 'RUNJK'], ['KRPUS', 'JPSMN']]);
  v.destination = simPort(route[1]!).name.toUpperCase();
  v.phases = routeLoop(ctx, route, rng.uniform(11, 14), [8, 24], ctx.endMs).phases;
  // Start while the ship is under way inside coastal coverage, so the jump itself is heard.
  let startMs = Math.round(rng.uniform(lo, hi) / 60_000) * 60_000;
  for (let attempt = 0; attempt < 100; attempt++) {
    const p = positionAt(v.phases, startMs);
    if (sailingAt(v.phases, startMs) && ctx.reception.stationsInRange(p.lat, p.lon).length > 0) break;
    startMs = Math.round(rng.uniform(lo, hi) / 60_000) * 60_000;
  }
  const endMs = startMs + Math.round(dH * H);
  // The fake track starts 120–250 km from the true position, at sea, and ends inside the region.
  const truePos = positionAt(v.phases, startMs);
  const runM = SCRIPTS.spoofSpeedKn * 1852 * dH;
  for (let attempt = 0; attempt < 200; attempt++) {
    const start = destination(truePos.lat, truePos.lon, rng.uniform(0, 360), rng.uniform(SCRIPTS.spoofJumpKm[0], SCRIPTS.spoofJumpKm[1]) * 1000);
    const course = rng.uniform(0, 360);
    const end = destination(start.lat, start.lon, course, runM);
    const inBox = (p: { lat: number; lon: number }) => p.lat > 34 && p.lat < 43 && p.lon > 126 && p.lon < 135.5;
    if (!inBox(start) || !inBox(end) || isOnLand(start.lat, start.lon)) continue;
    v.spoofs.push({ startMs, endMs, lat0: start.lat, lon0: start.lon, courseDeg: course, speedKn: SCRIPTS.spoofSpeedKn, claimedStatus: 0 });
    v.script.push({ kind: 'spoof', from: iso(startMs), to: iso(endMs), fake_start: [start.lat, start.lon], course_deg: course, route });
    return [v];
  }
  return [];
}

/** Where a stationary spoofer claims to lie at anchor: off Vladivostok or Nakhodka, outside every port. */
const CLAIMED_ANCHORAGES: ReadonlyArray<{ near: string; node: string; at: LatLon }> = [
  { near: 'RUVVO', node: 'vladivostok_outer', at: { lat: 42.96, lon: 132.04 } },
  { near: 'RUVVO', node: 'pgg_c', at: { lat: 42.74, lon: 131.78 } },
  { near: 'RUNJK', node: 'pgg_e', at: { lat: 42.6, lon: 132.45 } },
];

/**
 * A ship that lies at anchor off a Russian port, then broadcasts that anchored position (status "at
 * anchor", speed 0, GNSS-like noise) while it really sails to Rajin, stays alongside and comes back to
 * the same spot; the fabricated reports stop once it is back. No jump, no impossible speed: only the
 * receivers give it away — its reports are heard by the stations near where it really is.
 */
function stationarySpoofer(ctx: ScenarioContext): SimVessel[] {
  const { rng } = ctx;
  const claim = rng.pick(CLAIMED_ANCHORAGES);
  const home = simPort(claim.near);
  const rajin = simPort('KPNJN');
  const speed = rng.uniform(11, 13);
  const there = new Itinerary(0, { node: claim.node }).durationTo({ port: rajin }, speed);
  const anchorH = u(ctx, VARIED.spoofAnchorBeforeH), stayH = u(ctx, VARIED.spoofRealCallStayH);
  // Back: Rajin → claim (roughly the same time as going), then the spoof ends 1–3 h after anchoring.
  const needMs = (anchorH + stayH + 6) * H + 2 * there;
  const lo = ctx.startMs + 6 * H, hi = ctx.endMs - needMs;
  if (hi <= lo) return [];
  const v = newVessel(ctx.nextIndex(), 'spoofer', 'A', 70, rng);
  addIdentity(v, ctx, rng.pick([351, 636, 667]), 'intl');
  v.draughts.push({ fromMs: -Infinity, m: Math.round(rng.uniform(6, 10) * 10) / 10 });
  v.destination = home.name.toUpperCase();
  const it = new Itinerary(ctx.startMs - 24 * H, { port: home }, harbourUse(ctx, 'A'));
  const leave = Math.round(rng.uniform(lo, hi));
  const toClaim = it.durationTo({ node: claim.node }, speed);
  it.stayUntil(Math.max(it.t, leave - toClaim - 2 * H));
  it.sailToNode(claim.node, speed);
  it.sailPath([claim.at], speed);
  it.node = null;
  it.stayHours(anchorH, { status: 1, headingDeg: rng.int(0, 359) });
  const spoofStart = it.t;
  // Leave the anchorage back to its lane node, then on to Rajin and back.
  it.sailPath([nodePoint(claim.node)], speed);
  it.node = claim.node;
  it.sailToPort(rajin, speed);
  const arrive = it.t;
  it.stayHours(stayH);
  const depart = it.t;
  it.sailToNode(claim.node, speed);
  it.sailPath([claim.at], speed);
  it.node = null;
  const backAt = it.t;
  it.stayHours(rng.uniform(1, 3), { status: 1, headingDeg: rng.int(0, 359) });
  const spoofEnd = it.t;
  it.stayHours(rng.uniform(1, 4), { status: 1, headingDeg: rng.int(0, 359) });
  it.sailPath([nodePoint(claim.node)], speed);
  it.node = claim.node;
  it.sailToPort(home, speed);
  it.stayUntil(ctx.endMs + 24 * H);
  v.phases = it.phases;
  v.spoofs.push({ startMs: spoofStart, endMs: spoofEnd, lat0: claim.at.lat, lon0: claim.at.lon, courseDeg: 0, speedKn: 0, claimedStatus: 1 });
  v.script.push({
    kind: 'spoof_stationary', claimed: [claim.at.lat, claim.at.lon], claimed_near: home.id, from: iso(spoofStart), to: iso(spoofEnd),
    real_call: { port: rajin.id, arrive: iso(arrive), depart: iso(depart) }, back_at_claim: iso(backAt),
  });
  return [v];
}

/** A ship that goes dark and comes back with a new MMSI (new flag), name and call sign, same IMO. */
export function identityChanger(ctx: ScenarioContext): SimVessel[] {
  const { rng } = ctx;
  const dH = u(ctx, ctx.variation.evaders === 'varied' ? VARIED.identityDarkH : SCRIPTS.identityDarkH);
  const lo = ctx.startMs + 18 * H, hi = ctx.endMs - (dH + 12) * H;
  if (hi <= lo) return [];
  const v = newVessel(ctx.nextIndex(), 'identity_changer', 'A', 70, rng);
  addIdentity(v, ctx, 667, 'intl');
  v.draughts.push({ fromMs: -Infinity, m: Math.round(rng.uniform(6, 10) * 10) / 10 });
  const route = rng.pick([['RUVYP', 'KRPUS'], ['RUNJK', 'JPSMN'], ['RUVVO', 'KRUSN']]);
  v.destination = simPort(route[1]!).name.toUpperCase();
  v.phases = routeLoop(ctx, route, rng.uniform(11, 14), [8, 24], ctx.endMs).phases;
  const startMs = Math.round(rng.uniform(lo, hi));
  const endMs = startMs + Math.round(dH * H);
  v.darkWindows.push({ startMs, endMs, portStay: null });
  const newMid = rng.pick([457, 613, 671, 341]);
  const old = v.identities[0]!;
  const flag = newMid === 457 ? 'MN' : newMid === 613 ? 'CM' : newMid === 671 ? 'TG' : 'KN';
  v.identities.push({ fromMs: Math.round((startMs + endMs) / 2000) * 1000, mmsi: ctx.ids.mmsi(newMid), imo: old.imo, shipname: ctx.ids.name('intl'), callsign: ctx.ids.callsign(flag), flag });
  v.script.push({ kind: 'identity_change', dark_from: iso(startMs), dark_to: iso(endMs), old_mmsi: old.mmsi, new_mmsi: v.identities[1]!.mmsi, route });
  return [v];
}

/** Two ships on routes far apart that broadcast the same MMSI. */
export function sharedMmsi(ctx: ScenarioContext): SimVessel[] {
  const { rng } = ctx;
  const a = newVessel(ctx.nextIndex(), 'shared_mmsi', 'A', 70, rng);
  const b = newVessel(ctx.nextIndex(), 'shared_mmsi', 'A', 70, rng);
  addIdentity(a, ctx, 351, 'intl');
  addIdentity(b, ctx, 351, 'intl');
  b.identities[0]!.mmsi = a.identities[0]!.mmsi;
  for (const [v, route] of [[a, ['KRPUS', 'JPMAI']], [b, ['RUVVO', 'RUSKA', 'RUPOS']]] as const) {
    v.draughts.push({ fromMs: -Infinity, m: Math.round(rng.uniform(6, 10) * 10) / 10 });
    v.destination = simPort(route[1]!).name.toUpperCase();
    v.phases = routeLoop(ctx, route, rng.uniform(11, 14), [8, 24], ctx.endMs).phases;
    v.script.push({ kind: 'shared_mmsi', mmsi: a.identities[0]!.mmsi, route });
  }
  return [a, b];
}

function sailingAt(phases: SimVessel['phases'], t: number): boolean {
  return phases.some((p) => p.kind === 'sail' && t >= p.t0 && t < p.t1);
}

/** True position at time t by scanning the phases (used at build time only). */
function positionAt(phases: readonly Phase[], t: number): { lat: number; lon: number } {
  for (const p of phases) {
    if (t < p.t0 || t >= p.t1) continue;
    if (p.kind === 'stay') return p.at;
    const m = ((t - p.t0) / (p.t1 - p.t0)) * p.cumM[p.cumM.length - 1]!;
    let k = 1;
    while (k < p.cumM.length - 1 && p.cumM[k]! < m) k++;
    const a = p.path[k - 1]!, b = p.path[k]!;
    const f = Math.min(1, Math.max(0, (m - p.cumM[k - 1]!) / Math.max(1e-9, p.cumM[k]! - p.cumM[k - 1]!)));
    return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f };
  }
  const last = phases[phases.length - 1]!;
  return last.kind === 'stay' ? last.at : last.path[last.path.length - 1]!;
}

