// A fifth held-out set of screening cases (2026-12-06), written blind: without reading the matcher's code or
// docs (src/screening/, src/store/screen*.ts, docs on screening), bench/RESULTS.md or any bench/screen-*.ts other
// than the earlier case files, and without running the matcher on any of these queries.
// Aim: a realistic compliance mix for issue 13's quality target (precision and recall >= 0.98 with OFAC + UN +
// a 1 M-entity FtM list loaded), not a torture test: 90 positives on OFAC 2021 vessels, 60 decoys.
// Listed ships: all 406 OFAC 2021 vessels (test/fixtures/sanctions/ofac-2021: sdn.csv, alt.csv), sorted by entry
// id and shuffled with Python's random.Random(20261209); the order starts
//   23428 26646 25353 15051 25342 15077 15039 25690 23168 19584 25351 15072 25322 28301 25300 25354 23734 25301
//   25340 27432 15053 26649 23162 25355 25358 25369 25279 15080 29486 23157 26632 25391 28015 26625 26660 27281 ...
// and each family, in this order, takes the first ships of it not yet taken that fit its rule:
//   family          n  rule
//   alias          10  has a listed f.k.a./a.k.a. (not a yard number) no earlier set used as a query: the first such
//                      alias in list order; the 4th and 8th drawn as a stated former name beside an invented name
//   translit       16  5 Korean (DPRK flag), 4 Russian-named, 4 Persian (Iranian, Persian word), 3 Chinese names
//   wrong_imo       6  has an IMO; not a wrong_imo case of an earlier set; an invented IMO (below)
//   imo_wrong_name  6  has an IMO; not an imo/mmsi_wrong_name case of an earlier set; an invented unlisted name
//   split_join      6  Korean or Chinese syllables or an English/Persian compound; no earlier split_join on it
//   typo2           8  >= 9 letters; two slips
//   typo1_short     8  3 or 4 letters only; one slip
//   typo1          11  >= 5 letters; one slip
//   exact           8  name not an earlier query (after dropping case and punctuation); the 2nd, 4th, ... with IMO
//   reformatted    11  any; a change that survives case/punctuation folding where an earlier query was the plain name
// Every ship may have been named by an earlier set (all have); every query here differs from every query of
// screen-heldout-cases.ts, screen-unseen-cases.ts, screen-third-cases.ts and screen-fourth-cases.ts after folding
// case, accents and punctuation, and from every string literal of the development set screen-hard-cases.ts
// (compared by script, that file not read). Two ships were passed over for that: SOLAN in alias (its one alias,
// RISE GLORY, is a development query) and AZARGOUN in translit (AZARGOON is one; AZARGUN an earlier query), each
// then falling to a later family. Each variant is the one the family's rule gives, written by hand.
// Invented IMOs: random.Random(20261209).randint(800000, 979999) plus the check digit, skipping any 7-digit number
// in sdn.csv, alt.csv, sdn_comments.csv, the UN list, the AIS captures or an earlier set.
// Decoys (60): the static names of type 5/24 messages in the real AIS captures of test/fixtures/ais (AMSA 2012,
// DMA 2010; names of >= 4 letters, letters >= 60 % of the characters, no odd characters, not an earlier query, not a
// UN name), shuffled with random.Random(20261209): decoy_unlisted = the first 20 with no listed name or alias
// within 2 edits and none as a whole word; decoy_imo = the next 8 of those whose broadcast IMO has a valid check
// digit and is on no list (each with that IMO); decoy_near = the first 9 that hold a listed name or alias as a
// whole word beside another word of >= 4 letters (or are a whole word of one: FALCON), and the first 5 exactly
// one edit from a listed name or alias (judgement cases); decoy_sibling = the next unlisted number of 8 numbered
// listed families drawn with the same seed; decoy_generic = 10 names of generic words, written by hand. Every
// decoy name was checked against the fixture names and aliases (SDN, alt.csv) and the UN list's names and text;
// only DIANA and FALCON occur in the SDN file at all, inside listed persons' and companies' names.
// Committed before it was run; run ONCE as held-out (bench/RESULTS.md); after that it is development data.
// Scored by bench/screen-heldout.ts STORE --set fifth.
// Where these flatter or punish: one reviewer's verdicts; the judgement cases (each says so in `why`); all 90
// positives are ships earlier sets named, so a matcher tuned on those sets has seen every target entry (not these
// queries); an AIS or invented IMO could collide with a generated FtM IMO in a large store.
import { clear, hit, type HeldOutCase } from './screen-heldout-cases.js';

