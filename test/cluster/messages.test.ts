import { describe, expect, it } from 'vitest';
import { reportMsgId } from '../../src/cluster/messages.js';

describe('reportMsgId', () => {
  const key = 'p.273226420.1709254000000.42.5.131.2.12.3.245.511.0.terrestrial';

  it('is the dedup key\'s SHA-256 in base64url, its first 22 characters (132 bits)', () => {
    // `printf %s KEY | sha256sum | xxd -r -p | head -c 16 | base64 | tr '+/' '-_'` gives DkEsB5Xj1Oq1TMqPrVy4vA==:
    // the same 21 characters; the 22nd holds the 16th byte's last 2 bits and the 17th byte's first 4.
    expect(reportMsgId(key)).toBe('DkEsB5Xj1Oq1TMqPrVy4vI');
    expect(reportMsgId(key)).toHaveLength(22);
  });

  it('gives the same id for the same key and another for a report differing in one field', () => {
    expect(reportMsgId(key)).toBe(reportMsgId(`${key}`));
    expect(reportMsgId(key.replace('.terrestrial', '.satellite'))).not.toBe(reportMsgId(key));
  });
});
