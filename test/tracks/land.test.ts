import { describe, expect, it } from 'vitest';
import { distanceToShoreM, isOnLand } from '../../src/geo/land.js';

describe('land (Natural Earth 1:50m)', () => {
  it.each([
    ['Pyongyang', 39.03, 125.75, true],
    ['Tokyo', 35.68, 139.76, true],
    ['Sahara', 23, 10, true],
    ['mid Sea of Japan', 40, 134, false],
    ['Korea Strait', 34.5, 129.0, false],
    ['off Nampo', 38.6, 125.0, false],
    ['Peter the Great Gulf', 42.9, 131.9, false],
    ['mid Atlantic', 30, -40, false],
  ])('%s on land: %s', (_name, lat, lon, land) => {
    expect(isOnLand(lat as number, lon as number)).toBe(land);
  });

  it('distance to shore: capped far out, a few km in a gulf, tens of km in a strait', () => {
    expect(distanceToShoreM(30, -40)).toBe(200_000);
    expect(distanceToShoreM(40, 134, 50_000)).toBe(50_000);
    const strait = distanceToShoreM(34.5, 129.0);
    expect(strait).toBeGreaterThan(20_000);
    expect(strait).toBeLessThan(40_000); // measured 27.9 km (Tsushima / Korean coast)
    const gulf = distanceToShoreM(42.9, 131.9);
    expect(gulf).toBeGreaterThan(10_000);
    expect(gulf).toBeLessThan(35_000); // measured 21.7 km
  });

  it('agrees with a coarse scan: the Korean peninsula land share at 0.1°', () => {
    let land = 0, n = 0;
    for (let lat = 34.5; lat <= 38; lat += 0.1) for (let lon = 126.5; lon <= 129; lon += 0.1) { n++; if (isOnLand(lat, lon)) land++; }
    expect(land / n).toBeGreaterThan(0.6);
    expect(land / n).toBeLessThan(0.95);
  });
});
