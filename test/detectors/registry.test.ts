// The registry as data: every runner event type has one entry, every type list derives from it, and
// per-run parameter overrides are validated and change the run.
import { describe, expect, it } from 'vitest';
import { DETECTOR_TYPES, DETECTORS, paramsFor, parseParamOverrides } from '../../src/detectors/registry.js';
import { EVENT_TYPE_INFO } from '../../src/events/types.js';
import { OPENAPI } from '../../src/server/openapi.js';
import { GAP_PARAMS } from '../../src/detectors/params.js';
import { batchEvents, contractWorld } from '../contract/world.js';
import { tumen } from '../cli-harness.js';

describe('detector registry', () => {
  it('has one entry per event type the runner produces, and the UI/API list holds exactly those', () => {
    const runnerTypes = EVENT_TYPE_INFO.filter((t) => t.source === 'runner').map((t) => t.type);
    expect([...DETECTOR_TYPES].sort()).toEqual([...runnerTypes].sort());
    expect(new Set(DETECTOR_TYPES).size).toBe(DETECTORS.length);
    for (const d of DETECTORS) expect(Object.keys(d.params).length, d.type).toBeGreaterThan(0);
  });

  it('the OpenAPI event type enum is the registry list', () => {
    const doc = OPENAPI as any;
    expect(doc.components.schemas.Event.properties.type.enum).toEqual(EVENT_TYPE_INFO.map((t) => t.type));
  });

  it('parses overrides and rejects unknown detectors, parameters and bad values with a hint', () => {
    expect(parseParamOverrides(['gap.minGapH=8', 'identity_change.reportInvalidImo=false', 'segment.maxSpeedKn=30']))
      .toEqual({ gap: { minGapH: 8 }, identity_change: { reportInvalidImo: false }, segment: { maxSpeedKn: 30 } });
    expect(paramsFor('gap', { gap: { minGapH: 8 } })).toEqual({ ...GAP_PARAMS, minGapH: 8 });
    expect(() => parseParamOverrides(['gapp.minGapH=8'])).toThrow(/no detector or step "gapp" \(one of: gap, dark_port_call/);
    expect(() => parseParamOverrides(['gap.minGap=8'])).toThrow(/gap has no parameter "minGap" \(one of: minGapH,/);
    expect(() => parseParamOverrides(['gap.minGapH=eight'])).toThrow(/takes a finite number \(default 6\)/);
    expect(() => parseParamOverrides(['gap.minGapH='])).toThrow(/finite number/);
    expect(() => parseParamOverrides(['identity_change.reportInvalidImo=1'])).toThrow(/true or false/);
    expect(() => parseParamOverrides(['dark_port_call.watchedRoles=x'])).toThrow(/cannot be set per run/);
    expect(() => parseParamOverrides(['minGapH=8'])).toThrow(/expected TYPE.NAME=VALUE/);
  });

  it('an override changes the run: gaps of at least 12 h instead of 6 h', async () => {
    const w = contractWorld();
    const base = (await batchEvents(w, { types: new Set(['gap']) })).filter((e) => e.end !== null);
    const longer = (await batchEvents(w, { types: new Set(['gap']), params: { gap: { minGapH: 12 } } })).filter((e) => e.end !== null);
    expect(base.some((e) => e.duration_h! < 12)).toBe(true);
    expect(longer.length).toBeGreaterThan(0);
    expect(longer.every((e) => e.duration_h! >= 12)).toBe(true);
    expect(longer.map((e) => e.id)).toEqual(base.filter((e) => e.duration_h! >= 12).map((e) => e.id));
  }, 60_000);

  it('tumen detect refuses a bad --param or --type with the list to choose from (exit 2)', async () => {
    const bad = await tumen(['detect', '--db', ':memory:', '--param', 'gap.minGapHours=8']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/gap has no parameter "minGapHours" \(one of: minGapH/);
    const type = await tumen(['detect', '--db', ':memory:', '--type', 'gap,dark_detections']);
    expect(type.status).toBe(2);
    expect(type.stderr).toMatch(/unknown event type\(s\): dark_detections \(one of: gap, dark_port_call.*dark_detection/);
  });
});
