// "Active before" for a ship heard by satellites alone: a silence its reception explains (a tanker at a
// berth no coastal station covers, missed by a few passes) does not restart the count of its activity; its
// hours count neither way (issue 8; development seeds 208–209, receivers=sparse: DPRK tankers at Vostochny
// counted only since a 7 h silence between passes, 2 positions, so their dark deliveries were missed).
import { describe, expect, it } from 'vitest';
import { GapDetector } from '../../src/detectors/gap.js';
import type { ReceptionQuery } from '../../src/detectors/reception.js';
import type { Position } from '../../src/tracks/position.js';
import { HOUR, MIN, T0, pos } from './helpers.js';

const MMSI = 445000002;

/** Reception by satellite alone, `share(hour)` the chance a transmitting ship is heard in that hour. */
function satelliteOnly(share: (hour: number) => number): ReceptionQuery {
  return {
    positionsPerDay: () => 40, storeSilentHours: () => 0, judge: () => null, stationUpAround: () => false, stationReports: () => 0, reachesNear: () => true,
    hearing: (_path, fromMs, toMs) => {
      let expected = 0, unheard = 1, hours = 0;
      for (let h = Math.floor(fromMs / HOUR) + 1; h < Math.floor(toMs / HOUR); h++) { hours++; expected += share(h); unheard *= 1 - share(h); }
      return {
        hours, unmeasuredHours: 0, shipsPresentTerrestrial: 0, shipsPresentSatellite: 10, terrestrialHeardShare: 0, satelliteHeardShare: 0.3,
        satellitePassHours: hours, satelliteRevisitH: 1, satelliteReportsPerShipPass: 2, expectedHeardHours: expected, unheardProbability: unheard,
      };
    },
  };
}

/** Heard on passes at 03:10, 04:10, 05:35, silent to 13:16, heard at 13:16 and 13:22, then dark 60 h. */
function gaps(share: (hour: number) => number) {
  const at = (h: number, m: number): Position => ({ ...pos(MMSI, T0 + h * HOUR + m * MIN, 42.74, 133.06, 0, 200), source: 'satellite' });
  const track = [at(3, 10), at(4, 10), at(5, 35), at(13, 16), at(13, 22), at(73, 30)];
  const d = new GapDetector({ reception: satelliteOnly(share), shoreDistanceM: () => 20 * 1852 });
  return track.flatMap((p) => d.pushPosition(p));
}

describe('active before a silence, across silences reception explains', () => {
  it('a 7.7 h silence between satellite passes (unheard chance 0.12) does not restart the count: the dark 60 h is intentional', () => {
    const [first, dark] = gaps(() => 0.3);
    expect(first!.intentional).toBe(false); // too short, and explained by reception
    expect(dark!.intentional).toBe(true);
    expect(dark!.evidence).toMatchObject({
      positions_before_12h: 5,
      active_before_rule: 'satellite_only_reception',
      // hours 02–12 judged, less the 7 whole hours inside the silence: 4 hours × 0.3
      active_before_satellite_only: { heard_hours: 3, positions: 5, explained_silence_hours: 7, active: true },
    });
    expect((dark!.evidence.active_before_satellite_only as { expected_heard_hours: number }).expected_heard_hours).toBeCloseTo(1.2, 5);
  });

  it('a silence where it would surely have been heard (0.9 an hour) may have been the transmitter off: counted only since, no verdict', () => {
    const [, dark] = gaps((h) => (h - Math.floor(T0 / HOUR) >= 6 && h - Math.floor(T0 / HOUR) <= 12 ? 0.9 : 0.3));
    expect(dark!.intentional).toBe(false);
    expect(dark!.evidence).toMatchObject({ positions_before_12h: 5, checks: { active_before: false, good_reception: true } });
  });
});
