// A ninth held-out set of screening cases (2026-12-07), written blind: without reading the matcher's code or docs
// (src/screening/, src/store/screen*.ts, src/store/party*.ts, src/reference/, docs/screening.md) or any bench/screen-*.ts
// other than the earlier case files and screen-heldout.ts (for the `--set` wiring), without reading bench/RESULTS.md's run
// results for earlier sets (only the notes on how the seventh and eighth sets were written, up to their ends), and without
// running the matcher on any of these queries. Nothing here was chosen or changed after seeing a matcher result: there
// were none. The README's screening examples were read for the fleet-file columns (name, imo, mmsi, callsign, flag,
// owner, operator).
// Aim: a compliance mix as a bank's or a port's screening desk meets it, for issue 13's quality target: names as AIS
// static reports carry them (cut at 20 characters, @ padding, spaces dropped), as port-call lists, bills of lading, broker
// emails and press reports write them, in other scripts and romanizations (Hangul, Persian and Arabic script, Cyrillic,
// Chinese characters, Greek), with given names and place names spelled another way, OCR confusions, generic maritime
// words dropped, swapped or added, numerals written out, former names with dates, fleet-file rows with owner, operator,
// flag and MMSI columns, and wrong or right IMOs and MMSIs; decoys from real AIS names, places, given names and words in
// several languages one or two letters from a listed name, unlisted siblings, ships whose stated owner shares a word with
// a listed company, and IMOs one digit from a listed IMO. 100 positives on OFAC 2021 vessels, 60 decoys.
// Listed ships: all 406 OFAC 2021 vessels (test/fixtures/sanctions/ofac-2021: sdn.csv, alt.csv, read with the fixture
// loader test/fixtures/sanctions/load.ts, no screening), sorted by numeric entry id and shuffled with Python's
// random.Random(20261209); the order starts
//   23428 26646 25353 15051 25342 15077 15039 25690 23168 19584 25351 15072 25322 28301 25300 25354 23734 25301
//   25340 27432 15053 26649 23162 25355 25358 25369 25279 15080 29486 23157 26632 25391 28015 26625 26660 27281 ...
// and each family, in this order, takes the first ships of it not yet taken that fit its rule; a family with sub-rules
// takes, for each sub-rule in the order given, the first ship that fits and whose variant is a new query (no earlier
// query or stated former name once folded). The families and counts were fixed before the draw:
//   family          n  rule
//   ais_static      8  2 names of more than 20 characters cut at 20; 3 names (>= 4 letters, not an earlier query) padded
//                      with @ to 20 characters; 3 names of two or more words (not an earlier query) with the spaces dropped
//   document       10  listed name not an earlier query: port-call list 3 ('NAME (FLAG)', 'MV NAME / OWNER', 'NAME - ETA'),
//                      bill of lading 3 ('VESSEL: NAME VOY.', 'NAME V.CODE', 'PER M/V NAME'), broker email 2 (lower case
//                      in quotes, '(or sub)'), press report 2 (the vessel type before the name, title case)
//   script         12  Korean 3 (DPRK flag, Korean words only): Hangul, Hangul, Revised Romanization; Persian 2 (a Persian
//                      word or name): Persian script, another common romanization; Arabic 2 (an Arabic word or name): Arabic
//                      script, another romanization; Russian 2 (a Russian word or person): Cyrillic, French
//                      transliteration; Chinese 1 (a pinyin name); Greek 2 (a Greek word or name): Greek script, the Greek
//                      spelling romanized letter by letter
//   given_place     6  holds a given name (3) or a place name (3) with spellings in several languages (two lists fixed
//                      before the draw: given names such as MARIA, LUISA, MANUELA, THEODOROS, JAZMIN, HILDA, YOUSEF; places
//                      such as MARIVAN, SHAHR E KORD, SARDASHT, KASHAN, HORMUZ): another common spelling
//   generic         6  a generic maritime word (STAR SEA OCEAN GLORY BLUE SUN GOLD GOLDEN PACIFIC PRIDE QUEEN LUCKY BRIGHT
//                      GREEN DREAM BRIDGE TREASURE ORIENTAL SUCCESS LIGHT EVER DEEP WAY CALM) beside a word that is none of
//                      them (a numeral is not a word): 2 dropped, 2 swapped for another; 2 single-word names of >= 5
//                      letters with one added (all judgement cases)
//   numeral         6  ends in a number <= 20 or a roman numeral, two or more words: arabic to roman, roman to arabic,
//                      English words, roman to English words, NO without a dot, an arabic number zero-padded
//   ocr             6  holds the letter: rn/m, cl/d, 0/O, 1/I, 5/S, vv/W in turn
//   former_dated    6  has an a.k.a./f.k.a. (not a yard number, not the listed name with its numeral written another way)
//                      of >= 4 letters that no earlier set used as a query or former name and that is no other listed ship's
//                      name: the first such (a.k.a. before f.k.a.); 3 as a stated former name with a date beside an invented
//                      name, 3 in the name field ('NEW (EX-OLD, YEAR)', 'NEW ex OLD until YEAR')
//   fleet_row      12  listed name not an earlier query, >= 4 letters: 4 with an invented owner and the listed flag; 3 with
//                      an invented manager in the operator column and the listed flag; 2 under another flag; 3 (ships with
//                      a listed MMSI) with that MMSI ('match') and the flag its MID gives. Flags as names or ISO codes
//   wrong_imo       4  has an IMO; not a wrong_imo ship of an earlier set; listed name not an earlier query: 3 with an
//                      invented IMO, 1 with its listed IMO with two adjacent digits swapped (the check digit fails)
//   wrong_mmsi      3  listed name not an earlier query, listed flag with a known MID: an invented MMSI of that MID
//   imo_wrong_name  4  has an IMO; not an imo/mmsi_wrong_name ship of an earlier set: an invented name ('match'); the 2nd
//                      IMO written 'IMO: nnnnnnn', the 3rd 'IMO no. nnn nnnn'
//   mmsi_wrong_name 3  has a listed MMSI (on one entry only); not an imo/mmsi_wrong_name ship before; an invented name
//   typo1           4  >= 5 letters: one slip, in turn next key, dropped, doubled, swap
//   typo1_short     3  letters only, <= 4 letters: the last letter struck as its right-hand neighbour, the last letter
//                      doubled, the last two letters swapped
//   typo2           3  >= 8 letters: a swap and a next key, two dropped, a doubled letter and a next key
//   split_join      4  2 names of two or more syllables joined (DPRK or Chinese, number kept); 2 single words of two parts
//                      (a list of Persian and English compounds fixed before the draw) split
// Every query name and stated former name (without its date) was compared by script with every query name, owner,
// operator and former name of screen-heldout-cases.ts, screen-unseen-cases.ts, screen-third- ... screen-eighth-cases.ts
// and the queries of the development set screen-hard-cases.ts, after folding case, accents, punctuation AND spaces: no
// hit in the committed file. Passed over as the sub-rules say (earlier queries unless noted): YUSEONG 12, GEUMGANG 3
// (Revised Romanization); ABTEEN 1, AZARGOON, DELNAWAZ, and BASHT, SHAHRAZ, BEHSHAD, GOLSAN (no other common
// romanization) for the Persian romanization; 鸿讯 (HONG XUN's characters); MARIWAN and KASHAN (no other common
// spelling) for the place names; ABTIN I; BEH DOKHT, GOL SAN (split); the a.k.a. ARGO 1 (the listed name's numeral).
// Which names count as Persian, Arabic, Russian, Chinese or Greek words was settled while reading the shuffled order,
// so one reviewer's choice sits there (MARAYA, an Arabic word, was not counted Arabic; the Arabic list was NOOR, BADR,
// AMINA, YOUNES, HAMD, BAHJAT, SHAHED, YOUSEF, YAGHOUB, SHAMIM, TABUK, SOURIA). Two first variants were
// earlier queries and the same ship was written another common way: SHABDIZ (written SHABDEEZ, EE and Z) and JASMIN
// (written YASMIN). Every untaken pinyin name's Wade-Giles form was an earlier query or the pinyin itself (HUNG HSUN,
// CHIN T'AI, HSIN KUANG HAI, CHIN T'ENG, TUNG FENG 6, WU HSIEN, SHANG YUAN PAO; HUA FU, HAO FAN), so the Chinese
// sub-rule became Chinese characters before that variant was written. The typo1_short sub-rules were first written as
// 'next key, doubled, swap' without saying which letter; the first tries (AUTA, KOTTI, MNEA) were earlier queries, and
// the rules were then pinned to the last letter(s) as above before the three were written again. A first writing of
// the given-name sub-rule skipped THEODOROS and JAZMIN (both earlier in the order than the ships it took, MARIA III and
// HILDA I); it was redone by the rule before any run, which moved the later fleet_row, wrong_imo and wrong_mmsi draws
// on by their rules (MARIA III and PARSHAN under another flag, FREEDOM with its IMO mistyped, KASHAN with an MMSI).
// Invented IMOs: random.Random(20261209).randint(800000, 979999) plus the check digit, skipping any 7-digit number in
// sdn.csv, alt.csv, sdn_comments.csv, the UN list, the AIS captures' broadcast IMOs or an earlier set (six skipped).
// Invented MMSIs: the listed flag's MID + the same generator's randint(100000, 999999), not in the lists, the captures
// or an earlier set. Invented names and owners were checked: not a name on any list, not in the AIS captures, no listed
// vessel name or alias within 2 edits (owners: no listed entry of any kind within 2 edits).
// Decoys (60): real ships from the static names (type 5/24) of the AIS captures test/fixtures/ais (AMSA 2012,
// DMA 2010, exactEarth samples) and bench/data/real (exactEarth), decoded with `tumen decode`; names of >= 4
// characters, letters >= 60 %, ASCII, not an earlier query, not a name or alias on any fixture list (OFAC, UN);
// sorted and shuffled with random.Random(20261209) and dealt in that order:
//   decoy_unlisted 10: no listed vessel name or alias within 2 edits, no listed word (>= 3 letters) as a whole word
//   decoy_imo 5: the next such ships broadcasting a valid IMO on no list and in no earlier set: with that IMO
//   decoy_owner 5: the next such ships, each with an invented owner or operator sharing one ordinary English word with
//     a listed company: OFAC/UN organizations whose name holds SHIPPING, MARINE, TANKER, NAVIGATION or MARITIME, sorted
//     by entry id, shuffled with the same seed, the first five whose first word is an ordinary English word other than
//     a shipping word (OCEAN, UNIVERSAL, NATIONAL, SOUTH, FUTURE)
//   decoy_word 6: sharing a whole word (>= 3 letters) with a listed vessel name or alias, beside a word of its own
//   decoy_near 3 (judgement): one edit from a listed vessel name or alias, no shared word; 3: two edits, >= 5 letters
// decoy_imo_near 5: invented unlisted names with the IMO of the next five ships of the shuffled order not yet taken,
// one digit changed: 3 so that the check digit fails, 2 (the third digit, weight 5, changed by 2) so that it holds and
// the number is on no list, in no capture and no earlier set.
// And, written by hand: decoy_place 8, places as Turkish, Spanish, Persian, Russian (Cyrillic), Estonian, Greek (Greek
// script) and Persian (Persian script) name them, one (judgement) or two letters from a listed name or alias once
// romanized; decoy_given 6, given names (Romanian, Persian, German, Scandinavian, Arabic, Russian in Cyrillic)
// likewise; decoy_near 4, Spanish, Italian and English words likewise; decoy_sibling 5, for the first five numbered
// families in the shuffled order, the listed number + 1 or the next above it neither listed nor used as a sibling
// before. Three hand-written decoys were first picked as earlier queries (SIENA, NAVARRA, ANNIKA) and replaced.
// Not tuned: no case was run through the matcher.
// Committed before it was run; run ONCE as held-out (bench/RESULTS.md); after that it is development data.
// Scored by bench/screen-heldout.ts STORE --set ninth, which passes each query as is: name, IMO, MMSI and formerNames
// as in earlier sets, and owner, operator and flag where a fleet row gives them.
// Where these flatter or punish: one reviewer's verdicts; the judgement cases (25, each says so in `why`): Hangul (2),
// Persian and Arabic script, the guessed Chinese characters, the Greek ΖΕΥΣ; the six generic-word cases; EX ORIENTAL;
// MEAN; the decoys one letter from a listed name (PASSAAT, TAMINA, MENJA, SINOP, SALINAS, ARAK, ТАМАНЬ, DORINA, BEHZAD,
// BALIZA, SIRENA). Every target ship was named by an earlier set (not by these queries). Document forms and AIS padding
// carry the whole listed name, so they test how a query is cleaned more than how names are matched.
// An AIS or invented IMO could collide with a generated FtM IMO in a large store; owners are invented, so owner
// screening meets no real company among the positives; the Hangul and Chinese characters are likely readings, not given
// by the list; the @ padding assumes the query is pasted from a raw decode.
import { clear, hit, type HeldOutCase } from './screen-heldout-cases.js';

