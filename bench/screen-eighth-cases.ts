// An eighth held-out set of screening cases (2026-12-07), written blind: without reading the matcher's code or docs
// (src/screening/, src/store/screen*.ts, src/store/party*.ts, src/reference/, docs/screening.md) or any bench/screen-*.ts
// other than the earlier case files and screen-heldout.ts (for the `--set` wiring), and without running the matcher on
// any of these queries. Nothing here was chosen or changed after seeing a matcher result: there were none.
// One lapse, stated here because it bears on blindness: reading bench/RESULTS.md's note on how the seventh set was
// written, a script meant to stop at the next section ran on into the section after it, which shows earlier sets'
// precision/recall and says that the matcher treats a Spanish word or a port name of 6-12 letters, one or two
// letters from a listed name, as another ship (PATRIA, ESPERANCE, SERENO cleared). The families below were fixed
// before that was read; the hand-written decoys were chosen afterwards (places and words in several languages, as
// the issue asks), so their mix may lean on or away from what that note says. No case was run.
// Aim: a realistic compliance mix for issue 13's quality target that also stresses what earlier sets used little:
// names in other scripts and romanizations (Hangul, Persian and Arabic script, Cyrillic, Chinese characters, Greek),
// given names spelled another way, OCR confusions, two transpositions, generic maritime words dropped or swapped,
// fleet-file rows with owner/operator/flag/MMSI columns (`tumen screen --file` columns: name, imo, mmsi, callsign, flag,
// owner, operator), former names with dates, wrong and right IMOs and MMSIs, numerals in words and Roman; decoys from
// real AIS names, places, given names and words one or two letters from a listed name, unlisted siblings, and real
// ships whose stated owner shares a word with a listed company. 105 positives on OFAC 2021 vessels, 62 decoys.
// Listed ships: all 406 OFAC 2021 vessels (test/fixtures/sanctions/ofac-2021: sdn.csv, alt.csv, read with the fixture
// loader test/fixtures/sanctions/load.ts, no screening), sorted by numeric entry id and shuffled with Python's
// random.Random(20261208); the order starts
//   27280 15079 19594 25286 15051 15724 26641 28323 30823 25714 23514 25299 28012 23168 29483 25342 25355 27528
//   15093 25375 15907 15044 27281 23185 25259 17104 23738 30395 27148 23743 25269 15074 25347 27433 25358 15089 ...
// and each family, in this order, takes the first ships of it not yet taken that fit its rule; a family with sub-rules
// takes, for each sub-rule in the order given, the first ship that fits and whose variant is a new query (no earlier
// query or stated former name once folded, and not the listed name itself where the family changes the name):
//   family          n  rule
//   former_dated    6  has an a.k.a./f.k.a. (not a yard number) of >= 4 letters that no earlier set used as a query or
//                      former name and that is no other listed ship's name: the first such (a.k.a. before f.k.a.); the
//                      first 3 as a stated former name with a date beside an invented name, the next 3 in the name
//                      field ('NEW (EX-OLD, YEAR)'), as port-call lists write it (a fleet CSV has no former-name column)
//   given_name      4  holds a given name with spellings in several languages (a list fixed before the draw): another
//                      common spelling of it
//   script         14  Korean 4 (DPRK flag, Korean words only): Hangul, Revised Romanization, McCune-Reischauer (must
//                      change a letter after folding), Hangul; Persian 3 (a Persian word or name, a list fixed before
//                      the draw): Persian script, then twice another common romanization (I as EE, U as OU/OO ...);
//                      Arabic 2 (an Arabic word or name): Arabic script, another romanization; Russian 2 (a Russian word
//                      or person): Cyrillic, German transliteration; Chinese 2: characters, Wade-Giles; Greek 1: Greek
//                      script
//   fleet_row      14  listed name not an earlier query, >= 4 letters: 4 with an invented owner and the listed flag; 3
//                      with an invented manager in the operator column; 3 under another flag; 4 (ships with a listed
//                      MMSI) with that MMSI ('match'), the flag its MID gives, 2 with an invented owner or operator.
//                      Flags as names or ISO codes, as fleet files write them
//   wrong_imo       6  has an IMO; not a wrong_imo ship of an earlier set; listed name not an earlier query; an
//                      invented IMO (below)
//   wrong_mmsi      3  listed name not an earlier query, listed flag with a known MID: an invented MMSI of that MID
//   imo_wrong_name  5  has an IMO; not an imo/mmsi_wrong_name ship of an earlier set; an invented name ('match')
//   mmsi_wrong_name 3  has a listed MMSI (on one entry only); not an imo/mmsi_wrong_name ship before; invented name
//   generic         6  a listed name with a generic maritime word (STAR SEA OCEAN GLORY BLUE SUN GOLD GOLDEN PACIFIC
//                      PRIDE QUEEN LUCKY BRIGHT GREEN DREAM BRIDGE TREASURE ORIENTAL SUCCESS LIGHT EVER DEEP WAY CALM)
//                      beside a word that is none of them: 3 with the generic word dropped, 3 with it swapped for
//                      another (all judgement cases)
//   numeral         6  ends in a number <= 20 or a roman numeral, two or more words: arabic to roman, roman to arabic,
//                      English words, NO. before the number, the Korean counter HO (DPRK flag), Spanish words
//                      (Venezuelan flag)
//   split_join      5  no earlier split_join on it: 3 with two or more words joined; 2 single words of two parts
//                      (a list fixed before the draw) split
//   typo2           6  >= 8 letters: two transpositions (two pairs of adjacent letters swapped)
//   ocr            10  holds the letter: cl/d, rn/m, 0/O, 1/I, l/I, 5/S, 8/B, rn/m, 0/O, 1/I in turn
//   typo1           6  >= 5 letters: one slip, in turn next key, dropped, doubled, swap, next key, dropped
//   typo1_short     3  letters only, <= 4 letters: next key, swap, doubled
//   exact           4  listed name not an earlier query; the 2nd and 4th with the listed IMO ('match')
//   reformatted     4  any: prefixes, quotes, case, NO., folding to no earlier query
// Every query name and stated former name (without its date) was compared by script with every query name and former
// name of screen-heldout-cases.ts, screen-unseen-cases.ts, screen-third- ... screen-seventh-cases.ts and the queries of
// the development set screen-hard-cases.ts (not its expected names), after folding case, accents, punctuation AND
// spaces: no hit in the committed file. Variants passed over as the sub-rules say (earlier queries unless noted):
// YOUNIS (given name), HWASEONG (Revised Romanization); McCune-Reischauer HWASŎNG, KUBONGRYŎNG, RYONGGUNBONG (the listed
// names once folded); نگین, NEGIN, ABTEEN 1, SAREER (Persian); HAMD (no other common romanization); PARTISAN (German);
// SHANG YUAN PAO, WU HSIEN, CHIN T'ENG, TUNG FENG 6, and HUA FU, HAO FAN 2, HAO FAN 6 (Wade-Giles writes them as pinyin
// does); BICENTENARIO 8; BLUEWAY; TEN REACH. One reformatting (Rak-Rang) was an earlier query and was written again
// with a prefix. The generic family's ship list was first written by hand with three slips (names where both words are
// generic, one with neither); it was recomputed by script from the word list above before any variant was written.
// Invented IMOs: random.Random(20261208).randint(800000, 979999) plus the check digit, skipping any 7-digit number in
// sdn.csv, alt.csv, sdn_comments.csv, the UN list, the AIS captures' broadcast IMOs or an earlier set (none skipped
// among the six used). Invented MMSIs: the listed flag's MID + random.Random(20261208).randint(100000, 999999), not in
// the lists, the captures or an earlier set. Invented names and owners (former_dated, imo/mmsi_wrong_name, fleet rows,
// decoy owners) were checked: on no list (any entry, any kind), not in the AIS captures, no listed vessel name or alias
// within 2 edits.
// Decoys (62): real ships from the static names (type 5/24) of the AIS captures test/fixtures/ais (AMSA 2012,
// DMA 2010, exactEarth samples) and bench/data/real (exactEarth), decoded with `tumen decode`; names of >= 4
// characters, letters >= 60 %, ASCII, not an earlier query, not a name or alias on any fixture list (OFAC, UN);
// sorted and shuffled with random.Random(20261208) and dealt in that order:
//   decoy_unlisted 10: no listed vessel name or alias within 2 edits, no listed word (>= 3 letters) as a whole word
//   decoy_imo 5: the next such ships broadcasting a valid IMO on no list and in no earlier set: with that IMO
//   decoy_owner 6: the next such ships, each with an invented owner or operator sharing one ordinary English word with
//     a listed company: OFAC/UN organizations whose name holds SHIPPING, MARINE, TANKER, NAVIGATION or MARITIME, sorted
//     by entry id, shuffled with the same seed, the first six whose first distinctive word is an ordinary word
//   decoy_word 6: sharing a whole word (>= 3 letters) with a listed vessel name or alias, beside a word of its own
//   decoy_near 2 (judgement): one edit from a listed vessel name or alias, no shared word; 2: two edits, >= 5 letters
// and, written by hand: decoy_place 12, places as Arabic, Persian, Italian, Spanish, Greek, Korean, Russian, Bulgarian
// and Chinese name them, one (judgement) or two letters from a listed name or alias; decoy_given 6, given names
// (Persian, Arabic, German, Russian, Scandinavian) likewise; decoy_near 4, ordinary words; decoy_generic 3, generic
// words only; decoy_sibling 6, for the first six numbered families in the shuffled order, the listed number + 1 or the
// next above it neither listed nor used as a sibling before.
// Not tuned: no case was run through the matcher.
// Committed before it was run; run ONCE as held-out (bench/RESULTS.md); after that it is development data.
// Scored by bench/screen-heldout.ts STORE --set eighth, which passes each query as is: name, IMO, MMSI and
// formerNames as in earlier sets, and owner, operator and flag where a fleet row gives them.
// Where these flatter or punish: one reviewer's verdicts; the judgement cases (29, each says so in `why`): Hangul (2),
// Persian, Arabic script and guessed Chinese characters; the six generic-word cases; LUCKY STAR and SIG with a wrong
// IMO; DEEP SEA under another flag; decoys one letter from a listed name (SOHAR, SALALAH, RASHT, ANDRIA, CARIPE, PATRAS,
// RAJIN, NEDA, ARMIN, HAMID, SOLAR, EMOTION, BALTIA), FORTUNE CARRIER and PACIFIC GLORY (a listed name or f.k.a. as a
// whole word). An AIS or invented IMO could collide with a generated FtM IMO in a large store; owners are invented, so
// owner screening meets no real company among the positives; the Chinese characters and the Hangul of DPRK names are
// likely readings, not given by the list.
import { clear, hit, type HeldOutCase } from './screen-heldout-cases.js';

