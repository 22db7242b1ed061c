// Where no ship can be: on land and at least QUAY_INLAND_M from the coast. Closer in, a "land" position may
// be a quay, a pier or a dock the coastline's scale generalised away (src/geo/land.ts); beyond it, an image
// detection is a false alarm on land (buildings, tanks, vehicles), which a ship detector's land mask would
// drop — not a dark ship.
import { QUAY_INLAND_M, type LandIndex } from '../geo/land.js';

export function deepInland(land: LandIndex): (lat: number, lon: number) => boolean {
  return (lat, lon) => land.isOnLand(lat, lon) && !(land.distanceToShoreM(lat, lon, QUAY_INLAND_M) < QUAY_INLAND_M);
}
