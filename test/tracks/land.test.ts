import { describe, expect, it } from 'vitest';
import { distanceToShoreM, isOnLand, landOutsidePorts } from '../../src/geo/land.js';

describe('land (Natural Earth 1:10m)', () => {
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
    expect(gulf).toBeGreaterThan(5_000);
    expect(gulf).toBeLessThan(9_000); // measured 6.9 km at 1:10m (21.7 km at 1:50m, which lacked the islands)
  });

  it('agrees with a coarse scan: the Korean peninsula land share at 0.1°', () => {
    let land = 0, n = 0;
    for (let lat = 34.5; lat <= 38; lat += 0.1) for (let lon = 126.5; lon <= 129; lon += 0.1) { n++; if (isOnLand(lat, lon)) land++; }
    expect(land / n).toBeGreaterThan(0.6);
    expect(land / n).toBeLessThan(0.95);
  });

  it('knows a pier at 1:10m; quays drawn inside the coastline are not land inside a port area', () => {
    expect(isOnLand(50.7395, -1.16)).toBe(false); // Ryde Pier head, Isle of Wight
    expect(isOnLand(50.78, -1.2)).toBe(false); // the Solent
    expect(isOnLand(-35.8395, 174.498)).toBe(true); // Marsden Point refinery jetty: inside the 1:10m coast
    const marsden = { containsPoint: (lat: number, lon: number) => Math.abs(lat + 35.84) < 0.01 && Math.abs(lon - 174.5) < 0.01 };
    const onLand = landOutsidePorts(marsden);
    expect(onLand(-35.8395, 174.498)).toBe(false);
    expect(onLand(-35.9, 174.3)).toBe(true); // inland, outside the port area
    // Kwinana bulk berths (exactEarth capture, 2012): 0.5 km inside the 1:10m coast, 13 km from the WPI
    // point (Fremantle), no learned area → still a quay, not land.
    expect(isOnLand(-32.1667, 115.7608)).toBe(true);
    expect(landOutsidePorts({ containsPoint: () => false })(-32.1667, 115.7608)).toBe(false);
    expect(landOutsidePorts({ containsPoint: () => false })(-35.9, 174.3)).toBe(true); // 10+ km inland
  });

  it('near the poles: the search is bounded and the polygon seams at ±180° and 90°S are not coast', () => {
    expect(distanceToShoreM(89.5, 10)).toBe(200_000); // Arctic Ocean, no land within 200 km
    expect(distanceToShoreM(-89.9, 0)).toBe(200_000); // Antarctic interior: the 90°S seam is no shore
    expect(isOnLand(-89.9, 0)).toBe(true);
    expect(isOnLand(89.9, 0)).toBe(false);
    const d = distanceToShoreM(-75, -179.99); // Ross Ice Shelf edge region, next to the 180° seam
    expect(d).toBeGreaterThan(1000);
  });
});
