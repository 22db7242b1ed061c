// The detector parameters an evidence report lists: every exported *_PARAMS block of
// src/detectors/params.ts, so a new detector's parameters appear without edits here.
import * as detectorParams from '../detectors/params.js';

export function parameterBlocks(): Record<string, Record<string, unknown>> {
  const blocks: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(detectorParams)) {
    if (name.endsWith('_PARAMS') && value && typeof value === 'object') blocks[name] = value as Record<string, unknown>;
  }
  return blocks;
}
