// The port areas a work unit judges port visits by: learned from the stops of every input it has seen
// (ports messages), which a checkpoint names and a restore reads back.
import { gunzipSync } from 'node:zlib';
import type { RunnerOptions } from '../detectors/runner.js';
import { portAreasFrom } from '../anchorages/collect.js';
import type { ClusterClient } from './connect.js';
import { decodeReport, mergePorts, type ReportMessage } from './messages.js';
import { REPORTS_STREAM, STATE_BUCKET } from './params.js';

export type PortsMessage = Extract<ReportMessage, { k: 'ports' }>;

/** The ports messages seen, and the areas learned from them (undefined: none yet, the runner's default). */
export interface UnitPorts {
  refs: Array<string | number>;
  messages: PortsMessage[];
  areas: RunnerOptions['ports'];
}

/** The ports messages of a checkpoint, read back from the state bucket (or, by sequence, the stream). */
export async function readPorts(client: ClusterClient, unit: string, refs: Array<string | number>): Promise<UnitPorts> {
  const messages: PortsMessage[] = [];
  for (const ref of refs) {
    let r: ReportMessage | null;
    if (typeof ref === 'string') {
      const e = await client.state.get(ref);
      r = e && e.operation === 'PUT' ? decodeReport(gunzipSync(e.value)) : null;
    } else {
      const m = await client.jsm.streams.getMessage(REPORTS_STREAM, { seq: ref }).catch(() => null);
      r = m ? decodeReport(m.data) : null;
    }
    if (r?.k !== 'ports') throw new Error(`unit ${unit}: ports message ${ref} is no longer in ${typeof ref === 'string' ? STATE_BUCKET : REPORTS_STREAM}`);
    messages.push(r);
  }
  return { refs: [...refs], messages, areas: messages.length > 0 ? portAreasFrom(mergePorts(messages)).areas : undefined };
}
