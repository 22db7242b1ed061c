// The normalised shape every list parser produces, whatever the source format.

export type ListSource = 'ofac' | 'ofac-xml' | 'un' | 'opensanctions' | 'csv';

export type EntryKind = 'vessel' | 'organization' | 'person' | 'other';

export interface ListEntry {
  /** Unique within the list: OFAC ent_num, UN reference number (+ "/vessel/NAME" for vessels named in a UN narrative), FtM id, CSV row key. */
  key: string;
  /** The identifier reported to users (OFAC ent_num, UN reference number, FtM id). */
  entryId: string;
  kind: EntryKind;
  name: string;
  /** a.k.a. names. */
  aliases: string[];
  /** f.k.a. / previous names. */
  formerNames: string[];
  /** Ship IMO numbers (7 digits, as written; check digit validated by screening). */
  imo: string[];
  /** IMO unique company / registered-owner numbers (UN DPRK shipping firms): a different namespace from ship IMOs. */
  imoCompany: string[];
  mmsi: string[];
  callsigns: string[];
  flag: string | null;
  formerFlags: string[];
  owner: string | null;
  programs: string[];
  vesselType: string | null;
  remarks: string | null;
  /** The entry this one was extracted from or is linked to (e.g. a UN entity naming its vessels). */
  linkedTo: string[];
  /** False for an entry the list carries without sanctioning it (an OpenSanctions entity without the
   *  `sanction` topic: an owner, a director, a ship of interest); absent means listed. */
  listed?: boolean;
  /** The list's own topics for the entry (OpenSanctions: sanction, sanction.linked, poi, ...). */
  topics?: string[];
}

/** How one entry is tied to another in the list's own data: `object` is the `relation` of `subject`. */
export type LinkRelation = 'owner' | 'operator' | 'director' | 'associate';

export interface ListLink {
  /** Entry keys within the same list. */
  subject: string;
  relation: LinkRelation;
  object: string;
  /** The link's own words (FtM role, e.g. "Director", "associate"), if any. */
  role: string | null;
  /** Ownership share in percent, when stated. */
  sharePct: number | null;
}

export interface RejectedRecord {
  /** Line number, record index or id where the record was found. */
  where: string;
  reason: string;
}

export interface ParsedList {
  source: ListSource;
  /** Version as published (OFAC XML Publish_Date, UN dateGenerated) or a content hash when the format has none. */
  version: string | null;
  /** Publication date (YYYY-MM-DD or ISO) when the file states one, else null. */
  published: string | null;
  entries: ListEntry[];
  rejects: RejectedRecord[];
  /** Ownership, management and other ties between entries (FollowTheMoney lists). */
  links?: ListLink[];
  /** Keys of entries a streamed read handed out as not listed and later found listed (FtM Sanction
   *  records at the end of the file), or 'all' when the file turned out never to say what is listed. */
  markListed?: string[] | 'all';
}

export function emptyEntry(key: string, entryId: string, kind: EntryKind, name: string): ListEntry {
  return {
    key, entryId, kind, name, aliases: [], formerNames: [], imo: [], imoCompany: [], mmsi: [], callsigns: [],
    flag: null, formerFlags: [], owner: null, programs: [], vesselType: null, remarks: null, linkedTo: [],
  };
}

/** Pushes `value` when non-empty and not already present. */
export function addUnique(list: string[], value: string | null | undefined): void {
  const v = value?.trim();
  if (v && !list.includes(v)) list.push(v);
}