export const EIGHTH_CASES: HeldOutCase[] = [
  // ---- former names with dates: a listed f.k.a./a.k.a. no earlier set used, beside an invented current name ---------
  hit('former_dated', { name: 'NORDKAPP TRADER', formerNames: ['SARV (until 2013)'] }, 'SALINA', 'possible', 'listed f.k.a. SARV as a stated former name with its date, beside an invented unlisted name'),
  hit('former_dated', { name: 'KALIDONIA', formerNames: ['TAMAR (2012-2014)'] }, 'HENNA', 'possible', 'listed f.k.a. TAMAR as a stated former name with its years, beside an invented unlisted name'),
  hit('former_dated', { name: 'PERLA DEL SUR', formerNames: ['ELITE (to 03/2013)'] }, 'NAVARZ', 'possible', 'listed f.k.a. ELITE (an ordinary word) as a stated former name with a date, beside an invented unlisted name'),
  hit('former_dated', 'ALMIRANTE VEGA (EX-SOUVENIR, 2013)', 'SNOW', 'possible', 'listed f.k.a. SOUVENIR in the name field as a port-call list writes a former name (EX-, year), beside an invented name'),
  hit('former_dated', 'MONTE ROSSO (EX-HONAR 2012)', 'HORSE', 'possible', 'listed f.k.a. HONAR in the name field (EX-, year), beside an invented name'),
  hit('former_dated', 'GULF TRADER 7 (EX HAYAN, 2019)', 'IRAN HORMUZ 25', 'possible', 'listed a.k.a. HAYAN in the name field (EX, year), beside an invented name with a number'),
  // ---- given names spelled another way ------------------------------------------------------------------------------
  hit('given_name', 'YACOUB', 'YAGHOUB', 'possible', 'the given name (Jacob) in its French-style Arabic spelling'),
  hit('given_name', 'MARIA DE LOURDES V', 'MARIE DE LOURDES V', 'possible', 'MARIE written MARIA, as Spanish and Italian write the given name (MARIE DE LOURDES and I are listed too)'),
  hit('given_name', 'CARLOTTA C', 'CARLOTA C', 'possible', 'CARLOTA written CARLOTTA, as Italian writes the given name'),
  hit('given_name', 'LOUISA CACERES DE ARISMENDI', 'LUISA CACERES DE ARISMENDI', 'possible', 'LUISA written LOUISA, as English writes the given name'),
  // ---- names in other scripts and romanizations (Korean, Persian, Arabic, Russian, Chinese, Greek) ------------------
  hit('script', '라남 2', 'RA NAM 2', 'possible', 'the name in Hangul (라남, Ranam), number kept (judgement: script; RA NAM 3 is listed too)'),
  hit('script', 'NEUNGNA 1', 'RUNG RA 1', 'possible', 'Revised Romanization of 릉라 (the initial R written N as South Korea does, the R after NG read N), joined, number kept (RUNG RA 2 is listed too)'),
  hit('script', 'CHISŎNG 6', 'JI SONG 6', 'possible', 'McCune-Reischauer (initial CH for J, Ŏ), joined, number kept (JI SONG 8 is listed too)'),
  hit('script', '화성', 'HWA SONG', 'possible', 'the name in Hangul (화성) (judgement: script)'),
  hit('script', 'آیسان', 'AYSAN', 'possible', 'the name in Persian script (judgement: script)'),
  hit('script', 'ARVEEN', 'ARVIN', 'possible', 'the long I written EE, as Iranian spellings often do'),
  hit('script', 'IRAN FAHEEM', 'IRAN FAHIM', 'possible', 'the long I written EE'),
  hit('script', 'يونس', 'YOUNES', 'possible', 'the name in Arabic script (judgement: script; Persian and Arabic write it alike)'),
  hit('script', 'NOUR 1', 'NOOR 1', 'possible', 'the long U written OU, as French-style Arabic romanization does, number kept'),
  hit('script', 'БОГАТЫРЬ', 'BOGATYR', 'possible', 'the name in Cyrillic (with its final soft sign), as a Russian register writes it'),
  hit('script', 'MARSCHALL SCHUKOW', 'MARSHAL ZHUKOV', 'possible', 'German transliteration (SCH for Ж, W for В) and German spelling of the rank'),
  hit('script', '鸿讯', 'HONG XUN', 'possible', 'the name in Chinese characters (judgement: the list gives no characters; these are a likely reading)'),
  hit('script', 'HSIN KUANG HAI', 'XIN GUANG HAI', 'possible', 'Wade-Giles (HS for pinyin X, K for pinyin G)'),
  hit('script', 'ΘΕΟΔΩΡΟΣ', 'THEODOROS', 'possible', 'the name in Greek script, as a Greek register writes it'),
  // ---- fleet-file rows: owner, operator (manager), flag and MMSI columns beside the name ----------------------------
  hit('fleet_row', { name: 'NEGEEN', owner: 'PARSIAN DARYA NAVID CO', flag: 'Iran' }, 'NEGEEN', 'possible', 'fleet-file row: the listed name with an invented owner and the listed flag'),
  hit('fleet_row', { name: 'ATLANTIC', owner: 'MERIDIAN BULK CARRIERS INC', flag: 'Liberia' }, 'ATLANTIC', 'possible', 'fleet-file row: the listed name (an ordinary word) with an invented owner and the listed flag'),
  hit('fleet_row', { name: 'CUMANAGOTO', owner: 'TRANSPORTES MARITIMOS DEL ORIENTE C.A.', flag: 'VE' }, 'CUMANAGOTO', 'possible', 'fleet-file row: the listed name with an invented owner and the listed flag as an ISO code'),
  hit('fleet_row', { name: 'FORTUNA', owner: 'OOO BALTMORTRANS', flag: 'Russia' }, 'FORTUNA', 'possible', 'fleet-file row: the listed name with an invented owner and the listed flag (FORTUNE and FORTUN are other listed names)'),
  hit('fleet_row', { name: 'DERYA', operator: 'ALTINKUM DENIZCILIK A.S.', flag: 'Panama' }, 'DERYA', 'possible', 'fleet-file row: the listed name with an invented manager in the operator column and the listed flag'),
  hit('fleet_row', { name: 'BALITA', operator: 'GOLDEN WAVE SHIP MANAGEMENT LTD', flag: 'Cameroon' }, 'BALITA', 'possible', 'fleet-file row: the listed name with an invented manager and the listed flag'),
  hit('fleet_row', { name: 'KHURAN', operator: 'SEAWAYS TANKER MANAGEMENT FZE', flag: 'TG' }, 'KHURAN', 'possible', 'fleet-file row: the listed name with an invented manager and the listed flag as an ISO code'),
  hit('fleet_row', { name: 'DELICE', flag: 'Panama' }, 'DELICE', 'possible', 'fleet-file row: the listed name under another flag (listed: Iran), as a reflagged ship is listed'),
  hit('fleet_row', { name: 'DEEP SEA', flag: 'Comoros' }, 'DEEP SEA', 'possible', 'fleet-file row: the listed name under another flag (listed: Panama) (judgement: two generic words, no identifier)'),
  hit('fleet_row', { name: 'SOLAN', flag: 'Togo' }, 'SOLAN', 'possible', 'fleet-file row: the listed name under another flag (listed: Iran)'),
  hit('fleet_row', { name: 'DIAMOND II', mmsi: '256865000', flag: 'Malta' }, 'DIAMOND II', 'match', "fleet-file row: the listed name and MMSI, the flag the MMSI's MID gives (listed flag: Panama)"),
  hit('fleet_row', { name: 'STARK I', mmsi: '677049500', flag: 'Tanzania', owner: 'SEVEN SEAS TRADING FZE' }, 'STARK I', 'match', "fleet-file row: the listed name and MMSI, the MID's flag and an invented owner"),
  hit('fleet_row', { name: 'FOREST', mmsi: '572438210', flag: 'Tuvalu' }, 'FOREST', 'match', "fleet-file row: the listed name (an ordinary word) and MMSI, the MID's flag"),
  hit('fleet_row', { name: 'APAMA', mmsi: '256845000', flag: 'MT', operator: 'KISH ROYAL SHIPMANAGEMENT' }, 'APAMA', 'match', "fleet-file row: the listed name and MMSI, the MID's flag as an ISO code and an invented operator (listed flag: Iran)"),
  // ---- the listed name with a wrong IMO (an invented valid number on no list) ---------------------------------------
  hit('wrong_imo', { name: 'LUCKY STAR', imo: '9339648' }, 'LUCKY STAR', 'possible', 'name, IMO not the listed one (judgement: two generic words)'),
  hit('wrong_imo', { name: 'KADOS', imo: '8438198' }, 'KADOS', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'RYONG GUN BONG', imo: '9764489' }, 'RYONG GUN BONG', 'possible', 'DPRK name, IMO not the listed one'),
  hit('wrong_imo', { name: 'SIG', imo: '8082535' }, 'SIG', 'possible', 'name, IMO not the listed one (judgement: 3 letters)'),
  hit('wrong_imo', { name: 'TONG HUNG 5', imo: '9404302' }, 'TONG HUNG 5', 'possible', 'DPRK name with its number, IMO not the listed one (TONG HUNG 1 is listed too)'),
  hit('wrong_imo', { name: 'SARIR', imo: '9770189' }, 'SARIR', 'possible', 'name, IMO not the listed one'),
  // ---- the listed name with an MMSI on no list ----------------------------------------------------------------------
  hit('wrong_mmsi', { name: 'PETION', mmsi: '352635856' }, 'PETION', 'possible', 'name, an MMSI on no list (Panama MID, the listed flag)'),
  hit('wrong_mmsi', { name: 'SHANG YUAN BAO', mmsi: '352275278' }, 'SHANG YUAN BAO', 'possible', 'name, an MMSI on no list (Panama MID)'),
  hit('wrong_mmsi', { name: 'WU XIAN', mmsi: '352805794' }, 'WU XIAN', 'possible', 'name, an MMSI on no list (Panama MID)'),
  // ---- the listed IMO with an unrelated name ------------------------------------------------------------------------
  hit('imo_wrong_name', { name: 'AEGEAN MERCHANT', imo: '9221970' }, 'SOBAR', 'match', "SOBAR's IMO, renamed"),
  hit('imo_wrong_name', { name: 'SOUTHERN CROSS 3', imo: 'IMO 8983404' }, 'KU BONG RYONG', 'match', "KU BONG RYONG's IMO written with its prefix, renamed"),
  hit('imo_wrong_name', { name: 'LADY ROSALIND', imo: '9188752' }, 'BOSCO GILAN', 'match', "BOSCO GILAN's IMO, renamed"),
  hit('imo_wrong_name', { name: 'CORAL PRINCESS', imo: '9820257' }, 'GOODREACH', 'match', "GOODREACH's IMO, renamed"),
  hit('imo_wrong_name', { name: 'HALCYON', imo: '9513282' }, 'BICENTENARIO XII', 'match', "BICENTENARIO XII's IMO, renamed"),
  // ---- the listed MMSI with an unrelated name -----------------------------------------------------------------------
  hit('mmsi_wrong_name', { name: 'SILVER TERN', mmsi: '249256000' }, 'SONIA I', 'match', "SONIA I's MMSI (on no other entry), under an unlisted name"),
  hit('mmsi_wrong_name', { name: 'TAMARIND', mmsi: '572450210' }, 'HELM', 'match', "HELM's MMSI (on no other entry), under an unlisted name"),
  hit('mmsi_wrong_name', { name: 'MORNING LARK', mmsi: '212256000' }, 'HUGE', 'match', "HUGE's MMSI (on no other entry), under an unlisted name"),
  // ---- a generic maritime word dropped or swapped (judgement cases) -------------------------------------------------
  hit('generic', 'CLIFF', 'SEA CLIFF', 'possible', 'the generic word SEA dropped (judgement: CLIFF alone is an ordinary word)'),
  hit('generic', 'BELEMA CRUDE', 'BELEMA LIGHT CRUDE', 'possible', 'the generic word LIGHT dropped (judgement: generic word)'),
  hit('generic', 'BONITA', 'BONITA QUEEN', 'possible', 'the generic word QUEEN dropped (judgement: BONITA alone is a Spanish word)'),
  hit('generic', 'TRIPLE GLORY', 'TRIPLE SUCCESS', 'possible', 'SUCCESS swapped for another generic word (judgement: generic word)'),
  hit('generic', 'ORION SEA', 'ORION STAR', 'possible', 'STAR swapped for another generic word (judgement: generic word)'),
  hit('generic', 'MIAMI STAR', 'MIAMI PRIDE', 'possible', 'PRIDE swapped for another generic word (judgement: generic word)'),
  // ---- numerals: roman, arabic, English and Spanish words, NO., the Korean counter HO -------------------------------
  hit('numeral', 'ABTIN I', 'ABTIN 1', 'possible', 'roman for arabic numeral'),
  hit('numeral', 'BICENTENARIO 7', 'BICENTENARIO VII', 'possible', 'arabic for roman numeral (BICENTENARIO I to XVI are listed)'),
  hit('numeral', 'RA NAM THREE', 'RA NAM 3', 'possible', 'the number in English words (RA NAM 2 is listed too)'),
  hit('numeral', 'YU SONG NO. 7', 'YU SONG 7', 'possible', 'NO. before the number (YU SONG 12 is listed too)'),
  hit('numeral', 'MI RIM 2 HO', 'MI RIM 2', 'possible', 'the Korean counter HO after the number (MI RIM without a number is listed too)'),
  hit('numeral', 'BICENTENARIO OCHO', 'BICENTENARIO VIII', 'possible', 'the number in Spanish words, as a Venezuelan document may write it'),
  // ---- words joined or split differently ----------------------------------------------------------------------------
  hit('split_join', 'UNRYUL', 'UN RYUL', 'possible', 'syllables joined'),
  hit('split_join', 'HUAFU', 'HUA FU', 'possible', 'syllables joined (a 5-letter result)'),
  hit('split_join', 'YUJONG 2', 'YU JONG 2', 'possible', 'syllables joined, number kept'),
  hit('split_join', 'AZAR GOUN', 'AZARGOUN', 'possible', 'the word split in its two parts'),
  hit('split_join', 'BEH DOKHT', 'BEHDOKHT', 'possible', 'the word split in its two parts'),
  // ---- two transpositions, names of 8 letters or more ---------------------------------------------------------------
  hit('typo2', 'TERNECAH', 'TENREACH', 'possible', 'two pairs of letters swapped (N,R and A,C)'),
  hit('typo2', 'S-TORTTRE', 'S-TROTTER', 'possible', 'two pairs of letters swapped (R,O and E,R)'),
  hit('typo2', 'PI RYU GNAG', 'PI RUY GANG', 'possible', 'two pairs of letters swapped (U,Y and A,N)'),
  hit('typo2', 'FIORUZHE', 'FIROUZEH', 'possible', 'two pairs of letters swapped (R,O and E,H)'),
  hit('typo2', 'TIRBILNI', 'TRIBILIN', 'possible', 'two pairs of letters swapped (R,I and I,N)'),
  hit('typo2', 'HAP JNAG GAGN 6', 'HAP JANG GANG 6', 'possible', 'two pairs of letters swapped (A,N and N,G), number kept'),
  // ---- OCR confusions (scanned bills of lading, faxed port-call lists) ----------------------------------------------
  hit('ocr', 'HAMCL', 'HAMD', 'possible', 'OCR: cl for d, upper-cased (4-letter name)'),
  hit('ocr', 'KASRNA', 'KASMA', 'possible', 'OCR: rn for m, upper-cased'),
  hit('ocr', 'ICAR0', 'ICARO', 'possible', 'OCR: 0 for the final O'),
  hit('ocr', 'PATR1OT', 'PATRIOT', 'possible', 'OCR: 1 for I'),
  hit('ocr', 'ANDlA', 'ANDIA', 'possible', 'OCR: lower-case l for I'),
  hit('ocr', '5AVIZ', 'SAVIZ', 'possible', 'OCR: 5 for the initial S'),
  hit('ocr', '8LUE WAY', 'BLUE WAY', 'possible', 'OCR: 8 for the initial B'),
  hit('ocr', 'ARTARN', 'ARTAM', 'possible', 'OCR: rn for the final m, upper-cased'),
  hit('ocr', 'PR0GRES', 'PROGRES', 'possible', 'OCR: 0 for O'),
  hit('ocr', 'PAR1SAN', 'PARISAN', 'possible', 'OCR: 1 for I'),
  // ---- one slip, names of 5 letters or more -------------------------------------------------------------------------
  hit('typo1', 'ELTANA', 'ELYANA', 'possible', 'Y struck as the next key T'),
  hit('typo1', 'FAXN', 'FAXON', 'possible', 'O dropped (5-letter name)'),
  hit('typo1', 'TOLLOU', 'TOLOU', 'possible', 'L doubled (5-letter name)'),
  hit('typo1', 'GRIALT', 'GIRALT', 'possible', 'I, R swapped'),
  hit('typo1', 'SEREBA', 'SERENA', 'possible', 'N struck as the next key B'),
  hit('typo1', 'DAWNLIGT', 'DAWNLIGHT', 'possible', 'H dropped'),
  // ---- one slip, names of 4 letters ---------------------------------------------------------------------------------
  hit('typo1_short', 'YARW', 'YARE', 'possible', 'E struck as the next key W (4-letter name)'),
  hit('typo1_short', 'TLAA', 'TALA', 'possible', 'A, L swapped (4-letter name)'),
  hit('typo1_short', 'GANNJ', 'GANJ', 'possible', 'N doubled (4-letter name)'),
  // ---- exact: the listed name as is, every 2nd with its IMO ---------------------------------------------------------
  hit('exact', 'SARVIN', 'SARVIN', 'possible', 'the listed name'),
  hit('exact', { name: 'PATRIS', imo: '9137210' }, 'PATRIS', 'match', 'name and IMO'),
  hit('exact', 'AURA', 'AURA', 'possible', 'the listed name (4 letters, an ordinary word)'),
  hit('exact', { name: 'YURY TOPCHEV', imo: '9338230' }, 'YURY TOPCHEV', 'match', 'name and IMO'),
  // ---- reformatted: prefixes, quotes, case, NO. ---------------------------------------------------------------------
  hit('reformatted', 'M.V. Rak Rang', 'RAK RANG', 'possible', 'M.V. prefix, title case'),
  hit('reformatted', 'B/T \'PDVSA CARDON\'', 'PDVSA CARDON', 'possible', 'B/T (bulk tanker) prefix, the name in double quotes'),
  hit('reformatted', 'MT IRAN SHAHED', 'IRAN SHAHED', 'possible', 'MT prefix'),
  hit('reformatted', 'IRAN HORMUZ NO.12', 'IRAN HORMUZ 12', 'possible', 'NO. before the number, no space (IRAN HORMUZ 14, 22 and 25 are listed too)'),
  // ---- decoys: real ships on no list, from the AIS captures' static names ----------------------------------------------
  clear('decoy_unlisted', 'AUSTAL HULL 270', 'high-speed craft (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'BEVERLY EYMARD', 'AMSA 2012 (type reserved), not listed'),
  clear('decoy_unlisted', 'SMIT TONDOON', 'tug (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'HANJIN PORT ADELAIDE', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'GLOBL TALENT', 'cargo ship (AMSA 2012; its broadcast name as is), not listed'),
  clear('decoy_unlisted', 'SETAGAWA', 'tanker (DMA 2010), not listed'),
  clear('decoy_unlisted', 'SOREN STRANDBY', 'fishing vessel (DMA 2010), not listed'),
  clear('decoy_unlisted', 'S.V. JAMES CRAIG', 'sailing vessel (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'TIGER SPIRIT', 'AMSA 2012 (type not available), not listed'),
  clear('decoy_unlisted', 'POSTOJNA', 'cargo ship (exactEarth), not listed'),
  // ---- decoys: real ships on no list, with the IMO they broadcast ------------------------------------------------------
  clear('decoy_imo', { name: 'SINAR BIAK', imo: '9101560' }, 'cargo ship (exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'KMP.JATRA 1', imo: '7818626' }, 'passenger ship (exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'PREMNITZ', imo: '9074133' }, 'cargo ship (exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'YURIY LISYANSKIY', imo: '6521850' }, 'DMA 2010 (type other), its own IMO, not listed (YURY TOPCHEV is listed: another surname)'),
  clear('decoy_imo', { name: 'HOUHENG 3', imo: '9586813' }, 'cargo ship (AMSA 2012), its own IMO, not listed'),
  // ---- decoys: real ships sharing one word with a listed name or alias -------------------------------------------------
  clear('decoy_word', 'SUCCESS ENERGYXXXII', 'tanker (exactEarth, the name as broadcast); SUCCESS is a listed f.k.a. of SANA, TRIPLE SUCCESS is listed'),
  clear('decoy_word', 'EVER UNION', 'cargo ship (exactEarth); EVER GLORY and EVER BRIGHT 88 are listed'),
  clear('decoy_word', 'FORTUNE CARRIER', 'cargo ship (AMSA 2012); FORTUNE is listed (judgement: a whole listed name beside a generic word)'),
  clear('decoy_word', 'ROYAL DIAMOND 7', 'tanker (exactEarth); DIAMOND II is listed'),
  clear('decoy_word', 'EVER MIGHTY', 'cargo ship (AMSA 2012, exactEarth); EVER GLORY is listed'),
  clear('decoy_word', 'CETUS STAR', 'cargo ship (exactEarth); STAR is in many listed names (ORION STAR, NYMEX STAR, STAR 18 ...)'),
  // ---- decoys: real ships one (judgement) or two letters from a listed name or alias ----------------------------------
  clear('decoy_near', 'EMOTION', 'cargo ship (DMA 2010); MOTION is a listed f.k.a. of NAINITAL (judgement: one letter more, an ordinary word)'),
  clear('decoy_near', 'BALTIA', 'cargo ship (AMSA 2012); BALITA is listed (judgement: two letters swapped)'),
  clear('decoy_near', 'KUNTI', 'tanker (exactEarth); KOTI is listed'),
  clear('decoy_near', 'MADRISA', 'cargo ship (exactEarth); MARINA is a listed f.k.a. of HASNA'),
  // ---- decoys: real ships whose stated owner shares a word with a listed company (owners invented) ----------------------
  clear('decoy_owner', { name: 'GLOMAR VIKING', owner: 'SUPREME BULK CARRIERS PTE LTD' }, 'DMA 2010 (type other), not listed; SUPREME SHIPPING COMPANY LIMITED is listed'),
  clear('decoy_owner', { name: 'IVER EXPRESS', owner: 'WORLDWIDE REEFER LOGISTICS BV' }, 'tanker (AMSA 2012), not listed; WORLDWIDE SHIPPING & TRANSPORTATION LIMITED is listed'),
  clear('decoy_owner', { name: 'SVITZER MYALL', operator: 'MARBLE HILL TANKERS INC' }, 'tug (AMSA 2012), not listed; MARBLE SHIPPING LTD is listed (operator column)'),
  clear('decoy_owner', { name: 'CAPE LILAC', owner: 'NOBLE CHARTERING AS' }, 'cargo ship (exactEarth), not listed; NOBLE SHIPPING COMPANY LIMITED is listed'),
  clear('decoy_owner', { name: 'THURINGIA EXPRESS', owner: 'FOURTEEN PINES MARITIME LTD' }, 'cargo ship (exactEarth), not listed; FOURTEEN STAR SHIPPING MANAGEMENT is listed'),
  clear('decoy_owner', { name: 'MAERSK INGRID', operator: 'DAWN FISHERIES PTY LTD' }, 'tanker (exactEarth), not listed; DAWN MARINE MANAGEMENT CO LTD is listed (operator column)'),
  // ---- decoys: place names near a listed name or alias (by hand) -------------------------------------------------------
  clear('decoy_place', 'SOHAR', 'an Omani port (Arabic); SOBAR is listed (judgement: one letter)'),
  clear('decoy_place', 'SALALAH', 'an Omani port (Arabic); SALALEH is a listed f.k.a. of SERENA (judgement: one letter)'),
  clear('decoy_place', 'RASHT', 'an Iranian city (Persian); BASHT is listed (judgement: one letter)'),
  clear('decoy_place', 'ANDRIA', 'an Italian city; ANDIA is listed (judgement: one letter more)'),
  clear('decoy_place', 'CARIPE', 'a Venezuelan town (Spanish); CARIBE is listed (judgement: one letter)'),
  clear('decoy_place', 'PATRAS', 'a Greek port; PATRIS is listed (judgement: one letter)'),
  clear('decoy_place', 'RAJIN', 'a North Korean port; RADIN is a listed f.k.a. of GOODREACH (judgement: one letter)'),
  clear('decoy_place', 'KHASAN', 'a Russian border town on the Tumen (Хасан); KASHAN is listed'),
  clear('decoy_place', 'ANAPA', 'a Russian port; APAMA is listed'),
  clear('decoy_place', 'VARNA', 'a Bulgarian port; WARTA is listed'),
  clear('decoy_place', 'WUHAN', 'a Chinese city (pinyin); WU XIAN is listed'),
  clear('decoy_place', 'SOKCHO', 'a South Korean port; DOK CHON is listed'),
  // ---- decoys: given names in several languages near a listed name or alias (by hand) ----------------------------------
  clear('decoy_given', 'NEDA', 'a Persian given name; NEDAS is a listed f.k.a. of ESPERANZA (judgement: one letter)'),
  clear('decoy_given', 'ARMIN', 'a Persian and German given name; ARVIN, ARTIN and ARZIN are listed (judgement: one letter)'),
  clear('decoy_given', 'HAMID', 'an Arabic given name; HAMD is listed (judgement: one letter more)'),
  clear('decoy_given', 'IRINA', 'a Russian given name; MARINA is a listed f.k.a. of HASNA, SARINA is listed'),
  clear('decoy_given', 'BEHNAM', 'a Persian given name; MAHNAM is listed'),
  clear('decoy_given', 'HELGA', 'a Scandinavian and German given name; HELM is listed'),
  // ---- decoys: ordinary words near a listed name or alias (by hand) ----------------------------------------------------
  clear('decoy_near', 'TRUST', 'an English word; TRUTH is a listed f.k.a. of NASHA'),
  clear('decoy_near', 'SOLAR', 'an English and Spanish word; SOLAN and SOBAR are listed (judgement: one letter)'),
  clear('decoy_near', 'HUMILITY', 'an English word; HUMANITY is listed'),
  clear('decoy_near', 'SUNDAY', 'an English word; SUNDIAL is a listed f.k.a. of ARK'),
  // ---- decoys: generic maritime words only (by hand) -------------------------------------------------------------------
  clear('decoy_generic', 'PACIFIC GLORY', 'generic words only (judgement: GLORY is a listed f.k.a. of HUGE, as a whole word)'),
  clear('decoy_generic', 'BLUE SUN', 'generic words only; BLUE WAY and BLUE DREAM are listed'),
  clear('decoy_generic', 'GREEN SEA STAR', 'generic words only; GREEN LIGHT, SEA STAR III and DEEP SEA are listed'),
  // ---- decoys: unlisted numbers of listed families ---------------------------------------------------------------------
  clear('decoy_sibling', 'RA NAM 5', 'the list carries RA NAM 2 and 3'),
  clear('decoy_sibling', 'ABTIN 3', 'the list carries ABTIN 1'),
  clear('decoy_sibling', 'JI SONG 9', 'the list carries JI SONG 6 and 8'),
  clear('decoy_sibling', 'TONG HUNG 6', 'the list carries TONG HUNG 1 and 5'),
  clear('decoy_sibling', 'IRAN HORMUZ 26', 'the list carries IRAN HORMUZ 12, 14, 22 and 25'),
  clear('decoy_sibling', 'BICENTENARIO XIX', 'the list carries BICENTENARIO I to XVI'),
];
