// The two terms of a detection–vessel score: how well the positions agree given the estimate's
// uncertainty, and how well the lengths agree given the image's length error.
import type { FusionParams } from './params.js';

/** Gaussian agreement of a detection `dM` metres from an estimate with 1σ `sigmaM`: 1 at 0, 0.61 at 1σ. */
export function positionTerm(dM: number, sigmaM: number): number {
  return Math.exp(-0.5 * (dM / sigmaM) ** 2);
}

/** Gaussian agreement of the image length with the AIS length; neutral when either is unknown. */
export function lengthTerm(imageM: number | null, aisM: number | null, p: FusionParams): number {
  if (imageM === null || aisM === null || !(aisM > 0)) return p.lengthUnknownTerm;
  const sigma = p.lengthRelSigma * aisM + p.lengthAbsSigmaM;
  return Math.exp(-0.5 * ((imageM - aisM) / sigma) ** 2);
}

/** The probability density (per metre) of an image length given the AIS length: the Gaussian of lengthTerm,
 *  normalised (for likelihood ratios against clutter's length density). */
export function lengthDensityPerM(imageM: number, aisM: number, p: FusionParams): number {
  const sigma = p.lengthRelSigma * aisM + p.lengthAbsSigmaM;
  return Math.exp(-0.5 * ((imageM - aisM) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));
}