export const FIFTH_CASES: HeldOutCase[] = [
  // ---- exact: the listed name as is, with or without its IMO ----------------------------------------------
  hit('exact', 'CARIBE', 'CARIBE', 'possible', 'the listed name (also the Spanish word for Caribbean: a reviewer still wants it)'),
  hit('exact', { name: 'GOLSAN', imo: '9165815' }, 'GOLSAN', 'match', 'name and IMO'),
  hit('exact', 'FELICITY', 'FELICITY', 'possible', 'the listed name'),
  hit('exact', { name: 'SHABDIS', imo: '9349588' }, 'SHABDIS', 'match', 'name and IMO'),
  hit('exact', 'MARIVAN', 'MARIVAN', 'possible', 'the listed name'),
  hit('exact', { name: 'BOSCO GILAN', imo: '9188752' }, 'BOSCO GILAN', 'match', 'name and IMO'),
  hit('exact', 'HYUNDAI MIPO 2655', 'HYUNDAI MIPO 2655', 'possible', 'the listed name (a yard number name; 2656 and 2657 are listed too)'),
  hit('exact', { name: 'PARAND', imo: '9118551' }, 'PARAND', 'match', 'name and IMO'),
  // ---- reformatted: prefixes, suffixes, case, punctuation, numerals ----------------------------------------
  hit('reformatted', 'OT2077', 'OT-2077', 'possible', 'hyphen dropped, as AIS names often are'),
  hit('reformatted', 'M/V JH 86', 'JH 86', 'possible', 'M/V prefix'),
  hit('reformatted', 'BONU NO.5', 'BONU 5', 'possible', 'NO. before the number, no space'),
  hit('reformatted', 'SARINA (MT)', 'SARINA', 'possible', 'ship-type suffix in brackets'),
  hit('reformatted', 'M.T. ABYAN', 'ABYAN', 'possible', 'M.T. prefix with full stops'),
  hit('reformatted', 'NOOR I', 'NOOR 1', 'possible', 'roman for arabic numeral'),
  hit('reformatted', 'MV JAZMIN', 'JAZMIN', 'possible', 'MV prefix'),
  hit('reformatted', 'Parnia', 'PARNIA', 'possible', 'mixed case'),
  hit('reformatted', 'SHAHR-E-KORD', 'SHAHR E KORD', 'possible', 'the Persian ezafe hyphenated, as the city is often printed'),
  hit('reformatted', 'STAR-18', 'STAR 18', 'possible', 'hyphen before the number'),
  hit('reformatted', 'BICENTENARIO 13', 'BICENTENARIO XIII', 'possible', 'arabic for roman numeral'),
  // ---- one slip, names of 5 letters or more ----------------------------------------------------------------------
  hit('typo1', 'SANDIMO', 'SANDINO', 'possible', 'N struck as the next key M'),
  hit('typo1', 'BRELLYAN', 'BRELYAN', 'possible', 'L doubled'),
  hit('typo1', 'SHAHRAS', 'SHAHRAZ', 'possible', 'final Z written S'),
  hit('typo1', 'SOALN', 'SOLAN', 'possible', 'two letters swapped (5-letter name)'),
  hit('typo1', 'ARFO I', 'ARGO I', 'possible', 'G struck as the next key F, numeral kept'),
  hit('typo1', 'SATRLA', 'STARLA', 'possible', 'two letters swapped'),
  hit('typo1', 'BEHSAD', 'BEHSHAD', 'possible', 'an H dropped'),
  hit('typo1', 'DELNAVAS', 'DELNAVAZ', 'possible', 'final Z written S'),
  hit('typo1', 'ARTEMOS', 'ARTENOS', 'possible', 'N struck as the next key M'),
  hit('typo1', 'CSAPIA', 'CASPIA', 'possible', 'two letters swapped'),
  hit('typo1', 'BICENTENARIA VII', 'BICENTENARIO VII', 'possible', 'final O written A, numeral kept'),
  // ---- one slip, names of 3 or 4 letters -------------------------------------------------------------------------
  hit('typo1_short', 'ARL', 'ARK', 'possible', 'K struck as the next key L (judgement: 3-letter name)'),
  hit('typo1_short', 'NYSO', 'NYOS', 'possible', 'two letters swapped (4-letter name)'),
  hit('typo1_short', 'S0L', 'SOL', 'possible', 'OCR: 0 for O (3-letter name)'),
  hit('typo1_short', 'AURRA', 'AURA', 'possible', 'R doubled (4-letter name)'),
  hit('typo1_short', 'DORW', 'DORE', 'possible', 'E struck as the next key W (4-letter name)'),
  hit('typo1_short', 'KOTTI', 'KOTI', 'possible', 'T doubled (4-letter name)'),
  hit('typo1_short', 'SAMA', 'SANA', 'possible', 'N struck as the next key M (judgement: 4-letter name, SAMA is also a word)'),
  hit('typo1_short', 'MNEA', 'MENA', 'possible', 'two letters swapped (4-letter name)'),
  // ---- two slips, names of 9 letters or more -----------------------------------------------------------------------
  hit('typo2', 'BUCENTENATIO XI', 'BICENTENARIO XI', 'possible', 'I struck as U and R as T (next keys), numeral kept'),
  hit('typo2', 'PARRAMACOMI', 'PARAMACONI', 'possible', 'R doubled and N struck as the next key M'),
  hit('typo2', 'BlCENTENAR1O XIV', 'BICENTENARIO XIV', 'possible', 'OCR: lower-case l and digit 1 for the two I, numeral kept'),
  hit('typo2', 'VICENTENARO XV', 'BICENTENARIO XV', 'possible', 'B written V (Spanish b/v) and an I dropped, numeral kept'),
  hit('typo2', 'MANUEAL SANEZ', 'MANUELA SAENZ', 'possible', 'two pairs of letters swapped, one in each word'),
  hit('typo2', 'DESPINA ADRIANA', 'DESPINA ANDRIANNA', 'possible', 'both extra N dropped, as the common name ADRIANA pulls a typist'),
  hit('typo2', 'LUISA CASERES DE ARISMENDY', 'LUISA CACERES DE ARISMENDI', 'possible', 'C written S and final I written Y'),
  hit('typo2', 'TEODORUS', 'THEODOROS', 'possible', 'H dropped and O written U (Latin spelling)'),
  // ---- transliteration: Korean (DPRK and South Korean), Russian, Persian, Chinese ------------------------------------
  hit('translit', 'RŬNG RA 1', 'RUNG RA 1', 'possible', 'McCune-Reischauer with its breve, as the DPRK prints it'),
  hit('translit', 'SAM JEONG 2', 'SAM JONG 2', 'possible', 'Revised Romanization EO for O (South Korean register)'),
  hit('translit', 'KŬM SŎNG 7', 'KUM SONG 7', 'possible', 'McCune-Reischauer with both breves'),
  hit('translit', 'YUSEONG 12', 'YU SONG 12', 'possible', 'Revised Romanization, joined as the South Korean place name, number kept'),
  hit('translit', 'GEUMGANG 3', 'KUM GANG 3', 'possible', 'Revised Romanization (G for K, EU), joined as the mountain is written, number kept'),
  hit('translit', 'МАКСИМ ГОРЬКИЙ', 'MAKSIM GORKY', 'possible', 'the name in Cyrillic, as a Russian register writes it'),
  hit('translit', 'ПАССАТ', 'PASSAT', 'possible', 'the name in Cyrillic'),
  hit('translit', 'SEWASTOPOL', 'SEVASTOPOL', 'possible', 'German and Polish W for Russian V'),
  hit('translit', 'IURII TOPCHEV', 'YURY TOPCHEV', 'possible', 'ICAO (passport) transliteration of Юрий: IU, II'),
  hit('translit', 'GULBON', 'GOLBON', 'possible', 'Dari / older English GUL for Persian GOL (flower)'),
  hit('translit', 'ĀBTĪN 1', 'ABTIN 1', 'possible', 'ALA-LC romanization with macrons, number kept'),
  hit('translit', 'HAMGAAM', 'HAMGAM', 'possible', 'Persian long A doubled'),
  hit('translit', 'BAASHT', 'BASHT', 'possible', 'Persian long A doubled (the town of Basht)'),
  hit('translit', 'HUNG HSUN', 'HONG XUN', 'possible', 'Wade-Giles for both syllables (judgement: far in letters)'),
  hit('translit', 'HWA FU', 'HUA FU', 'possible', 'HWA, the Gwoyeu Romatzyh / older Taiwanese spelling of 華'),
  hit('translit', 'CHIN TAI', 'JIN TAI', 'possible', 'Wade-Giles CHIN for pinyin JIN'),
  // ---- aliases and former names as listed ------------------------------------------------------------------------
  hit('alias', 'LENA', 'HENNA', 'possible', 'listed f.k.a. (a common name and a river: a reviewer still wants it)'),
  hit('alias', 'LANTANA', 'SABITI', 'possible', 'listed f.k.a. (an AIS capture has another LANTANA: a reviewer still wants it)'),
  hit('alias', 'ASTANEH', 'ARNICA', 'possible', 'listed f.k.a.'),
  hit('alias', { name: 'SEA ORCHID', formerNames: ['NAJM'] }, 'NAINITAL', 'possible', 'listed f.k.a. as a stated former name, beside an unlisted name'),
  hit('alias', 'VALOR', 'HASNA', 'possible', 'listed f.k.a. (an ordinary word)'),
  hit('alias', 'RADIN', 'GOODREACH', 'possible', 'listed f.k.a.'),
  hit('alias', 'MAGNOLIA', 'SILVIA I', 'possible', 'listed f.k.a. (a flower)'),
  hit('alias', { name: 'CAPE NOVA', formerNames: ['HENGAM'] }, 'HAPPINESS I', 'possible', 'listed f.k.a. as a stated former name, beside an unlisted name'),
  hit('alias', 'SKYLINE', 'DORENA', 'possible', 'listed f.k.a. (an ordinary word)'),
  hit('alias', 'HAMOUN', 'CANREACH', 'possible', 'listed f.k.a. (HAMOON, one letter off, is a listed f.k.a. of HENNA: either may come first)'),
  // ---- listed name with a wrong IMO (an invented valid number on no list) -------------------------------------------
  hit('wrong_imo', { name: 'ZEUS', imo: '8754281' }, 'ZEUS', 'possible', 'name, IMO not the listed one (judgement: a common ship name, still worth a look)'),
  hit('wrong_imo', { name: 'MARA', imo: '8981860' }, 'MARA', 'possible', 'name, IMO not the listed one (judgement: a short common name, still worth a look)'),
  hit('wrong_imo', { name: 'JW JEWEL', imo: '9096387' }, 'JW JEWEL', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'SOUTH HILL 5', imo: '9422093' }, 'SOUTH HILL 5', 'possible', 'name with its number, IMO not the listed one'),
  hit('wrong_imo', { name: 'BATIS', imo: '8722111' }, 'BATIS', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'MARAYA', imo: '9673135' }, 'MARAYA', 'possible', 'name, IMO not the listed one'),
  // ---- the listed IMO with an unrelated name ---------------------------------------------------------------------
  hit('imo_wrong_name', { name: 'AZURE SKY', imo: '9820336' }, 'HYUNDAI MIPO 2657', 'match', 'HYUNDAI MIPO 2657\'s IMO: the yard number named at delivery'),
  hit('imo_wrong_name', { name: 'NORD VEGA', imo: '9283019' }, 'AZARGOUN', 'match', 'AZARGOUN\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'SUN RIVER', imo: '9036935' }, 'SOBHAN', 'match', 'SOBHAN\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'RIO APURE', imo: '9688790' }, 'YORACO', 'match', 'YORACO\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'GLOBAL HOPE', imo: '9032666' }, 'KHURAN', 'match', 'KHURAN\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'ALMA ROSE', imo: '9405942' }, 'BASKAR', 'match', 'BASKAR\'s IMO, renamed'),
  // ---- words split or joined differently ---------------------------------------------------------------------------
  hit('split_join', 'SANDSWAN', 'SAND SWAN', 'possible', 'two words joined'),
  hit('split_join', 'JISONG 8', 'JI SONG 8', 'possible', 'syllables joined, number kept'),
  hit('split_join', 'PHOTHAE', 'PHO THAE', 'possible', 'syllables joined'),
  hit('split_join', 'HOERYONG', 'HOE RYONG', 'possible', 'syllables joined, as the city name is written'),
  hit('split_join', 'IRANFALAGH', 'IRAN FALAGH', 'possible', 'words joined'),
  hit('split_join', 'PIRUYGANG', 'PI RUY GANG', 'possible', 'syllables joined'),
  // ---- decoys: real ships on no list, from the AIS captures' static names ------------------------------------------
  clear('decoy_unlisted', 'PANGORGO', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'COLIN B MCCALL', 'passenger vessel (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'ALOIS LUHR', 'towing vessel (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'MYUNG JIN NO.3', 'Korean tanker (AMSA 2012), not listed (JIN is in listed JIN TAI, JIN TENG, JON JIN 2: another name)'),
  clear('decoy_unlisted', 'M.V.HALUL 24', 'tug (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'SHANNON FISHER', 'tanker (DMA 2010), not listed'),
  clear('decoy_unlisted', 'WAN HAI 505', 'cargo ship (AMSA 2012), not listed (HAI as in listed XIN GUANG HAI: another name)'),
  clear('decoy_unlisted', 'WHITNAVIGATOR', 'tanker (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'MCP ROTTERDAM', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'SVITZER KILROOM', 'tug (DMA 2010), not listed'),
  clear('decoy_unlisted', 'OCEAN PRIDE', 'cargo ship (AMSA 2012), not listed (MIAMI PRIDE is listed, SEAPRIDE a listed f.k.a.: another name)'),
  clear('decoy_unlisted', 'NIGHTHAWK', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'TELENAUTIC', 'DMA 2010 (type not given), not listed'),
  clear('decoy_unlisted', 'POLAR EXPRESS', 'AMSA 2012 (type not given), not listed'),
  clear('decoy_unlisted', 'LIL BLAKE', 'tug (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'MINDORO', 'tanker (DMA 2010), not listed'),
  clear('decoy_unlisted', 'KALIOPE', 'tanker (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'PILOT AHTO-24', 'DMA 2010 (a pilot boat by its name), not listed'),
  clear('decoy_unlisted', 'FURE SUN', 'tanker (DMA 2010), not listed'),
  clear('decoy_unlisted', 'IRON CHIEFTAIN', 'cargo ship (AMSA 2012), not listed'),
  // ---- decoys: real ships on no list, with the IMO they broadcast -----------------------------------------------------
  clear('decoy_imo', { name: 'ZAMIL 32', imo: '8827351' }, 'AMSA 2012 (type other), its own IMO, not listed'),
  clear('decoy_imo', { name: 'CSL CABO', imo: '7117278' }, 'cargo ship (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'PACIFIC WRANGLER', imo: '9270608' }, 'cargo ship (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'IVS ORCHARD', imo: '9528029' }, 'cargo ship (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'KORIMUL', imo: '8104034' }, 'tug (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'PASCALE KNUTSEN', imo: '9070905' }, 'tanker (DMA 2010), its own IMO, not listed (GERD KNUTSEN is a listed f.k.a.: another ship of the fleet)'),
  clear('decoy_imo', { name: 'MAGOTHY', imo: '1212428' }, 'towing vessel (AMSA 2012), the number it broadcasts (valid check digit, perhaps not a real IMO), not listed'),
  clear('decoy_imo', { name: 'AEGEAN WAVE', imo: '9387920' }, 'tanker (AMSA 2012), its own IMO, not listed'),
  // ---- decoys: generic words -------------------------------------------------------------------------------------------
  clear('decoy_generic', 'OCEAN JADE', 'generic words'),
  clear('decoy_generic', 'OCEAN HARMONY', 'generic words'),
  clear('decoy_generic', 'SEA GLORY', 'generic words (GULF GLORY, RISE GLORY are listed f.k.a.)'),
  clear('decoy_generic', 'EASTERN PEARL', 'generic words'),
  clear('decoy_generic', 'SUNNY OCEAN', 'generic words'),
  clear('decoy_generic', 'SHINING STAR', 'generic words (LUCKY STAR, ORION STAR, NYMEX STAR are listed)'),
  clear('decoy_generic', 'NEW ERA', 'generic words'),
  clear('decoy_generic', 'PROSPERITY', 'a generic word'),
  clear('decoy_generic', 'GREAT WALL', 'generic words'),
  clear('decoy_generic', 'SEA DRAGON', 'generic words (FLYING DRAGON is listed)'),
  // ---- decoys: real ships whose name holds a listed name or alias beside another word -------------------------------------
  clear('decoy_near', 'FALCON', 'cargo ship (DMA 2010); GULF FALCON is a listed f.k.a. of LONGBOW LAKE, FAXON is listed (judgement: the distinctive word of an alias, alone)'),
  clear('decoy_near', 'OCEAN RAINBOW', 'cargo ship (AMSA 2012); RAINBOW is a listed f.k.a. of SNOW'),
  clear('decoy_near', 'PACIFIC FORTUNE', 'cargo ship (AMSA 2012); FORTUNE is listed'),
  clear('decoy_near', 'GREEN EXPLORER', 'cargo ship (DMA 2010); EXPLORER is a listed f.k.a. of HERBY, GREEN LIGHT is listed'),
  clear('decoy_near', 'SAMSON EXPLORER', 'port tender (AMSA 2012); EXPLORER is a listed f.k.a.'),
  clear('decoy_near', 'ENDURING FREEDOM', 'passenger vessel (AMSA 2012); FREEDOM is listed'),
  clear('decoy_near', 'ATLANTIC RUNNER', 'cargo ship (AMSA 2012); ATLANTIC is listed'),
  clear('decoy_near', 'EPIC SEAHORSE', 'AMSA 2012 (type other); SEAHORSE is a listed f.k.a. of SANCHI'),
  clear('decoy_near', 'NAVIOS HORIZON', 'cargo ship (AMSA 2012); HORIZON is a listed f.k.a. of HALTI'),
  // ---- decoys: real ships one letter from a listed name or alias (judgement cases) ---------------------------------------------
  clear('decoy_near', 'NEVA', 'cargo ship (DMA 2010), a Russian river; NESA is a listed f.k.a. of NASHA (judgement: one letter, another word)'),
  clear('decoy_near', 'HELMA', 'cargo ship (DMA 2010), a given name; HELM is listed (judgement: one letter more, another name)'),
  clear('decoy_near', 'FATEEN', 'tug (AMSA 2012), an Arabic name; SATEEN is a listed f.k.a. of FOREST (judgement: one letter, another word)'),
  clear('decoy_near', 'ARES', 'tug (DMA 2010), a Greek god; ARIES is listed (judgement: one letter fewer, another name)'),
  clear('decoy_near', 'DIANA', 'a military vessel (DMA 2010), a given name; DIONA is listed (judgement: one letter, another name)'),
  // ---- decoys: unlisted numbers of listed families ------------------------------------------------------------------------------
  clear('decoy_sibling', 'YU JONG 3', 'the list carries YU JONG 2'),
  clear('decoy_sibling', 'L-410', 'the list carries L-409 (a hull code, another craft)'),
  clear('decoy_sibling', 'PU HUNG 2', 'the list carries PU HUNG 1'),
  clear('decoy_sibling', 'RA NAM 4', 'the list carries RA NAM 2 and 3'),
  clear('decoy_sibling', 'MARIE DE LOURDES VI', 'the list carries MARIE DE LOURDES, I and V'),
  clear('decoy_sibling', 'BICENTENARIO XVIII', 'the list carries I to XVI'),
  clear('decoy_sibling', 'JON JIN 3', 'the list carries JON JIN 2'),
  clear('decoy_sibling', 'SHAYAN 3', 'the list carries SHAYAN 1'),
];
