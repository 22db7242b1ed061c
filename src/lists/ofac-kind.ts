// OFAC's sdnType (the same words in the legacy CSV and sdn.xml) as our entry kind.
import type { EntryKind } from './types.js';

export function ofacKind(sdnType: string | null): EntryKind {
  switch ((sdnType ?? '').toLowerCase()) {
    case 'vessel': return 'vessel';
    case 'individual': return 'person';
    case 'aircraft': return 'other';
    default: return 'organization';
  }
}
