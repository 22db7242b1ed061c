// A sixth held-out set of screening cases (2026-12-06), written blind: without reading the matcher's code or
// docs (src/screening/, src/store/screen*.ts, docs on screening), bench/RESULTS.md's run results for earlier
// sets (only its notes on how the fourth and fifth sets were written; a search for them also showed the one-line
// summary of issue 13's figures) or any bench/screen-*.ts other than the earlier case files and screen-heldout.ts
// (for the `--set` wiring), and without running the matcher on any of these queries. Nothing here was chosen or
// changed after seeing a matcher result: there were none.
// Aim: a realistic compliance mix (AIS static data, port-call lists, bills of lading, news) for issue 13's
// quality target: 105 positives on OFAC 2021 vessels, 54 decoys that must come out clear.
// Listed ships: all 406 OFAC 2021 vessels (test/fixtures/sanctions/ofac-2021: sdn.csv, alt.csv), sorted by entry
// id and shuffled with Python's random.Random(20261210); the order starts
//   18342 15090 23159 25736 25261 29486 24509 28014 15038 26633 15723 25384 17104 24508 25364 25342 25311 28105
//   25301 26632 28016 23740 27431 17103 23157 27282 15062 19570 25340 25273 26652 26623 15052 25280 25393 25265 ...
// and each family, in this order, takes the first ships of it not yet taken that fit its rule:
//   family          n  rule
//   alias           8  has a listed f.k.a./a.k.a. (not a yard number) no earlier set used as a query: the first such
//                      in list order; the 4th and 8th as a stated former name beside an invented unlisted name
//   translit       16  5 DPRK-flagged Korean names (McCune-Reischauer, its unvoiced initials, South Korean popular
//                      spelling), 4 Russian-named (Cyrillic, French, German), 4 Chinese names (Wade-Giles and
//                      Mandarin / Cantonese readings), 3 Persian one-word names (EE, OU for long vowels)
//   wrong_imo       6  has an IMO; not a wrong_imo ship of an earlier set; listed name not an earlier query; an
//                      invented IMO (below)
//   imo_wrong_name  6  has an IMO; not an imo/mmsi_wrong_name ship of an earlier set; an invented unlisted name
//   numeral         5  ends in a number <= 20 or a roman numeral: roman, words (English, Spanish), zero-padded
//   word_order      4  two or more words of >= 3 letters, not DPRK-flagged, no roman numeral: words reordered
//   split_join      6  two or more words, no earlier split_join on it: joined, or split where a word has a prefix
//   typo2_short     4  letters only, <= 5 letters; two slips (judgement cases)
//   typo2           8  >= 8 letters; two slips (next key, swap, doubled, dropped, b/v, s/z)
//   typo1_short     6  letters only, <= 4 letters; one slip
//   ocr             8  holds O, I, S, B, M or a digit: one OCR confusion (0/O, 1/I, 5/S, 8/B, rn/m, 7/T)
//   typo1          10  >= 5 letters; one slip
//   exact           8  name not an earlier query; the 2nd, 4th, ... with the listed IMO ('match')
//   reformatted    10  any; M/V, MT, M.T., (M/V), NO., quotes, hyphens, case, a space dropped
// Every ship has been named by an earlier set (all 406 have), so a matcher tuned on those sets has seen every
// target entry; no query here repeats one: every query name and stated former name was compared by script with
// every query name and former name of screen-heldout-cases.ts, screen-unseen-cases.ts, screen-third-cases.ts,
// screen-fourth-cases.ts, screen-fifth-cases.ts and the development set screen-hard-cases.ts, after folding case,
// accents, punctuation AND spaces (so a split/join or an accent-only variant of an earlier query counts as a
// repeat), with no hit in the committed file. Variants that collided were rewritten before the commit: while
// writing, against the earlier queries listed per ship (JANG GYEONG, YU SONG-12, MAKSIM GOR'KIY, PARISĀN), and
// after the script's first run (Bosco Gilan, UL-JI-BONG 6, JH86, and ABTIN 1 as a wrong_imo name: see below).
// Each variant is the one the family's rule gives, written by hand.
// Invented IMOs: random.Random(20261210).randint(800000, 979999) plus the check digit, skipping any 7-digit number
// in sdn.csv, alt.csv, sdn_comments.csv, the UN list, the AIS captures' broadcast IMOs or an earlier set.
// Invented names (imo_wrong_name, the two stated-former-name cases) were checked: on no list, not in the AIS
// captures, no listed vessel name or alias within 2 edits.
// Decoys (54): real ships from the static names (type 5/24) of the AIS captures test/fixtures/ais (AMSA 2012,
// DMA 2010) and bench/data/real (exactEarth), read with the project's AIS decoder; names of >= 4 characters,
// letters >= 60 %, not an earlier query, not a name or alias on any fixture list; shuffled with
// random.Random(20261210) and dealt in that order:
//   decoy_near 6 (judgement): one edit from a listed vessel name or alias, holding none as a whole word and not a
//                doubled letter (HAINA, MARVAN, TOMAR, IONA, SOLINA, DIRONA)
//   decoy_near 6: one word of >= 5 letters two edits from a listed name or alias (MORAY, KHANA, MELITA, ...)
//   decoy_word 10: sharing a whole word (of >= 3 letters) with a listed vessel name or alias
//   decoy_imo 5: none of those, broadcasting a valid IMO on no list and in no earlier set: with that IMO
//   decoy_unlisted 14: the rest, in order: no listed vessel name or alias within 2 edits, none as a whole word
// and, written by hand (not from the captures): decoy_near 8 ordinary words, given names and place names one or
// two letters from a listed name or alias (GENEVA, ARIEL, TOBRUK, ...; the one-letter ones are judgement cases),
// and decoy_sibling 5, the next unlisted number of a listed numbered family not used as a sibling before.
// Not tuned: the rules above were fixed before any variant was written; one rule was changed before writing,
// which took EVER BRIGHT 88 (an English name) out of the Chinese-name list, and one after the repeat check below,
// which added 'listed name not an earlier query' to wrong_imo (ABTIN 1 moved to imo_wrong_name); no case was run
// through the matcher.
// Committed before it was run; run ONCE as held-out (bench/RESULTS.md); after that it is development data.
// Scored by bench/screen-heldout.ts STORE --set sixth.
// Where these flatter or punish: one reviewer's verdicts; the judgement cases (each says so in `why`): two slips in
// 4–5-letter names, the Chinese readings without the characters, word swaps in generic names, short common words
// (DUNE, BRIGHT with a wrong IMO; NOOR), and near decoys one letter from a listed name; an AIS or invented IMO
// could collide with a generated FtM IMO in a large store.
import { clear, hit, type HeldOutCase } from './screen-heldout-cases.js';

