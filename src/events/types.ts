// Every event type Tumen emits, as plain data with no detector code behind it, so the web bundle, the API
// validation, the OpenAPI document and the CLI share one list. The detector registry
// (src/detectors/registry.ts) has one entry per type here that the detection runner produces
// (test/detectors/registry.test.ts checks both agree); types produced elsewhere (imagery) say so in `source`.
export const EVENT_TYPE_INFO = [
  { type: 'gap', source: 'runner', label: 'AIS gap' },
  { type: 'dark_port_call', source: 'runner', label: 'Dark port call' },
  { type: 'port_visit', source: 'runner', label: 'Port visit' },
  { type: 'encounter', source: 'runner', label: 'Encounter' },
  { type: 'loitering', source: 'runner', label: 'Loitering' },
  { type: 'spoofing', source: 'runner', label: 'Spoofing' },
  { type: 'shared_mmsi', source: 'runner', label: 'Shared MMSI' },
  { type: 'identity_change', source: 'runner', label: 'Identity change' },
  { type: 'draught_change', source: 'runner', label: 'Draught change' },
  { type: 'dark_detection', source: 'imagery', label: 'Dark vessel on imagery' },
] as const satisfies ReadonlyArray<{ type: string; source: 'runner' | 'imagery'; label: string }>;

export type EventType = (typeof EVENT_TYPE_INFO)[number]['type'];

/** Every event type, in display order. */
export const EVENT_TYPES: readonly EventType[] = EVENT_TYPE_INFO.map((t) => t.type);

export function isEventType(t: string): t is EventType {
  return (EVENT_TYPES as readonly string[]).includes(t);
}
