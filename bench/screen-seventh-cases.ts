// A seventh held-out set of screening cases (2026-12-07), written blind: without reading the matcher's code or
// docs (src/screening/, src/store/screen*.ts, docs/screening.md), bench/RESULTS.md's run results for earlier sets
// (only its notes on how the fifth and sixth sets were written) or any bench/screen-*.ts other than the earlier case
// files and screen-heldout.ts (for the `--set` wiring), and without running the matcher on any of these queries.
// Nothing here was chosen or changed after seeing a matcher result: there were none.
// Aim: a realistic compliance mix for issue 13's quality target, leaning on what earlier sets stressed little:
// names as port-call lists and bills of lading write them (owner and manager suffixes, voyage numbers, flags),
// OCR and keyboard slips, transliterations (Korean, Russian, Chinese, Persian, Arabic, in their own scripts too),
// and decoys that are place names, ordinary words and given names in several languages one or two letters from a
// listed name or alias. 104 positives on OFAC 2021 vessels, 60 decoys that must come out clear.
// Listed ships: all 406 OFAC 2021 vessels (test/fixtures/sanctions/ofac-2021: sdn.csv, alt.csv, read with the
// fixture loader test/fixtures/sanctions/load.ts), sorted by numeric entry id and shuffled with Python's
// random.Random(20261207); the order starts
//   27282 15071 23778 18215 18340 23165 26639 25286 25373 23741 27280 29484 25381 28012 23726 17069 25345 25359
//   15087 23525 23166 17094 23780 23511 29487 25393 25270 23766 15080 26644 15048 23522 25257 23743 25260 23157 ...
// and each family, in this order, takes the first ships of it not yet taken that fit its rule; within a family
// with sub-rules, each sub-rule in the order given takes the first ship that fits it and whose variant is a new
// query (not an earlier query, and not the listed name itself once folded):
//   family          n  rule
//   alias           8  has an a.k.a./f.k.a. (not a yard number) no earlier set used as a query or stated former name:
//                      the first such in list order (a.k.a. before f.k.a.); the 4th and 8th as a stated former name
//                      beside an invented unlisted name
//   translit       16  Korean 4 (DPRK flag): Hangul, Revised Romanization, McCune-Reischauer, Revised Romanization;
//                      Russian 3 (a Russian word or a Russian person's name): Cyrillic, ISO 9 with its diacritics,
//                      English-style spelling; Chinese 3: Wade-Giles with its apostrophes, Wade-Giles, Cantonese
//                      (Hong Kong) reading; Persian 3 (Iran flag, a Persian word or name): Persian script, long U
//                      written OO, long A written AA; Arabic 3 (an Arabic given name or word): classical romanization,
//                      Arabic script, the feminine ending written -AH
//   wrong_imo       6  has an IMO; not a wrong_imo ship of an earlier set; listed name not an earlier query; an invented
//                      IMO (below)
//   imo_wrong_name  6  has an IMO; not an imo/mmsi_wrong_name ship of an earlier set; an invented unlisted name
//   portcall       10  >= 4 letters; no earlier reformatted/prefix_format case on it: the name as a port-call list or a
//                      bill of lading writes it, five forms in turn: 'NAME / OWNER', 'NAME V.N' or 'MV NAME VOY. N',
//                      'NAME (FLAG)' (the listed flag), 'NAME C/O MANAGER', 'NAME (OWNERS: ...)'; owners invented
//   split_join      7  two or more words, no earlier split_join on it: words or syllables joined
//   numeral         5  ends in a number <= 20 or a roman numeral, two or more words: arabic to roman, roman to arabic,
//                      English words, the Korean counter HO after the number (DPRK flag), zero-padded
//   word_order      4  two or more words of >= 3 letters, not DPRK-flagged, no roman numeral, no earlier word_order
//   typo2           6  >= 8 letters; two slips (next key on a QWERTY keyboard, swap, doubled, dropped)
//   typo2_short     3  letters only, 4-5 letters; two slips (judgement cases)
//   typo1_short     5  letters only, <= 4 letters; one slip
//   ocr             8  holds O, I, S, B, D, M, G, Z or a digit: one OCR confusion (0/O, 1/I, l/I, 5/S, 8/B, cl/d)
//   typo1           8  >= 5 letters; one slip (next key)
//   exact           6  name not an earlier query; the 2nd, 4th and 6th with the listed IMO ('match')
//   reformatted     6  any; prefixes, quotes, case, hyphens, NR. that fold to no earlier query
// Every ship has been named by an earlier set (all 406 have), so a matcher tuned on those sets has seen every target
// entry; no query here repeats one: every query name and stated former name was compared by script with every query
// name and former name of screen-heldout-cases.ts, screen-unseen-cases.ts, screen-third-cases.ts,
// screen-fourth-cases.ts, screen-fifth-cases.ts, screen-sixth-cases.ts and the development set screen-hard-cases.ts
// (that file not read: a script took its queries), after folding case, accents, punctuation AND spaces, with no hit
// in the committed file. Variants passed over as the sub-rules say: McCune-Reischauer CH'ŎN MYŎNG 1 and
// CH'ŎNGCH'ŎN'GANG (the listed names once folded); CHEONMYEONG 1, CHEONGCHEON GANG, TUNG FENG 6, WU HSIEN, HUNG HSUN,
// CHIN TAI, PARTISAN, BOGATIR, YAGHOOB, TOLOO, FIROOZEH, AZARGOON (earlier queries); KUM SONG 7 in split_join (its
// joined form an earlier query). Two hand-written decoys (MANAUS, STELLA) were earlier queries and were replaced
// (BANHA, ANNIKA).
// Rules changed before the final writing (no matcher result was seen at any point): a first draw compared with every
// string literal of screen-hard-cases.ts, its expected listed names too, which barred the ships it targets; the draw
// was redone with its query and former names only, as for the other sets, and variants first written for ships that
// then moved family were written again by the family's rule. Persian's third sub-rule was GH written Q; both
// candidates' Q forms (YAQOUB, IRAN FALAQ) were earlier queries, so it became long A written AA. McCune-Reischauer
// was required to change a letter after folding (breves and apostrophes alone fold away).
// Invented IMOs: random.Random(20261207).randint(800000, 979999) plus the check digit, skipping any 7-digit number in
// sdn.csv, alt.csv, sdn_comments.csv, the UN list, the AIS captures' broadcast IMOs or an earlier set (none skipped).
// Invented names (imo_wrong_name, the two stated-former-name cases, the owners and managers of portcall) were
// checked: on no list, not in the AIS captures, no listed vessel name or alias within 2 edits. Owner suffixes use
// generic company words (SHIPPING, MARINE, SEA, OCEAN) as real ones do; some of these words occur in listed names.
// Decoys (60): real ships from the static names (type 5/24) of the AIS captures test/fixtures/ais (AMSA 2012,
// DMA 2010) and bench/data/real (exactEarth), decoded with the project's decoder (`tumen decode`); names of >= 4
// characters, letters >= 60 %, not an earlier query, not a name or alias on any fixture list (OFAC, UN); shuffled
// with random.Random(20261207) and dealt in that order:
//   decoy_unlisted 14: no listed vessel name or alias within 2 edits, none as a whole word
//   decoy_imo 6: the next such ships broadcasting a valid IMO on no list and in no earlier set: with that IMO
//   decoy_word 8: sharing a whole word (>= 3 letters) with a listed vessel name or alias, beside a word of its own
//   decoy_near 3 (judgement): one edit from a listed vessel name or alias, not a doubled letter
//   decoy_near 3: a word of >= 5 letters two edits from a listed vessel name or alias
// and, written by hand (not from the captures): decoy_place 12, places as Arabic, Chinese, German, Italian, Kazakh,
// Russian, Spanish, French and English name them, one or two letters from a listed name or alias (the one-letter
// ones are judgement cases); decoy_near 8, ordinary words and given names in several languages
// (Italian, Spanish, Persian, Latin, Scandinavian) one or two letters from a listed name or alias; decoy_sibling 6,
// the next unlisted number of a listed numbered family not used as a sibling before, families in the shuffled order.
// Not tuned: no case was run through the matcher.
// Committed before it was run; run ONCE as held-out (bench/RESULTS.md); after that it is development data.
// Scored by bench/screen-heldout.ts STORE --set seventh.
// Where these flatter or punish: one reviewer's verdicts; the judgement cases (28, each says so in `why`): names in
// Hangul, Persian and Arabic script, a Cantonese reading, two slips in 5-letter names, a 3-letter name with a slip,
// short or generic names with a wrong IMO, decoys one letter from a listed name, and siblings whose stem is a listed
// f.k.a.; an AIS or invented IMO could collide with a generated FtM IMO in a large store; port-call owners are
// invented, so a matcher that screens the owner part against company lists meets no real owner here.
import { clear, hit, type HeldOutCase } from './screen-heldout-cases.js';