export const SIXTH_CASES: HeldOutCase[] = [
  // ---- exact: the listed name as is, every 2nd with its IMO ---------------------------------------------------
  hit('exact', 'CAYAURIMA', 'CAYAURIMA', 'possible', 'the listed name'),
  hit('exact', { name: 'ARSHAM', imo: '9386500' }, 'ARSHAM', 'match', 'name and IMO'),
  hit('exact', 'AYNAZ', 'AYNAZ', 'possible', 'the listed name'),
  hit('exact', { name: 'RAK RANG', imo: '7506118' }, 'RAK RANG', 'match', 'name and IMO'),
  hit('exact', 'KIAZAND', 'KIAZAND', 'possible', 'the listed name'),
  hit('exact', { name: 'SONG WON', imo: '8613360' }, 'SONG WON', 'match', 'name and IMO'),
  hit('exact', 'ZOMOROUD', 'ZOMOROUD', 'possible', 'the listed name'),
  hit('exact', { name: 'LONGBOW LAKE', imo: '9237539' }, 'LONGBOW LAKE', 'match', 'name and IMO'),
  // ---- reformatted: prefixes, suffixes, quotes, case, hyphens, spacing ---------------------------------------------
  hit('reformatted', 'MV CHONG CHON GANG', 'CHONG CHON GANG', 'possible', 'MV prefix, as a port-call list writes it'),
  hit('reformatted', 'EVER GLORY (M/V)', 'EVER GLORY', 'possible', 'ship-type suffix in brackets'),
  hit('reformatted', 'Bosco Gilan (M/T)', 'BOSCO GILAN', 'possible', 'title case, as news prints it, with a bracketed M/T suffix'),
  hit('reformatted', 'm.t. kasma', 'KASMA', 'possible', 'lower case with an m.t. prefix'),
  hit('reformatted', 'NAM SAN NO 8', 'NAM SAN 8', 'possible', 'NO before the number, no full stop'),
  hit('reformatted', 'M/T "ARTIN"', 'ARTIN', 'possible', 'M/T prefix and the name in quotes, as a news report writes it'),
  hit('reformatted', 'RA NAM-3', 'RA NAM 3', 'possible', 'hyphen before the number'),
  hit('reformatted', 'M/T UL-JI-BONG 6', 'UL JI BONG 6', 'possible', 'M/T prefix, syllables hyphenated as DPRK sources write names'),
  hit('reformatted', 'MT JH86', 'JH 86', 'possible', 'MT prefix and the space between letters and number dropped, as AIS names often are'),
  hit('reformatted', 'MV RAK WON NO.2', 'RAK WON 2', 'possible', 'MV prefix and NO. before the number'),
  // ---- one slip, names of 5 letters or more -------------------------------------------------------------------------
  hit('typo1', 'NEGEEM', 'NEGEEN', 'possible', 'final N struck as the next key M'),
  hit('typo1', 'SHAHARZ', 'SHAHRAZ', 'possible', 'two letters swapped'),
  hit('typo1', 'DOMAMI', 'DOMANI', 'possible', 'N struck as the next key M'),
  hit('typo1', 'PARSHED', 'PARSHAD', 'possible', 'A written E'),
  hit('typo1', 'DEVERZ', 'DEVREZ', 'possible', 'two letters swapped'),
  hit('typo1', 'PARSHANN', 'PARSHAN', 'possible', 'final N doubled'),
  hit('typo1', 'TOISKA', 'TOUSKA', 'possible', 'U struck as the next key I'),
  hit('typo1', 'ICATO', 'ICARO', 'possible', 'R struck as the next key T (5-letter name)'),
  hit('typo1', 'DELCIE', 'DELICE', 'possible', 'two letters swapped'),
  hit('typo1', 'MANAIRE', 'MANAURE', 'possible', 'U struck as the next key I'),
  // ---- one slip, names of 3 or 4 letters -----------------------------------------------------------------------------
  hit('typo1_short', 'GANK', 'GANJ', 'possible', 'J struck as the next key K (4-letter name)'),
  hit('typo1_short', 'TAAL', 'TALA', 'possible', 'two letters swapped (judgement: 4-letter name, TAAL is also a volcano)'),
  hit('typo1_short', 'HUGR', 'HUGE', 'possible', 'E struck as the next key R (4-letter name)'),
  hit('typo1_short', 'SOG', 'SIG', 'possible', 'I struck as the next key O (judgement: 3-letter name)'),
  hit('typo1_short', 'AUTA', 'AURA', 'possible', 'R struck as the next key T (4-letter name)'),
  hit('typo1_short', 'AWUA', 'AQUA', 'possible', 'Q struck as the next key W (4-letter name)'),
  // ---- two slips, names of 8 letters or more --------------------------------------------------------------------------
  hit('typo2', 'URDAMETTA', 'URDANETA', 'possible', 'N struck as the next key M and T doubled'),
  hit('typo2', 'FIRPUZE', 'FIROUZEH', 'possible', 'O struck as the next key P and the final H dropped'),
  hit('typo2', 'TRIVILIM', 'TRIBILIN', 'possible', 'B written V (Spanish b/v) and N struck as the next key M'),
  hit('typo2', 'AETAVAMD', 'ARTAVAND', 'possible', 'R struck as the next key E and N as the next key M'),
  hit('typo2', 'HWANG GIM SAM 2', 'HWANG GUM SAN 2', 'possible', 'U struck as the next key I and N as M, number kept'),
  hit('typo2', 'ATALNTIK', 'ATLANTIC', 'possible', 'two letters swapped and C written K (judgement: ATLANTIC is a common word in ship names)'),
  hit('typo2', 'SO BEAK SANN', 'SO BAEK SAN', 'possible', 'two letters swapped and N doubled'),
  hit('typo2', 'ZABANETTA', 'SABANETA', 'possible', 'S written Z and T doubled'),
  // ---- two slips, names of 4 or 5 letters (judgement cases) -------------------------------------------------------------
  hit('typo2_short', 'BISTTA', 'VISTA', 'possible', 'V struck as the next key B and T doubled (judgement: 5-letter name, two slips)'),
  hit('typo2_short', 'MENNAH', 'MENA', 'possible', 'N doubled and a final H added, as HANNAH pulls a typist (judgement: 4-letter name)'),
  hit('typo2_short', 'ANYAM', 'ABYAN', 'possible', 'B struck as the next key N and N as M (judgement: 5-letter name, two slips)'),
  hit('typo2_short', 'UARRE', 'YARE', 'possible', 'Y struck as the next key U and R doubled (judgement: 4-letter name)'),
  // ---- OCR confusions (scanned bills of lading, faxed port-call lists) ----------------------------------------------------
  hit('ocr', '5OBHAN', 'SOBHAN', 'possible', 'OCR: 5 for S'),
  hit('ocr', 'TERRNEH', 'TERMEH', 'possible', 'OCR: rn for m'),
  hit('ocr', 'PATR1S', 'PATRIS', 'possible', 'OCR: 1 for I'),
  hit('ocr', '8LUEGAS', 'BLUEGAS', 'possible', 'OCR: 8 for B'),
  hit('ocr', 'RNARIVAN', 'MARIVAN', 'possible', 'OCR: rn for m at the start'),
  hit('ocr', 'PETI0N', 'PETION', 'possible', 'OCR: 0 for O'),
  hit('ocr', '0T-2077', 'OT-2077', 'possible', 'OCR: 0 for O in a letter-and-number name'),
  hit('ocr', 'PH0 THAE', 'PHO THAE', 'possible', 'OCR: 0 for O'),
  // ---- transliteration: Korean ---------------------------------------------------------------------------------------------
  hit('translit', 'CHANG-GYŎNG', 'JANG GYONG', 'possible', 'McCune-Reischauer: word-initial CH for J, the breve, syllables hyphenated'),
  hit('translit', 'RYONG KUN BONG', 'RYONG GUN BONG', 'possible', 'McCune-Reischauer unvoiced K for G as when the syllable is written apart'),
  hit('translit', 'RYONG KANG 2', 'RYONG GANG 2', 'possible', 'McCune-Reischauer unvoiced K for G (river: -kang), number kept'),
  hit('translit', 'YOO SUNG 12', 'YU SONG 12', 'possible', 'South Korean popular spelling (YOO, SUNG), number kept'),
  hit('translit', 'TAEHONGDAN', 'DAI HONG DAN', 'possible', 'the county name as the DPRK romanizes it (TAE for DAI), joined'),
  // ---- transliteration: Russian ------------------------------------------------------------------------------------------------
  hit('translit', 'MAXIME GORKI', 'MAKSIM GORKY', 'possible', 'French transliteration of Максим Горький'),
  hit('translit', 'НЕПТУН', 'NEPTUN', 'possible', 'the name in Cyrillic, as a Russian register writes it'),
  hit('translit', 'ПАТРИОТ', 'PATRIOT', 'possible', 'the name in Cyrillic'),
  hit('translit', 'WLADISLAW STRISCHOW', 'VLADISLAV STRIZHOV', 'possible', 'German transliteration (W for V, SCH for ZH)'),
  // ---- transliteration: Chinese ------------------------------------------------------------------------------------------------
  hit('translit', 'TUNG FENG 6', 'DONG FENG 6', 'possible', 'Wade-Giles TUNG for pinyin DONG, number kept'),
  hit('translit', 'YANG-CHOU TA-YANG DY905', 'YANGZHOU DAYANG DY905', 'possible', 'Wade-Giles with its hyphens (CHOU for ZHOU, TA for DA), yard code kept'),
  hit('translit', 'KAM TAI', 'JIN TAI', 'possible', 'Cantonese KAM for Mandarin JIN if the first character is 金 (judgement: characters not listed, far in letters)'),
  hit('translit', 'YU DONG', 'YUK TUNG', 'possible', 'Mandarin reading of the Cantonese spelling if the characters are 玉東 (judgement: characters not listed)'),
  // ---- transliteration: Persian ------------------------------------------------------------------------------------------------
  hit('translit', 'NARDEES', 'NARDIS', 'possible', 'Persian long I written EE'),
  hit('translit', 'PAREESAN', 'PARISAN', 'possible', 'Persian long I written EE'),
  hit('translit', 'AREZOU', 'AREZOO', 'possible', 'Persian long U written OU (French-style, as Iranian passports often do)'),
  // ---- aliases and former names as listed ------------------------------------------------------------------------------------
  hit('alias', 'DAISY', 'SINOPA', 'possible', 'listed f.k.a. (a flower and a given name: a reviewer still wants it)'),
  hit('alias', 'AMOL', 'ARGO I', 'possible', 'listed f.k.a. (an Iranian city)'),
  hit('alias', 'HARAZ', 'AMBER', 'possible', 'listed f.k.a.'),
  hit('alias', { name: 'ALTAIR', formerNames: ['NOAH'] }, 'NAVARZ', 'possible', 'listed f.k.a. as a stated former name, beside an invented unlisted name'),
  hit('alias', 'SIMA', 'SANA', 'possible', 'listed f.k.a. (4 letters)'),
  hit('alias', 'RAYEN', 'TENREACH', 'possible', 'listed f.k.a.'),
  hit('alias', 'NOOR', 'BELEMA LIGHT CRUDE', 'possible', 'listed f.k.a. (judgement: NOOR 1 is another listed ship; both may come up)'),
  hit('alias', { name: 'SEA MERIDIAN', formerNames: ['IRAN HORMOZ 14'] }, 'IRAN HORMUZ 14', 'possible', 'listed a.k.a. as a stated former name, beside an invented unlisted name'),
  // ---- listed name with a wrong IMO (an invented valid number on no list) -----------------------------------------------------
  hit('wrong_imo', { name: 'DUNE', imo: '9452189' }, 'DUNE', 'possible', 'name, IMO not the listed one (judgement: a short common word, still worth a look)'),
  hit('wrong_imo', { name: 'MANUELA SAENZ', imo: '8788517' }, 'MANUELA SAENZ', 'possible', 'distinctive name, IMO not the listed one'),
  hit('wrong_imo', { name: 'BICENTENARIO II', imo: '9269207' }, 'BICENTENARIO II', 'possible', 'name with its numeral, IMO not the listed one'),
  hit('wrong_imo', { name: 'BRIGHT', imo: '9233662' }, 'BRIGHT', 'possible', 'name, IMO not the listed one (judgement: an ordinary word, still worth a look)'),
  hit('wrong_imo', { name: 'NESHAT', imo: '8650306' }, 'NESHAT', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'BICENTENARIO XI', imo: '8385951' }, 'BICENTENARIO XI', 'possible', 'name with its numeral, IMO not the listed one (X and XII are listed too)'),
  // ---- the listed IMO with an unrelated name ------------------------------------------------------------------------------------
  hit('imo_wrong_name', { name: 'LADY MAYA', imo: '8016835' }, 'MARIANA', 'match', 'MARIANA\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'KAVIR STAR', imo: '9379636' }, 'ABTIN 1', 'match', 'ABTIN 1\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'NOVA CASPIAN', imo: '9776523' }, 'GENAVA 12', 'match', 'GENAVA 12\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'DELTA PRIME', imo: 'IMO 9346536' }, 'BASHT', 'match', 'BASHT\'s IMO written with its prefix and a space, renamed'),
  hit('imo_wrong_name', { name: 'ANDES TRADER', imo: '9552496' }, 'TEREPAIMA', 'match', 'TEREPAIMA\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'HAE YANG 3', imo: '8408595' }, 'WOORY STAR', 'match', 'WOORY STAR\'s IMO, renamed with a Korean name'),
  // ---- numerals: roman, words, zero-padded --------------------------------------------------------------------------------------
  hit('numeral', 'TOUR TWO', 'TOUR 2', 'possible', 'the number in English words'),
  hit('numeral', 'AMAPOLA UNO', 'AMAPOLA 1', 'possible', 'the number in Spanish words (judgement: a Venezuelan register might write it so)'),
  hit('numeral', 'GOLD STAR III', 'GOLD STAR 3', 'possible', 'roman for arabic numeral'),
  hit('numeral', 'MI RIM II', 'MI RIM 2', 'possible', 'roman for arabic numeral (MI RIM without a number is listed too)'),
  hit('numeral', 'JON JIN 02', 'JON JIN 2', 'possible', 'zero-padded number, as a port-call list writes it'),
  // ---- word order --------------------------------------------------------------------------------------------------------------
  hit('word_order', 'NEKA IMICO 455', 'IMICO NEKA 455', 'possible', 'the two words swapped, number kept (455, 456, 457 are all listed)'),
  hit('word_order', '88 EVER BRIGHT', 'EVER BRIGHT 88', 'possible', 'number first, as some lists print it'),
  hit('word_order', 'CACERES DE ARISMENDI, LUISA', 'LUISA CACERES DE ARISMENDI', 'possible', 'surname first, as an index writes a person\'s name'),
  hit('word_order', 'BRIDGE ASIA 1', 'ASIA BRIDGE 1', 'possible', 'the two words swapped, number kept (judgement: generic words; ASIA BRIDGE is listed too)'),
  // ---- words split or joined differently ----------------------------------------------------------------------------------------
  hit('split_join', 'CARLOTAC', 'CARLOTA C', 'possible', 'the single letter joined to the name, as a 20-character AIS field squeezes it'),
  hit('split_join', 'YUSONG 7', 'YU SONG 7', 'possible', 'syllables joined, number kept'),
  hit('split_join', 'DOKCHON', 'DOK CHON', 'possible', 'syllables joined, as the town name is written'),
  hit('split_join', 'BI CENTENARIO XII', 'BICENTENARIO XII', 'possible', 'the BI- prefix split off'),
  hit('split_join', 'BI-CENTENARIO IX', 'BICENTENARIO IX', 'possible', 'the BI- prefix hyphenated'),
  hit('split_join', 'BICENTENARIO X VI', 'BICENTENARIO XVI', 'possible', 'the roman numeral split by a stray space (X VI)'),
  // ---- decoys: real ships on no list, from the AIS captures' static names ---------------------------------------------------------
  clear('decoy_unlisted', 'BEIJA FLOR', 'AMSA 2012 (type not given), not listed'),
  clear('decoy_unlisted', 'PT KOTOR', 'tug (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'ARCO DIJK', 'DMA 2010 (type other), not listed'),
  clear('decoy_unlisted', 'LAGNO', 'DMA 2010 (type not given), not listed'),
  clear('decoy_unlisted', 'NONA BULKER', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'COSMOS 1', 'passenger vessel (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'STABERHUK', 'DMA 2010 (type not given), not listed'),
  clear('decoy_unlisted', 'UBC ONSAN', 'cargo ship (exactEarth), not listed (ONSAN is a Korean port: another name than AN SAN 1)'),
  clear('decoy_unlisted', 'COSMIC 18', 'tanker (exactEarth), not listed (STAR 18 is listed: another name)'),
  clear('decoy_unlisted', 'CORONA JOYFUL', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'CMA CGM C. COLOMB', 'cargo ship (exactEarth), not listed'),
  clear('decoy_unlisted', 'DON ANESTIS', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'BUCANERO', 'passenger vessel (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'M/F WAWEL', 'passenger vessel (DMA 2010; M/F, motor ferry, is part of the broadcast name), not listed'),
  // ---- decoys: real ships on no list, with the IMO they broadcast --------------------------------------------------------------------
  clear('decoy_imo', { name: 'ISODORA', imo: '9187863' }, 'cargo ship (exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'YARABAH', imo: '8023802' }, 'tug (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'ROSEMARY', imo: '9424948' }, 'tug (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'WANA BHUM', imo: '9308663' }, 'cargo ship (exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'ANANGEL PROSPERITY', imo: '9347176' }, 'cargo ship (exactEarth), its own IMO, not listed'),
  // ---- decoys: real ships sharing one word with a listed name or alias ---------------------------------------------------------------
  clear('decoy_word', 'NORTHWEST SWAN', 'tanker (exactEarth); SAND SWAN is listed (another ship sharing a word)'),
  clear('decoy_word', 'YU ZHU FENG', 'cargo ship (exactEarth); DONG FENG 6 is listed (FENG, wind, is common in Chinese names)'),
  clear('decoy_word', 'A.M.S ORION', 'AMSA 2012 (type other); ORION STAR is listed'),
  clear('decoy_word', 'KAREN KNUTSEN', 'tanker (DMA 2010); GERD KNUTSEN is a listed f.k.a. of DOMANI (another ship of the fleet)'),
  clear('decoy_word', 'KEN SAN', 'cargo ship (exactEarth); SAN is in many listed DPRK names (WON SAN 2, AN SAN 1, ...)'),
  clear('decoy_word', 'FLORIDA VOYAGER', 'tanker (AMSA 2012); VOYAGER is a listed f.k.a. of NAVARZ, here beside another word'),
  clear('decoy_word', 'AMBASSADOR BRIDGE', 'cargo ship (exactEarth); ASIA BRIDGE, CALM BRIDGE are listed'),
  clear('decoy_word', 'OSG HORIZON', 'tanker (AMSA 2012); HORIZON is a listed f.k.a. of HALTI, here beside a company code'),
  clear('decoy_word', 'EVER SHINING', 'cargo ship (AMSA 2012); EVER GLORY, EVER BRIGHT 88 are listed'),
  clear('decoy_word', 'BOW STAR', 'tanker (exactEarth); LUCKY STAR, ORION STAR, NYMEX STAR are listed'),
  // ---- decoys: real ships one letter from a listed name or alias (judgement cases) --------------------------------------------------
  clear('decoy_near', 'HAINA', 'cargo ship (exactEarth), a Dominican port; HASNA is listed (judgement: one letter, another name)'),
  clear('decoy_near', 'MARVAN', 'AMSA 2012 (type not given); MARIVAN is listed (judgement: one letter fewer, an Arabic given name)'),
  clear('decoy_near', 'TOMAR', 'cargo ship (exactEarth), a Portuguese town; TAMAR is a listed f.k.a. of HENNA (judgement: one letter)'),
  clear('decoy_near', 'IONA', 'cargo ship (DMA 2010), a Scottish island; DIONA is listed (judgement: one letter fewer)'),
  clear('decoy_near', 'SOLINA', 'cargo ship (AMSA 2012); SALINA is listed (judgement: one letter, another name)'),
  clear('decoy_near', 'DIRONA', 'pleasure craft (AMSA 2012); DIONA is listed (judgement: one letter more)'),
  // ---- decoys: real ships two letters from a listed name or alias -------------------------------------------------------------------
  clear('decoy_near', 'MORAY', 'AMSA 2012 (type other), a Scottish firth and an eel; MARAYA is listed'),
  clear('decoy_near', 'KHANA', 'cargo ship (AMSA 2012); SANA, HASNA, VIANA, SHONA are listed names or aliases'),
  clear('decoy_near', 'MELITA', 'tanker (AMSA 2012), the Latin name of Malta; ELITE is a listed f.k.a., BALITA listed'),
  clear('decoy_near', 'ITALIA', 'cargo ship (exactEarth); TALA is listed'),
  clear('decoy_near', 'COOMA', 'tug (AMSA 2012), an Australian town; HOMA is a listed f.k.a. of HILDA I'),
  clear('decoy_near', 'POWER', 'cargo ship (AMSA 2012), an ordinary word; DOVER is listed'),
  // ---- decoys: ordinary words, given names, place names near a listed name (by hand) -------------------------------------------------
  clear('decoy_near', 'GENEVA', 'a city; GENAVA 11 and 12 are listed (judgement: one letter from the word GENAVA, no number)'),
  clear('decoy_near', 'ARIEL', 'a given name; ARIES is listed (judgement: one letter, another name)'),
  clear('decoy_near', 'TOBRUK', 'a Libyan port; TABUK is listed'),
  clear('decoy_near', 'PATRIA', 'a word (homeland); PATRIS is listed (judgement: one letter, another word)'),
  clear('decoy_near', 'DANIELA', 'a given name; DANIEL is listed (judgement: one letter more, another name)'),
  clear('decoy_near', 'SIENA', 'an Italian city; SIENNA is a listed f.k.a. of SIERRA (judgement: one letter fewer)'),
  clear('decoy_near', 'KARMA', 'an ordinary word; KASMA is listed (judgement: one letter, another word)'),
  clear('decoy_near', 'ESPERANCE', 'an Australian port town; ESPERANZA is listed'),
  // ---- decoys: unlisted numbers of listed families -----------------------------------------------------------------------------------
  clear('decoy_sibling', 'TOUR 3', 'the list carries TOUR 2'),
  clear('decoy_sibling', 'RYONG GANG 3', 'the list carries RYONG GANG 2'),
  clear('decoy_sibling', 'WON SAN 3', 'the list carries WON SAN 2'),
  clear('decoy_sibling', 'DONG FENG 8', 'the list carries DONG FENG 6'),
  clear('decoy_sibling', 'STAR 19', 'the list carries STAR 18'),
];