export const NINTH_CASES: HeldOutCase[] = [
  // ---- AIS static reports (type 5 name field): 20-character truncation, @ padding, spaces dropped -------------------
  hit('ais_static', 'LUISA CACERES DE ARI', 'LUISA CACERES DE ARISMENDI', 'possible', 'the name cut at the 20 characters an AIS static report holds'),
  hit('ais_static', 'YANGZHOU DAYANG DY90', 'YANGZHOU DAYANG DY905', 'possible', 'the name cut at 20 characters, losing the last digit of the hull number'),
  hit('ais_static', 'HENNA@@@@@@@@@@@@@@@', 'HENNA', 'possible', 'the name with the @ padding of an AIS name field read raw (20 characters)'),
  hit('ais_static', 'SABITI@@@@@@@@@@@@@@', 'SABITI', 'possible', 'the name with its @ padding (20 characters)'),
  hit('ais_static', 'ARNICA@@@@@@@@@@@@@@', 'ARNICA', 'possible', 'the name with its @ padding (20 characters)'),
  hit('ais_static', 'SAMJONG2', 'SAM JONG 2', 'possible', 'the name keyed into the transponder without spaces (SAM JONG 1 is listed too)'),
  hit('ais_static', 'SILVIAI', 'SILVIA I', 'possible', 'the name keyed without its space, the roman numeral run on'),
  hit('ais_static', 'MAKSIMGORKY', 'MAKSIM GORKY', 'possible', 'the name keyed without its space'),
  // ---- names as documents carry them: port-call lists, bills of lading, broker emails, press reports ---------------
  hit('document', 'NAINITAL (PA)', 'NAINITAL', 'possible', 'port-call list: the name with a flag code in brackets'),
  hit('document', 'MV HAMGAM / PERSIA LINE', 'HAMGAM', 'possible', 'port-call list: MV, the name and an invented short owner after a slash'),
  hit('document', 'SOBHAN - ETA 12/03 0600', 'SOBHAN', 'possible', 'port-call list: the name with its expected time of arrival'),
  hit('document', 'VESSEL: SANDINO VOY. 031W', 'SANDINO', 'possible', 'bill of lading: the vessel field with its voyage number'),
  hit('document', 'HASNA V.2107E', 'HASNA', 'possible', 'bill of lading: the name with a voyage code'),
  hit('document', 'PER M/V YORACO', 'YORACO', 'possible', "bill of lading: 'per M/V' before the name"),
  hit('document', "mt 'baskar'", 'BASKAR', 'possible', 'broker email: lower case, MT and the name in single quotes'),
  hit('document', 'Brelyan (or sub)', 'BRELYAN', 'possible', "broker email: title case with the charter clause '(or sub)'"),
  hit('document', 'tanker Paramaconi', 'PARAMACONI', 'possible', 'press report: the vessel type before the name, title case'),
  hit('document', 'cargo ship Bicentenario XIV', 'BICENTENARIO XIV', 'possible', 'press report: the vessel type before the name, title case (BICENTENARIO I to XVI are listed)'),
  // ---- other scripts and romanizations: Korean, Persian, Arabic, Russian, Chinese, Greek ---------------------------
  hit('script', '릉라 1', 'RUNG RA 1', 'possible', 'the name in Hangul (릉라, Rungra), number kept (judgement: script; RUNG RA 2 is listed too)'),
  hit('script', '금성 7', 'KUM SONG 7', 'possible', 'the name in Hangul (금성, Kumsong), number kept (judgement: script; KUM SONG 3 and 5 are listed too)'),
  hit('script', 'JISEONG 8', 'JI SONG 8', 'possible', 'Revised Romanization of 지성 (EO for Ŏ), joined, number kept (JI SONG 6 is listed too)'),
  hit('script', 'گلبن', 'GOLBON', 'possible', 'the name in Persian script (گلبن, rosebud) (judgement: script)'),
  hit('script', 'SHABDEEZ', 'SHABDIS', 'possible', 'another romanization of شبدیز: the long I written EE and the final Z kept'),
  hit('script', 'نور 1', 'NOOR 1', 'possible', 'the name in Arabic script, number kept (judgement: script)'),
  hit('script', 'YUNUS', 'YOUNES', 'possible', 'the classical romanization of يونس (U for OU and E)'),
  hit('script', 'СЕВАСТОПОЛЬ', 'SEVASTOPOL', 'possible', 'the name in Cyrillic with its final soft sign, as a Russian register writes it'),
  hit('script', 'IOURI TOPTCHEV', 'YURY TOPCHEV', 'possible', 'French transliteration of Юрий Топчев (IOU for Ю, TCH for Ч)'),
  hit('script', '金泰', 'JIN TAI', 'possible', 'the name in Chinese characters (judgement: the list gives no characters; these are a likely reading)'),
  hit('script', 'ΖΕΥΣ', 'ZEUS', 'possible', 'the name in Greek script (judgement: script, 4 letters)'),
  hit('script', 'DESPOINA ANDRIANNA', 'DESPINA ANDRIANNA', 'possible', 'Δέσποινα romanized letter by letter (OI), as a Greek register writes it'),
  // ---- given names and place names spelled another way --------------------------------------------------------------
  hit('given_place', 'MANOELA SAENZ', 'MANUELA SAENZ', 'possible', 'MANUELA written MANOELA, as Portuguese writes the given name'),
  hit('given_place', 'THEODORE', 'THEODOROS', 'possible', 'THEODOROS written THEODORE, as English and French write the given name'),
  hit('given_place', 'YASMIN', 'JAZMIN', 'possible', 'JAZMIN written YASMIN, as Arabic and Persian romanize the given name (JASMINE is listed too)'),
  hit('given_place', 'SHAHR-E KURD', 'SHAHR E KORD', 'possible', 'the Iranian city written with the older KURD and a hyphen'),
  hit('given_place', 'SERDESHT', 'SARDASHT', 'possible', 'the Iranian town in its Kurdish spelling (Serdeşt)'),
  hit('given_place', 'IRAN ORMUZ 14', 'IRAN HORMUZ 14', 'possible', 'Hormuz as Spanish and Portuguese write it (ORMUZ), number kept (IRAN HORMOZ 14 is the listed a.k.a.)'),
  // ---- a generic maritime word dropped, swapped or added (judgement cases) ------------------------------------------
  hit('generic', 'WOORY', 'WOORY STAR', 'possible', 'the generic word STAR dropped (judgement: generic word)'),
  hit('generic', 'TRIPLE', 'TRIPLE SUCCESS', 'possible', 'the generic word SUCCESS dropped (judgement: TRIPLE alone is an ordinary word)'),
  hit('generic', 'ASIA PRIDE 1', 'ASIA BRIDGE 1', 'possible', 'BRIDGE swapped for another generic word, number kept (judgement: generic word)'),
  hit('generic', 'BONITA STAR', 'BONITA QUEEN', 'possible', 'QUEEN swapped for another generic word (judgement: generic word)'),
  hit('generic', 'BATIS STAR', 'BATIS', 'possible', 'a generic word added after the name (judgement: generic word)'),
  hit('generic', 'GOLDEN MARAYA', 'MARAYA', 'possible', 'a generic word added before the name (judgement: generic word)'),
  // ---- numerals: roman, arabic, English words, NO., zero-padded -----------------------------------------------------
  hit('numeral', 'SOUTH HILL V', 'SOUTH HILL 5', 'possible', 'roman for arabic numeral (SOUTH HILL 2 is listed too)'),
  hit('numeral', 'BICENTENARIO 11', 'BICENTENARIO XI', 'possible', 'arabic for roman numeral (BICENTENARIO I to XVI are listed)'),
  hit('numeral', 'ABTIN ONE', 'ABTIN 1', 'possible', 'the number in English words'),
  hit('numeral', 'BICENTENARIO FIFTEEN', 'BICENTENARIO XV', 'possible', 'the roman numeral in English words (BICENTENARIO I to XVI are listed)'),
  hit('numeral', 'YU SONG NO 12', 'YU SONG 12', 'possible', 'NO without a dot before the number (YU SONG 7 is listed too)'),
  hit('numeral', 'KUM GANG 03', 'KUM GANG 3', 'possible', 'the number zero-padded to two digits, as fleet databases write it'),
  // ---- OCR confusions (scanned bills of lading, faxed port-call lists) ----------------------------------------------
  hit('ocr', 'RNARA', 'MARA', 'possible', 'OCR: rn for the initial m, upper-cased (4-letter name)'),
  hit('ocr', 'HYUNCLAI MIPO 2657', 'HYUNDAI MIPO 2657', 'possible', 'OCR: cl for d, upper-cased (HYUNDAI MIPO 2655 and 2656 are listed too)'),
  hit('ocr', 'AZARG0UN', 'AZARGOUN', 'possible', 'OCR: 0 for O'),
  hit('ocr', 'HAPP1NESS I', 'HAPPINESS I', 'possible', 'OCR: 1 for the first I'),
  hit('ocr', 'BA5HT', 'BASHT', 'possible', 'OCR: 5 for S (5-letter name)'),
  hit('ocr', 'JW JEVVEL', 'JW JEWEL', 'possible', 'OCR: vv for W'),
  // ---- former names with dates: a listed f.k.a. no earlier set used, beside an invented current name ----------------
  hit('former_dated', { name: 'LADY MARGARETA', formerNames: ['CASTOR (until 2014)'] }, 'ARGO I', 'possible', 'listed f.k.a. CASTOR as a stated former name with its date, beside an invented unlisted name'),
  hit('former_dated', { name: 'KAPITAN ORLOV', formerNames: ['ATLANTIS (2009-2016)'] }, 'STARLA', 'possible', 'listed f.k.a. ATLANTIS as a stated former name with its years, beside an invented unlisted name'),
  hit('former_dated', { name: 'PUERTO ESCONDIDO', formerNames: ['CRYSTAL (to 11/2015)'] }, 'ARK', 'possible', 'listed f.k.a. CRYSTAL (an ordinary word) as a stated former name with a date, beside an invented unlisted name'),
  hit('former_dated', 'NORTHERN LYRA (EX-BRAWNY, 2016)', 'NYOS', 'possible', 'listed f.k.a. BRAWNY in the name field as a port-call list writes a former name (EX-, year), beside an invented name'),
  hit('former_dated', 'SANTA CHIARA (EX ORIENTAL 2013)', 'FELICITY', 'possible', 'listed f.k.a. ORIENTAL in the name field (EX, year) beside an invented name (judgement: ORIENTAL is a generic word)'),
  hit('former_dated', 'MARE BALTICO ex CAMELLIA until 2017', 'SOL', 'possible', "listed f.k.a. CAMELLIA in the name field ('ex ... until', year), beside an invented name"),
  // ---- fleet-file rows: owner, operator (manager), flag and MMSI columns beside the name ----------------------------
  hit('fleet_row', { name: 'DORENA', owner: 'ALTAMIRA BULK SHIPPING S.A.', flag: 'Panama' }, 'DORENA', 'possible', 'fleet-file row: the listed name with an invented owner and the listed flag'),
  hit('fleet_row', { name: 'HONG XUN', owner: 'HUAXIN MARINE HOLDINGS LTD', flag: 'Liberia' }, 'HONG XUN', 'possible', 'fleet-file row: the listed name with an invented owner and the listed flag'),
  hit('fleet_row', { name: 'DELNAVAZ', owner: 'PERSIAN GULF SEAFARERS CO', flag: 'IR' }, 'DELNAVAZ', 'possible', 'fleet-file row: the listed name with an invented owner and the listed flag as an ISO code'),
  hit('fleet_row', { name: 'PASSAT', owner: 'NEVA BULK SHIPPING LLC', flag: 'RU' }, 'PASSAT', 'possible', 'fleet-file row: the listed name with an invented owner and the listed flag as an ISO code'),
  hit('fleet_row', { name: 'BICENTENARIO XIII', operator: 'ORINOCO TANKER MANAGEMENT S.A.', flag: 'Venezuela' }, 'BICENTENARIO XIII', 'possible', 'fleet-file row: the listed name with an invented manager in the operator column and the listed flag (BICENTENARIO I to XVI are listed)'),
  hit('fleet_row', { name: 'SALINA', operator: 'CORAL BAY SHIPMANAGEMENT FZE', flag: 'Panama' }, 'SALINA', 'possible', 'fleet-file row: the listed name with an invented manager and the listed flag'),
  hit('fleet_row', { name: 'CARIBO', operator: 'LIMASSOL MARINE SERVICES LTD', flag: 'Panama' }, 'CARIBO', 'possible', 'fleet-file row: the listed name with an invented manager and the listed flag'),
  hit('fleet_row', { name: 'PARSHAN', flag: 'Tanzania' }, 'PARSHAN', 'possible', 'fleet-file row: the listed name under another flag (listed: Iran), as a reflagged ship is listed'),
  hit('fleet_row', { name: 'MARIA III', flag: 'Cook Islands' }, 'MARIA III', 'possible', 'fleet-file row: the listed name under another flag (listed: Panama)'),
  hit('fleet_row', { name: 'DREAM II', mmsi: '677049200', flag: 'Tanzania' }, 'DREAM II', 'match', "fleet-file row: the listed name and MMSI, the flag the MMSI's MID gives (listed flag: Panama)"),
  hit('fleet_row', { name: 'DORE', mmsi: '677049300', flag: 'TZ', owner: 'MWANZA GLOBAL LOGISTICS LTD' }, 'DORE', 'match', "fleet-file row: the listed name and MMSI, the MID's flag as an ISO code and an invented owner"),
  hit('fleet_row', { name: 'SANCHI', mmsi: '572455210', flag: 'Tuvalu', operator: 'BRIGHTWATER SHIPMANAGEMENT LTD' }, 'SANCHI', 'match', "fleet-file row: the listed name and MMSI, the MID's flag and an invented operator (listed flag: none identified)"),
  // ---- the listed name with a wrong IMO: invented valid numbers on no list, and the listed IMO mistyped -------------
  hit('wrong_imo', { name: 'SANIA', imo: '9661168' }, 'SANIA', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'ARTABAZ', imo: '9607942' }, 'ARTABAZ', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'JAIRAN', imo: '8868185' }, 'JAIRAN', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'FREEDOM', imo: '9081464' }, 'FREEDOM', 'possible', 'name (an ordinary word), the listed IMO 9018464 with two digits swapped (its check digit fails)'),
  // ---- the listed name with an MMSI on no list ----------------------------------------------------------------------
  hit('wrong_mmsi', { name: 'ARIES', mmsi: '422817313' }, 'ARIES', 'possible', 'name, an MMSI on no list (Iran MID, the listed flag)'),
  hit('wrong_mmsi', { name: 'IRAN YOUSHAT', mmsi: '422933561' }, 'IRAN YOUSHAT', 'possible', 'name, an MMSI on no list (Iran MID)'),
  hit('wrong_mmsi', { name: 'KASHAN', mmsi: '422125774' }, 'KASHAN', 'possible', 'name (also an Iranian city), an MMSI on no list (Iran MID)'),
  // ---- the listed IMO with an unrelated name ------------------------------------------------------------------------
  hit('imo_wrong_name', { name: 'MAGDALENA B', imo: '9349576' }, 'SHAHRAZ', 'match', "SHAHRAZ's IMO, renamed"),
  hit('imo_wrong_name', { name: 'KESTREL POINT', imo: 'IMO: 9155808' }, 'SOLAN', 'match', "SOLAN's IMO written with 'IMO:', renamed"),
  hit('imo_wrong_name', { name: 'ORCHID ISLAND', imo: 'IMO no. 982 0271' }, 'CANREACH', 'match', "CANREACH's IMO written 'IMO no.' with a space inside, renamed"),
  hit('imo_wrong_name', { name: 'NORTH CAPE SPIRIT', imo: '9167289' }, 'BEHSHAD', 'match', "BEHSHAD's IMO, renamed"),
  // ---- the listed MMSI with an unrelated name -----------------------------------------------------------------------
  hit('mmsi_wrong_name', { name: 'BLACKTHORN', mmsi: '422143000' }, 'MARIVAN', 'match', "MARIVAN's MMSI (on no other entry), under an unlisted name"),
  hit('mmsi_wrong_name', { name: 'ISLA TORTUGA', mmsi: '572438210' }, 'FOREST', 'match', "FOREST's MMSI (on no other entry), under an unlisted name"),
  hit('mmsi_wrong_name', { name: 'CAPE VERDELL', mmsi: '572449210' }, 'SANA', 'match', "SANA's MMSI (on no other entry), under an unlisted name"),
  // ---- one slip, names of 5 letters or more -------------------------------------------------------------------------
  hit('typo1', 'KHUTAN', 'KHURAN', 'possible', 'R struck as the next key T'),
  hit('typo1', 'GOODRECH', 'GOODREACH', 'possible', 'A dropped'),
  hit('typo1', 'SAND SWANN', 'SAND SWAN', 'possible', 'the final N doubled'),
  hit('typo1', 'ARTNEOS', 'ARTENOS', 'possible', 'E, N swapped'),
  // ---- one slip, names of 4 letters ---------------------------------------------------------------------------------
  hit('typo1_short', 'AURS', 'AURA', 'possible', 'the final A struck as the next key S (4-letter name)'),
  hit('typo1_short', 'KOTII', 'KOTI', 'possible', 'the final I doubled (4-letter name)'),
  hit('typo1_short', 'MEAN', 'MENA', 'possible', 'the last two letters swapped (judgement: 4 letters, the slip makes an English word)'),
  // ---- two slips, names of 8 letters or more ------------------------------------------------------------------------
  hit('typo2', 'BICNETENARUO VII', 'BICENTENARIO VII', 'possible', 'E, N swapped and I struck as the next key U (BICENTENARIO I to XVI are listed)'),
  hit('typo2', 'HO RYNG', 'HOE RYONG', 'possible', 'two letters dropped (E, O)'),
  hit('typo2', 'BOSSCO GIKAN', 'BOSCO GILAN', 'possible', 'S doubled and L struck as the next key K'),
  // ---- words joined or split differently ----------------------------------------------------------------------------
  hit('split_join', 'XINGUANGHAI', 'XIN GUANG HAI', 'possible', 'syllables joined'),
  hit('split_join', 'ANSAN 1', 'AN SAN 1', 'possible', 'syllables joined, number kept (ANSAN is also a South Korean city)'),
  hit('split_join', 'FAN REACH', 'FANREACH', 'possible', 'the word split in its two parts (CANREACH, TENREACH and GOODREACH are listed too)'),
  hit('split_join', 'BEH DAD', 'BEHDAD', 'possible', 'the word split in its two parts'),
  // ---- decoys: real ships on no list, from the AIS captures' static names ----------------------------------------------
  clear('decoy_unlisted', 'SANKO BREEZE', 'tanker (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'P.T. TRANSPORTER', 'high-speed craft (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'DEE WHITE', 'tug (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'MORESBY EXPRESS', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'BASS TREK', 'AMSA 2012 (type reserved), not listed'),
  clear('decoy_unlisted', 'ERYANTIAN', 'cargo ship (exactEarth), not listed'),
  clear('decoy_unlisted', 'KANHAVE', 'passenger ship (DMA 2010), not listed'),
  clear('decoy_unlisted', 'MURMANSK', 'cargo ship (DMA 2010), not listed (a Russian port name)'),
  clear('decoy_unlisted', 'WADJEMUP', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'MADANG COAST', 'cargo ship (AMSA 2012), not listed'),
  // ---- decoys: real ships on no list, with the IMO they broadcast ------------------------------------------------------
  clear('decoy_imo', { name: 'PLANET V', imo: '9087532' }, 'cargo ship (DMA 2010), its own IMO, not listed'),
  clear('decoy_imo', { name: 'KRISTINA BRAHE', imo: '5345065' }, 'passenger ship (DMA 2010), its own IMO, not listed'),
  clear('decoy_imo', { name: 'MT MTG 4', imo: '9188659' }, 'tanker (exactEarth; its broadcast name as is), its own IMO, not listed'),
  clear('decoy_imo', { name: 'BRITISH   SECURITY', imo: '9285718' }, 'tanker (AMSA 2012; its broadcast name with its three spaces), its own IMO, not listed'),
  clear('decoy_imo', { name: 'MCP HAMBURG', imo: '9371969' }, 'cargo ship (AMSA 2012), its own IMO, not listed'),
  // ---- decoys: invented unlisted names with an IMO one digit from a listed IMO -----------------------------------------
  clear('decoy_imo_near', { name: 'ANNELIESE K', imo: '9025779' }, "OT-2077's IMO 9025778 with the check digit changed (fails the check), an unlisted name"),
  clear('decoy_imo_near', { name: 'RIO TAMBOPATA', imo: '9225126' }, "CASPIA's IMO 9125126 with its second digit changed (fails the check), an unlisted name"),
  clear('decoy_imo_near', { name: 'STELLA MARINER', imo: '7632956' }, "PHO THAE's IMO 7632955 with the check digit changed (fails the check), an unlisted name"),
  clear('decoy_imo_near', { name: 'PORT ELIZABETH TRADER', imo: '9560895' }, "CARIBE's IMO 9540895 with its third digit changed: a valid IMO on no list, an unlisted name"),
  clear('decoy_imo_near', { name: 'AEGEAN BREEZE', imo: '9185815' }, "GOLSAN's IMO 9165815 with its third digit changed: a valid IMO on no list, an unlisted name"),
  // ---- decoys: real ships whose stated owner or manager shares a word with a listed company (owners invented) ----------
  clear('decoy_owner', { name: 'GULLI', owner: 'NORDIC OCEAN FERRIES AS' }, 'passenger ship (DMA 2010), not listed; OCEAN MARITIME MANAGEMENT COMPANY LIMITED is listed'),
  clear('decoy_owner', { name: 'BEAUFORT BELLE', operator: 'UNIVERSAL TOWAGE PTY LTD' }, 'tug (AMSA 2012), not listed; UNIVERSAL SHIPPING AND TRANSPORTATION LIMITED is listed (operator column)'),
  clear('decoy_owner', { name: 'FOFTEIN', owner: 'NATIONAL HARBOUR SERVICES PTY LTD' }, 'AMSA 2012 (no type), not listed; NATIONAL IRANIAN TANKER COMPANY LLC is listed'),
  clear('decoy_owner', { name: 'GRANDE NIGERIA', owner: 'SOUTH EUROPE RORO LINES SPA' }, 'cargo ship (DMA 2010), not listed; SOUTH SHIPPING LINES - IRAN LINE is listed'),
  clear('decoy_owner', { name: 'GAMALAMA', operator: 'PT FUTURE ENERGI NUSANTARA' }, 'tanker (exactEarth), not listed; FUTURE AGE SHIPPING LIMITED is listed (operator column)'),
  // ---- decoys: real ships sharing one word with a listed name or alias -------------------------------------------------
  clear('decoy_word', 'CHANG HANG AN HAI', 'cargo ship (AMSA 2012); XIN GUANG HAI is listed (HAI, sea, is in many Chinese names)'),
  clear('decoy_word', 'STAR ALABAMA', 'cargo ship (AMSA 2012); STAR is in many listed names (GOLD STAR 3, LUCKY STAR, NYMEX STAR ...)'),
  clear('decoy_word', 'SEA SHEPHERD', 'pilot vessel (DMA 2010); SEA is in listed names (DEEP SEA, SEA CLIFF, SEA STAR III)'),
  clear('decoy_word', 'MARIA-KATHARINA S', 'cargo ship (exactEarth); MARIA III is listed'),
  clear('decoy_word', 'HYUNDAI TIANJIN', 'cargo ship (exactEarth); HYUNDAI MIPO 2655, 2656 and 2657 are listed (yard names)'),
  clear('decoy_word', 'ARO LAKE', 'tanker (AMSA 2012); LONGBOW LAKE is listed and DAL LAKE is a listed f.k.a. of DORE'),
  // ---- decoys: real ships one (judgement) or two letters from a listed name or alias ----------------------------------
  clear('decoy_near', 'PASSAAT', 'passenger ship (DMA 2010); PASSAT is listed (judgement: one letter more)'),
  clear('decoy_near', 'TAMINA', 'cargo ship and tanker (DMA 2010, exactEarth); AMINA is listed (judgement: one letter more)'),
  clear('decoy_near', 'MENJA', 'passenger ship (DMA 2010); MENA is listed (judgement: one letter more)'),
  clear('decoy_near', 'HUANGFU', 'tanker (exactEarth); HUA FU is listed (two letters more)'),
  clear('decoy_near', 'CETUS', 'pilot vessel (DMA 2010); ZEUS is listed'),
  clear('decoy_near', 'KARAMA', 'tug (AMSA 2012); APAMA is listed'),
  // ---- decoys: place names near a listed name or alias (by hand) -------------------------------------------------------
  clear('decoy_place', 'SINOP', 'a Turkish port; SINOPA is listed (judgement: one letter)'),
  clear('decoy_place', 'SALINAS', 'a Spanish and Latin American place name; SALINA is listed (judgement: one letter)'),
  clear('decoy_place', 'ARAK', 'an Iranian city; ARK and SARAK are listed (judgement: one letter)'),
  clear('decoy_place', 'ТАМАНЬ', 'a Russian port (Taman) in Cyrillic; TAMAR is a listed f.k.a. of HENNA (judgement: script, one letter)'),
  clear('decoy_place', 'MARACAY', 'a Venezuelan city (Spanish); MARAYA is listed'),
  clear('decoy_place', 'NARVA', 'an Estonian town on the Russian border; WARTA is listed'),
  clear('decoy_place', 'ΠΑΤΜΟΣ', 'a Greek island (Patmos) in Greek script; PATRIS is listed'),
  clear('decoy_place', 'کرمان', 'an Iranian city (Kerman) in Persian script; HERMANN is listed'),
  // ---- decoys: given names in several languages near a listed name or alias (by hand) ----------------------------------
  clear('decoy_given', 'DORINA', 'a Romanian and Italian given name; DORENA and DORITA are listed (judgement: one letter)'),
  clear('decoy_given', 'BEHZAD', 'a Persian given name; BEHDAD is listed (judgement: one letter)'),
  clear('decoy_given', 'SABINE', 'a German and French given name; SABRINA is listed'),
  clear('decoy_given', 'HEDDA', 'a Scandinavian given name; HEDY is listed'),
  clear('decoy_given', 'SAMIRA', 'an Arabic given name; SOMIA and SARINA are listed'),
  clear('decoy_given', 'ВИКТОР', 'a Russian given name (Viktor) in Cyrillic; VICTORY is a listed f.k.a. of HORSE'),
  // ---- decoys: ordinary words in several languages near a listed name or alias (by hand) -------------------------------
  clear('decoy_near', 'BALIZA', 'a Spanish word (beacon); BALITA is listed (judgement: one letter)'),
  clear('decoy_near', 'SIRENA', 'a Spanish and Italian word (mermaid); SERENA is listed (judgement: one letter)'),
  clear('decoy_near', 'PASSAGE', 'an English and French word; PASSAT is listed'),
  clear('decoy_near', 'VENTA', 'a Spanish word (sale); VISTA is listed'),
  // ---- decoys: unlisted numbers of listed families ---------------------------------------------------------------------
  clear('decoy_sibling', 'ABTIN 4', 'the list carries ABTIN 1 (2 and 3 were siblings before)'),
  clear('decoy_sibling', 'RUNG RA 4', 'the list carries RUNG RA 1 and 2 (3 was a sibling before)'),
  clear('decoy_sibling', 'SOUTH HILL 6', 'the list carries SOUTH HILL 2 and 5'),
  clear('decoy_sibling', 'HYUNDAI MIPO 2659', 'the list carries the yard numbers 2655, 2656 and 2657 (2658 was a sibling before)'),
  clear('decoy_sibling', 'SAM JONG 3', 'the list carries SAM JONG 1 and 2'),
];