export const SEVENTH_CASES: HeldOutCase[] = [
  // ---- aliases and former names as listed ----------------------------------------------------------------------------
  hit('alias', 'NABI', 'NYOS', 'possible', 'listed f.k.a. (a 4-letter given name)'),
  hit('alias', 'FORTUN', 'STREAM', 'possible', 'listed f.k.a. (FORTUNA and FORTUNE are other listed ships, one letter away)'),
  hit('alias', 'SIENNA', 'SIERRA', 'possible', 'listed f.k.a.'),
  hit('alias', { name: 'AURELIA BAY', formerNames: ['SABRINA'] }, 'SILVIA I', 'possible', 'listed f.k.a. as a stated former name, beside an invented unlisted name (SABRINA is also another listed ship)'),
  hit('alias', 'DENA', 'DOWNY', 'possible', 'listed f.k.a. (4 letters)'),
  hit('alias', 'SEAHORSE', 'SANCHI', 'possible', 'listed f.k.a., an ordinary word'),
  hit('alias', 'MDL 5', 'MARIE DE LOURDES V', 'possible', 'listed a.k.a., the initials and the number'),
  hit('alias', { name: 'THANH DAT 27', formerNames: ['SAM 5'] }, 'STAR 18', 'possible', 'listed f.k.a. as a stated former name, beside an invented Vietnamese name'),
  // ---- transliteration: Korean -----------------------------------------------------------------------------------------
  hit('translit', '부흥 1', 'PU HUNG 1', 'possible', 'the name in Hangul, as a Korean register writes it (judgement: script)'),
  hit('translit', 'BOCHEON', 'PO CHON', 'possible', 'Revised Romanization (B, EO), joined as a place name'),
  hit('translit', 'ŬLCHI-BONG 6', 'UL JI BONG 6', 'possible', 'McCune-Reischauer (Ŭ, CH for J after L, as in Ŭlchi Mundŏk), number kept'),
  hit('translit', 'REUNGNADO', 'RUNG RA DO', 'possible', 'Revised Romanization of 릉라도 (EU, the R after NG read N), joined'),
  // ---- transliteration: Russian ----------------------------------------------------------------------------------------
  hit('translit', 'ВЛАДИСЛАВ СТРИЖОВ', 'VLADISLAV STRIZHOV', 'possible', 'the name in Cyrillic, as a Russian register writes it'),
  hit('translit', 'MAKSIM GORʹKIJ', 'MAKSIM GORKY', 'possible', 'ISO 9 transliteration (the soft sign as a prime, J for the final Й)'),
  hit('translit', 'YURI TOPCHEV', 'YURY TOPCHEV', 'possible', 'English-style spelling of the given name'),
  // ---- transliteration: Chinese ----------------------------------------------------------------------------------------
  hit('translit', "CHIN T'ENG", 'JIN TENG', 'possible', 'Wade-Giles (CH for pinyin J, the aspiration apostrophe)'),
  hit('translit', 'SHANG YUAN PAO', 'SHANG YUAN BAO', 'possible', 'Wade-Giles P for pinyin B'),
  hit('translit', 'TUNG FUNG 6', 'DONG FENG 6', 'possible', 'Cantonese (Hong Kong) reading of 東風, number kept (judgement: characters not listed)'),
  // ---- transliteration: Persian ----------------------------------------------------------------------------------------
  hit('translit', 'نگین', 'NEGEEN', 'possible', 'the name in Persian script (judgement: script, short vowels not written)'),
  hit('translit', 'TOOSKA', 'TOUSKA', 'possible', 'the long U written OO, as Iranian spellings often do'),
  hit('translit', 'ARDAVAAN', 'ARDAVAN', 'possible', 'the long A written AA'),
  // ---- transliteration: Arabic -----------------------------------------------------------------------------------------
  hit('translit', 'YUSUF', 'YOUSEF', 'possible', 'classical Arabic romanization of the same given name'),
  hit('translit', 'بدر', 'BADR', 'possible', 'the name in Arabic script (judgement: script, 4 letters)'),
  hit('translit', 'BAHJAH', 'BAHJAT', 'possible', 'the feminine ending written -AH, as Arabic romanization does'),
  // ---- listed name with a wrong IMO (an invented valid number on no list) ----------------------------------------------
  hit('wrong_imo', { name: 'TOUR 2', imo: '8406339' }, 'TOUR 2', 'possible', 'name, IMO not the listed one (judgement: an ordinary word and a number)'),
  hit('wrong_imo', { name: 'LAODICEA', imo: '8267666' }, 'LAODICEA', 'possible', 'distinctive name, IMO not the listed one'),
  hit('wrong_imo', { name: 'SOBAR', imo: '8378996' }, 'SOBAR', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'DOMANI', imo: '8374469' }, 'DOMANI', 'possible', 'name, IMO not the listed one (an Italian word)'),
  hit('wrong_imo', { name: 'MENA', imo: '9694608' }, 'MENA', 'possible', 'name, IMO not the listed one (judgement: 4 letters, also a common abbreviation)'),
  hit('wrong_imo', { name: 'CHON MYONG 1', imo: '8861814' }, 'CHON MYONG 1', 'possible', 'DPRK name with its number, IMO not the listed one'),
  // ---- the listed IMO with an unrelated name ---------------------------------------------------------------------------
  hit('imo_wrong_name', { name: 'PACIFIC LANTERN', imo: '8916580' }, 'ASIA BRIDGE 1', 'match', 'ASIA BRIDGE 1\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'VERDANT BAY', imo: 'IMO 8810700' }, 'GREEN LIGHT', 'match', 'GREEN LIGHT\'s IMO written with its prefix, renamed'),
  hit('imo_wrong_name', { name: 'ELENI K', imo: '9125126' }, 'CASPIA', 'match', 'CASPIA\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'SANTA LUCIA 1', imo: '9038842' }, 'ICARO', 'match', 'ICARO\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'ADRIATIC BREEZE', imo: '7937317' }, 'CHONG CHON GANG', 'match', 'CHONG CHON GANG\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'GOLDEN HARVEST 6', imo: '9820245' }, 'TENREACH', 'match', 'TENREACH\'s IMO, renamed'),
  // ---- port-call lists and bills of lading: owner and manager suffixes, voyage numbers, flags --------------------------
  hit('portcall', 'BICENTENARIO IX / NAVIERA LOS LLANOS C.A.', 'BICENTENARIO IX', 'possible', 'ship / owner, as a port-call list writes it (invented owner)'),
  hit('portcall', 'PO THONG GANG V.2104W', 'PO THONG GANG', 'possible', 'vessel and voyage number, as a bill of lading writes it'),
  hit('portcall', 'GOO RYONG (DPRK)', 'GOO RYONG', 'possible', 'flag in brackets after the name'),
  hit('portcall', 'TERMEH C/O BANDAR KALA SHIPPING LLC', 'TERMEH', 'possible', 'care-of the manager (invented)'),
  hit('portcall', 'SOMIA (OWNERS: KHALIJ NAVIGATION CO)', 'SOMIA', 'possible', 'owners in brackets (invented)'),
  hit('portcall', 'ORIENTAL TREASURE / HUALONG OCEAN SHIPPING LTD', 'ORIENTAL TREASURE', 'possible', 'ship / owner (invented)'),
  hit('portcall', 'MV SABANETA VOY. 118', 'SABANETA', 'possible', 'MV prefix and voyage number, as a bill of lading writes it'),
  hit('portcall', 'DORITA (IRAN)', 'DORITA', 'possible', 'flag in brackets after the name'),
  hit('portcall', 'TONG HUNG 5 C/O MYOHYANG SEA TRANSPORT CO', 'TONG HUNG 5', 'possible', 'care-of the manager (invented; TONG HUNG 1 is listed too)'),
  hit('portcall', 'MI RIM 2 (OWNERS: SOHUNG MARINE TRANSPORT CO)', 'MI RIM 2', 'possible', 'owners in brackets (invented; MI RIM without a number is listed too)'),
  // ---- words split or joined differently -------------------------------------------------------------------------------
  hit('split_join', 'RUNGRA 2', 'RUNG RA 2', 'possible', 'syllables joined, number kept (RUNG RA 1 is listed too)'),
  hit('split_join', 'VICTORY2', 'VICTORY 2', 'possible', 'name and number joined, as a 20-character AIS field squeezes it'),
  hit('split_join', 'IMICONEKA 456', 'IMICO NEKA 456', 'possible', 'the two words joined, hull number kept (455 and 457 are listed too)'),
  hit('split_join', 'PAEKMA', 'PAEK MA', 'possible', 'syllables joined'),
  hit('split_join', 'ZARYOK 2', 'ZA RYOK 2', 'possible', 'syllables joined, number kept'),
  hit('split_join', 'IRANHORMUZ 12', 'IRAN HORMUZ 12', 'possible', 'the two words joined, number kept (14, 22 and 25 are listed too)'),
  hit('split_join', 'KUMGANG 3', 'KUM GANG 3', 'possible', 'syllables joined, as the mountain\'s name is written'),
  // ---- numerals --------------------------------------------------------------------------------------------------------
  hit('numeral', 'YU SONG XII', 'YU SONG 12', 'possible', 'roman for arabic numeral (YU SONG 7 is listed too)'),
  hit('numeral', 'HAPPINESS 1', 'HAPPINESS I', 'possible', 'arabic for roman numeral'),
  hit('numeral', 'KUM SONG SEVEN', 'KUM SONG 7', 'possible', 'the number in English words (KUM SONG 3 and 5 are listed too)'),
  hit('numeral', 'CHONG RIM 2 HO', 'CHONG RIM 2', 'possible', 'the Korean counter HO (No.) after the number, as DPRK names are written'),
  hit('numeral', 'SOUTH HILL 05', 'SOUTH HILL 5', 'possible', 'zero-padded number (SOUTH HILL 2 is listed too)'),
  // ---- word order ------------------------------------------------------------------------------------------------------
  hit('word_order', 'CHARAK IRAN', 'IRAN CHARAK', 'possible', 'the two words swapped'),
  hit('word_order', 'WAY BLUE', 'BLUE WAY', 'possible', 'the two words swapped'),
  hit('word_order', 'PRIDE MIAMI', 'MIAMI PRIDE', 'possible', 'the two words swapped'),
  hit('word_order', 'FALAGH, IRAN', 'IRAN FALAGH', 'possible', 'key word first, as an alphabetical index writes it'),
  // ---- two slips, names of 8 letters or more ---------------------------------------------------------------------------
  hit('typo2', 'EVRE GLOTY', 'EVER GLORY', 'possible', 'E, R swapped and R struck as the next key T'),
  hit('typo2', 'BEHNNABAZ', 'BEHNAVAZ', 'possible', 'N doubled and V struck as the next key B'),
  hit('typo2', 'SRADAHST', 'SARDASHT', 'possible', 'two pairs of letters swapped'),
  hit('typo2', 'FIRUOZE', 'FIROUZEH', 'possible', 'O and U swapped and the final H dropped'),
  hit('typo2', 'CANNRAECH', 'CANREACH', 'possible', 'N doubled and E, A swapped'),
  hit('typo2', 'YAMG GAJ DO', 'YANG GAK DO', 'possible', 'N struck as the next key M and K as the next key J'),
  // ---- two slips, names of 4 or 5 letters (judgement cases) ------------------------------------------------------------
  hit('typo2_short', 'KSAMAA', 'KASMA', 'possible', 'A, S swapped and the final A doubled (judgement: 5-letter name, two slips)'),
  hit('typo2_short', 'TOLLUO', 'TOLOU', 'possible', 'L doubled and the final O, U swapped (judgement: 5-letter name, two slips)'),
  hit('typo2_short', 'BAHSTT', 'BASHT', 'possible', 'S, H swapped and T doubled (judgement: 5-letter name, two slips)'),
  // ---- one slip, names of 3 or 4 letters -------------------------------------------------------------------------------
  hit('typo1_short', 'GAMJ', 'GANJ', 'possible', 'N struck as the next key M (4-letter name)'),
  hit('typo1_short', 'SOLL', 'SOL', 'possible', 'L doubled (judgement: 3-letter name; SOLL is also a German word)'),
  hit('typo1_short', 'SNAA', 'SANA', 'possible', 'two letters swapped (4-letter name)'),
  hit('typo1_short', 'DUNR', 'DUNE', 'possible', 'E struck as the next key R (4-letter name)'),
  hit('typo1_short', 'OIRA', 'OURA', 'possible', 'U struck as the next key I (4-letter name)'),
  // ---- OCR confusions (scanned bills of lading, faxed port-call lists) -------------------------------------------------
  hit('ocr', 'YORAC0', 'YORACO', 'possible', 'OCR: 0 for the final O'),
  hit('ocr', 'FINIK1A', 'FINIKIA', 'possible', 'OCR: 1 for I'),
  hit('ocr', 'YAGHOU8', 'YAGHOUB', 'possible', 'OCR: 8 for the final B'),
  hit('ocr', 'SANCLINO', 'SANDINO', 'possible', 'OCR: cl for d, upper-cased'),
  hit('ocr', '5ARVIN', 'SARVIN', 'possible', 'OCR: 5 for S'),
  hit('ocr', 'MARlVAN', 'MARIVAN', 'possible', 'OCR: lower-case l for I'),
  hit('ocr', 'R0SHAK', 'ROSHAK', 'possible', 'OCR: 0 for O'),
  hit('ocr', 'ARTEN0S', 'ARTENOS', 'possible', 'OCR: 0 for O'),
  // ---- one slip, names of 5 letters or more ----------------------------------------------------------------------------
  hit('typo1', 'VISTS', 'VISTA', 'possible', 'A struck as the next key S (5-letter name)'),
  hit('typo1', 'ARTATIA', 'ARTARIA', 'possible', 'R struck as the next key T'),
  hit('typo1', 'NASJA', 'NASHA', 'possible', 'H struck as the next key J (5-letter name)'),
  hit('typo1', 'JAZMON', 'JAZMIN', 'possible', 'I struck as the next key O'),
  hit('typo1', 'ALVAM', 'ALVAN', 'possible', 'N struck as the next key M (5-letter name)'),
  hit('typo1', 'BUCAS', 'BICAS', 'possible', 'I struck as the next key U (5-letter name)'),
  hit('typo1', 'AUSAN', 'AYSAN', 'possible', 'Y struck as the next key U (5-letter name)'),
  hit('typo1', 'BRLLA', 'BELLA', 'possible', 'E struck as the next key R (5-letter name)'),
  // ---- exact: the listed name as is, every 2nd with its IMO ------------------------------------------------------------
  hit('exact', 'HWA SONG', 'HWA SONG', 'possible', 'the listed name'),
  hit('exact', { name: 'ELYANA', imo: '9165827' }, 'ELYANA', 'match', 'name and IMO'),
  hit('exact', 'BAEK MA KANG', 'BAEK MA KANG', 'possible', 'the listed name'),
  hit('exact', { name: 'ESPERANZA', imo: '9289166' }, 'ESPERANZA', 'match', 'name and IMO'),
  hit('exact', 'SARAK', 'SARAK', 'possible', 'the listed name'),
  hit('exact', { name: 'SHAHRAZ', imo: '9349576' }, 'SHAHRAZ', 'match', 'name and IMO'),
  // ---- reformatted: prefixes, quotes, case, hyphens --------------------------------------------------------------------
  hit('reformatted', 'BONU NR. 5', 'BONU 5', 'possible', 'NR. before the number, as German lists write it'),
  hit('reformatted', 'M/T BOSCO GILAN', 'BOSCO GILAN', 'possible', 'M/T prefix'),
  hit('reformatted', 'Thae-pyong-san', 'THAE PYONG SAN', 'possible', 'syllables hyphenated and lower case, as DPRK English texts write names'),
  hit('reformatted', 'M.V. BRIGHT', 'BRIGHT', 'possible', 'M.V. prefix (an ordinary word as a name)'),
  hit('reformatted', 'MV Wu Xian', 'WU XIAN', 'possible', 'MV prefix, title case'),
  hit('reformatted', "M/V 'SAND-SWAN'", 'SAND SWAN', 'possible', 'M/V prefix, the name hyphenated in single quotes'),
  // ---- decoys: real ships on no list, from the AIS captures' static names ----------------------------------------------
  clear('decoy_unlisted', 'GEORGIOS P', 'cargo ship (exactEarth), not listed'),
  clear('decoy_unlisted', 'APHROS', 'tug (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'NUSA MULIA', 'passenger vessel (exactEarth), not listed'),
  clear('decoy_unlisted', 'SAVANNAH GIRL', 'AMSA 2012 (type not given), not listed'),
  clear('decoy_unlisted', 'COURAGEOUS', 'AMSA 2012 (type invalid), not listed (judgement: COURAGE, a listed f.k.a. of HILDA I, is the start of the word)'),
  clear('decoy_unlisted', 'BARGE BRAVO 7', 'AMSA 2012 (a barge by its name), not listed'),
  clear('decoy_unlisted', 'UNI PRUDENT', 'cargo ship (exactEarth), not listed'),
  clear('decoy_unlisted', 'SMS WELSHMAN', 'DMA 2010 (type not given), not listed'),
  clear('decoy_unlisted', 'SARAH BORDELON', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'MAERSK VIGO', 'cargo ship (DMA 2010), not listed'),
  clear('decoy_unlisted', 'HAPPY BUCCANEER', 'cargo ship (AMSA 2012, exactEarth), not listed (HAPPINESS I is listed: another word)'),
  clear('decoy_unlisted', 'VALE BRASIL', 'cargo ship (exactEarth), not listed'),
  clear('decoy_unlisted', 'MOL INCA', 'cargo ship (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'ERA MARITIM', 'exactEarth (type invalid), not listed'),
  // ---- decoys: real ships on no list, with the IMO they broadcast ------------------------------------------------------
  clear('decoy_imo', { name: 'OVERSEAS ANACORTES', imo: '9353591' }, 'tanker (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'GALLIA GRAECA', imo: '9221607' }, 'cargo ship (exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'GLYFADA I', imo: '9473145' }, 'cargo ship (exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'SCF SAYAN', imo: '9224465' }, 'tanker (exactEarth), its own IMO, not listed (SHAYAN 1 is listed: another name)'),
  clear('decoy_imo', { name: 'WAMBIRI', imo: '8515518' }, 'towing vessel (AMSA 2012, exactEarth), its own IMO, not listed'),
  clear('decoy_imo', { name: 'MERMAID CARVER', imo: '9251975' }, 'towing vessel (AMSA 2012), its own IMO, not listed'),
  // ---- decoys: real ships sharing one word with a listed name or alias -------------------------------------------------
  clear('decoy_word', 'COSCO SHANGHAI', 'cargo ship (exactEarth); SHANGHAI is in the yard-number a.k.a.s of STREAM, SERENA, SNOW ...'),
  clear('decoy_word', 'LEWEK SWAN', 'tug (AMSA 2012); SAND SWAN is listed'),
  clear('decoy_word', 'HONGKONG PIONEER', 'tanker (exactEarth); PIONEER is a listed f.k.a. of HERO II, here beside another word'),
  clear('decoy_word', 'HYUNDAI VISION', 'cargo ship (AMSA 2012); HYUNDAI MIPO 2655-2657 are listed (a yard, not a ship)'),
  clear('decoy_word', 'HAI YANG SHI YOU 937', 'exactEarth (an offshore unit); HAI and YANG occur in listed XIN GUANG HAI, YANG GAK DO'),
  clear('decoy_word', 'RI GANG TVO 16', 'exactEarth (type invalid); GANG (river) is in many listed DPRK names'),
  clear('decoy_word', 'MT.SEA PALACE', 'tanker (exactEarth; MT. is part of the broadcast name); DEEP SEA, SEA CLIFF are listed'),
  clear('decoy_word', 'KANG HUAN', 'cargo ship (AMSA 2012, exactEarth); KANG is in listed BAEK MA KANG, KANG SONG 1'),
  // ---- decoys: real ships one letter from a listed name or alias (judgement cases) -------------------------------------
  clear('decoy_near', 'SERENO', 'cargo ship (DMA 2010); SERENA is listed (judgement: one letter, another name)'),
  clear('decoy_near', 'ARIS', 'tanker (AMSA 2012); ARIES is listed (judgement: one letter fewer, a Greek given name)'),
  clear('decoy_near', 'MEGA', 'tug (DMA 2010); MENA is listed (judgement: one letter, an ordinary word)'),
  // ---- decoys: real ships two letters from a listed name or alias ------------------------------------------------------
  clear('decoy_near', 'ORELIA', 'DMA 2010 (diving vessel); ABELIA is a listed f.k.a. of APAMA'),
  clear('decoy_near', 'SALLING', 'DMA 2010 (type other), a Danish peninsula; SALINA is listed'),
  clear('decoy_near', 'PARRU', 'AMSA 2012 (type not given); PARIN is listed'),
  // ---- decoys: place names near a listed name or alias (by hand) -------------------------------------------------------
  clear('decoy_place', 'KASAN', 'Kazan as German writes it; KASHAN is listed (judgement: one letter fewer)'),
  clear('decoy_place', 'AMOY', 'the old name of Xiamen; AMOL is a listed f.k.a. of ARGO I (judgement: one letter)'),
  clear('decoy_place', 'DARAA', 'a Syrian city (Arabic); DARAB is a listed f.k.a. of DEEP SEA (judgement: one letter)'),
  clear('decoy_place', 'HARBIN', 'a Chinese city; HARSIN is a listed f.k.a. of HASNA (judgement: one letter)'),
  clear('decoy_place', 'ASTANA', 'the Kazakh capital; ASTARA is a listed f.k.a. of APAMA (judgement: one letter)'),
  clear('decoy_place', 'GENOVA', 'Genoa in Italian; GENAVA 11 and 12 are listed (judgement: one letter from the word GENAVA, no number)'),
  clear('decoy_place', 'ABIDJAN', 'a port in Côte d\'Ivoire; ABADAN is a listed f.k.a. of ARTAVIL'),
  clear('decoy_place', 'SOCHI', 'a Russian city; SANCHI is listed'),
  clear('decoy_place', 'PARMA', 'an Italian city; PARMIS is listed'),
  clear('decoy_place', 'AMAPALA', 'a Honduran port; AMAPOLA 1 is listed (judgement: one letter from the word AMAPOLA, no number)'),
  clear('decoy_place', 'INDIA', 'a country; ANDIA is listed (judgement: one letter)'),
  clear('decoy_place', 'BANHA', 'an Egyptian city (Arabic); BANEH is listed'),
  // ---- decoys: ordinary words and given names near a listed name or alias (by hand) ------------------------------------
  clear('decoy_near', 'ANNIKA', 'a Scandinavian given name; ARNICA is listed'),
  clear('decoy_near', 'FELICITA', 'an Italian word (happiness); FELICITY is listed (judgement: one letter, another language\'s word)'),
  clear('decoy_near', 'DESTINO', 'a Spanish and Italian word (destiny); DESTINY is listed (judgement: one letter, another language\'s word)'),
  clear('decoy_near', 'JUSTICIA', 'a Spanish word (justice); JUSTICE is a listed f.k.a. of DAN'),
  clear('decoy_near', 'GLORIA', 'a Latin word and a given name; GLORY is a listed f.k.a. of HUGE'),
  clear('decoy_near', 'AZADEH', 'a Persian given name; ABADEH is a listed f.k.a. of ARK (judgement: one letter)'),
  clear('decoy_near', 'SABINA', 'a given name; SABRINA and SALINA are listed (judgement: one letter)'),
  clear('decoy_near', 'ESPERANTO', 'the language; ESPERANZA is listed'),
  // ---- decoys: unlisted numbers of listed families ---------------------------------------------------------------------
  clear('decoy_sibling', 'VICTORY 3', 'the list carries VICTORY 2 (judgement: VICTORY is also a listed f.k.a. of HORSE)'),
  clear('decoy_sibling', 'ZA RYOK 3', 'the list carries ZA RYOK 2'),
  clear('decoy_sibling', 'BONU 6', 'the list carries BONU 5'),
  clear('decoy_sibling', 'KUM GANG 4', 'the list carries KUM GANG 3'),
  clear('decoy_sibling', 'HAPPINESS II', 'the list carries HAPPINESS I (judgement: HAPPINESS is also its listed f.k.a.)'),
  clear('decoy_sibling', 'CHONG RIM 3', 'the list carries CHONG RIM 2'),
];
