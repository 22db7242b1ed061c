// Every risk weight and level threshold in one place (documented in docs/risk.md). Points add up; each
// indicator is capped so one kind of evidence cannot alone make a vessel "high" unless it is designed to.
// The indicator set follows what the commercial platforms publish as their risk factors (Windward,
// Lloyd's List Intelligence, Kpler/MarineTraffic, Pole Star: sanctions lists, port calls at sanctioned
// ports, dark activity near them, ship-to-ship meetings with listed ships, spoofing, identity and flag
// changes, draught changes while dark, flags of convenience); the numbers are Tumen's, chosen so that
// one DPRK port call or one meeting with a listed ship is "high" on its own, and a FOC flag alone is "low".
export const RISK_WEIGHTS = {
  /** Screening verdict "match": the vessel is on a list. Sets the level to "sanctioned". */
  sanctionsMatch: 100,
  /** Screening verdict "possible": needs an analyst. */
  possibleSanctionsMatch: 40,
  /** A visible port visit at a port of interest, by the port's role (each; cap per indicator). */
  portCallByRole: { dprk_port: 60, arms_transfer: 40, oil_terminal: 20, rfe_port: 5 } as Record<string, number>,
  portCallCap: 100,
  /** A dark port call inferred at a port of interest, by role (each). */
  darkPortCallByRole: { dprk_port: 60, arms_transfer: 50, oil_terminal: 30, rfe_port: 10 } as Record<string, number>,
  darkPortCallCap: 100,
  /** An intentional AIS gap starting or ending within `gapNearPortKm` of a port of interest (each). */
  intentionalGapNearPort: 15,
  intentionalGapNearPortCap: 45,
  gapNearPortKm: 100,
  /** Any other intentional gap (each). */
  intentionalGap: 5,
  intentionalGapCap: 15,
  /** An encounter (possible ship-to-ship transfer) with a listed vessel (each), or with a vessel whose own
   *  risk is "high" (one hop through the encounter graph; the partner's score does not recurse). */
  encounterListed: 60,
  encounterHighRisk: 25,
  encounterCap: 100,
  /** Spoofing / shared-MMSI events (each). */
  spoofing: 20,
  spoofingCap: 40,
  /** Seen on satellite imagery with AIS off (a dark_detection event naming the vessel): each, more when the
   *  identity is confident (assigned, or top candidate scoring ≥ seenDarkMinIdentityScore). */
  seenDark: 30,
  seenDarkWeak: 10,
  seenDarkMinIdentityScore: 0.5,
  seenDarkCap: 60,
  /** Identity changes: name, call sign or IMO changes, MMSI handovers, invalid IMO broadcasts (each). */
  identityChange: 10,
  identityChangeCap: 30,
  /** Flag hopping: each flag beyond the first seen for the vessel. */
  flagHop: 15,
  flagHopCap: 30,
  /** A draught change across a dark period (loaded or discharged while dark) (each). */
  draughtChangeDark: 20,
  draughtChangeDarkCap: 40,
  /** Flying a flag of convenience (ITF list). */
  flagOfConvenience: 5,
  /** A port visit counts as "at" a port of interest within this distance of it when ids differ (WPI vs curated). */
  portMatchKm: 10,
} as const;

/** Levels, highest first: "sanctioned" only from a sanctions match; then by total points. */
export const RISK_LEVELS = { highMinPoints: 60, mediumMinPoints: 25 } as const;

export type RiskLevel = 'sanctioned' | 'high' | 'medium' | 'low';
