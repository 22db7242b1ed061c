// Identifiers written in free-text remarks (OFAC "Remarks", UN "COMMENTS1"): IMO and MMSI numbers,
// former names, former flags, links. OFAC writes them as `Label value; Label value; ...`.

/** Ship IMO numbers: "Vessel Registration Identification IMO 9187629" or "... Identification 8606173". */
export function vesselImosIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/Vessel Registration Identification(?:\s+IMO)?\s*(\d{7})\b/gi)) out.add(m[1]);
  for (const m of text.matchAll(/\bIMO(?:\s+(?:No\.?|number:?))?\s*(\d{7})\b/gi)) out.add(m[1]);
  return [...out];
}

/** IMO company numbers: "Identification Number IMO 5342883", "Company Number IMO 5434358", "IMO number: 5571322". */
export function companyImosIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\bIMO\)?(?:\s+(?:No\.?|number))?:?\s*(\d{7})\b/gi)) out.add(m[1]);
  return [...out];
}

export function mmsisIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\bMMSI:?\s*(\d{9})\b/gi)].map((m) => m[1]))];
}

/** Quoted names after a label: a.k.a. 'X' / f.k.a. 'Y'. */
export function quotedNamesAfter(text: string, label: 'a.k.a.' | 'f.k.a.' | 'n.k.a.'): string[] {
  const re = new RegExp(`${label.replace(/\./g, '\\.')}\\s*'([^']+)'`, 'gi');
  return [...new Set([...text.matchAll(re)].map((m) => m[1].trim()))];
}

export function formerFlagsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/Former Vessel Flag\s+([^;.]+)/gi)].map((m) => m[1].trim()))]
    .filter((f) => !/^None Identified$/i.test(f));
}

export function linkedToIn(text: string): string[] {
  return [...new Set([...text.matchAll(/Linked To:\s*([^;]+?)(?:;|\.$|$)/gi)].map((m) => m[1].trim()))];
}
