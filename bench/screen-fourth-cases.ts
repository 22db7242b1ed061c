// A fourth held-out set of screening cases (2026-12-06), written blind: without reading the matcher's code or
// docs (src/screening/, docs on its rules) and without running it on any of these queries.
// Listed ships: the 73 OFAC 2021 vessels (test/fixtures/sanctions/ofac-2021: sdn.csv, alt.csv) that no earlier
// set (screen-heldout-cases.ts, screen-unseen-cases.ts, screen-third-cases.ts, screen-hard-cases.ts) names as an
// expected entry, sorted by entry id and shuffled with Python's random.seed(20261208); the order drawn was
//   4249 25689 26653 25312 15057 18342 25322 15726 27408 18216 18338 23727 19582 26660 15905 25269 25372 27432
//   25388 25297 25382 15075 25336 23771 25337 15064 25378 25292 4234 25268 23778 28012 15094 29791 25384 25369
//   25310 4238 15087 25394 15073 26640 19572 26652 25395 25347 15049 29485 25353 15065 25265 15723 27310 15038
//   28013 23156 23764 27528 25304 26637 25259 25729 25302 25272 25262 26632 15902 25319 25368 27529 15043 19575
//   27431
// and dealt in that order: alias (the first 10 with a listed f.k.a./a.k.a. other than a yard number), translit
// (4 Chinese names, NAM SAN 8, 2 Persian names), wrong_imo (6), imo_wrong_name (6), split_join (8 names of two
// or more words), then exact (8), reformatted (10), typo1 (10), typo2 (the last 8). Two of the reformatted draw,
// MAHNAM and GOLBON, are Persian compounds written split (MAH NAM, GOL BON), so they are scored as split_join.
// Reused ships (16 of 89 positives), because the fresh draw has no Russian name, one Korean name and no
// letters-only name of <= 4 letters: 5 DPRK ships (Korean-named, DPRK flag), 3 Russian-named ships and 8 names
// of <= 4 letters, each drawn from the already-used ships of its kind by random.seed(20261208) shuffles of the
// entry-id order; each query differs from every earlier set's query for that ship (checked against those files).
// Each variant is the one the family's rule gives for the name, written by hand as an analyst would see it.
// Decoys: generic words; real ships on no list (a seeded sample, random.seed(20261208), of the static names
// that type 5/24 messages carry in the real AIS captures of test/fixtures/ais, amsa-ais.txt.gz and
// dma-stream_example.txt.gz: AMSA 2012, DMA 2010); decoy_imo: the next drawn AIS ships with a valid IMO, each
// with its own broadcast IMO; distinct names near a listed one of this set; unlisted numbers of listed families.
// Every decoy name was checked against all fixture names and aliases (SDN, alt.csv, the UN list's text) and
// every invented IMO against every 7-digit number in those files (valid check digits, on no list).
// Committed before it was run; run ONCE as held-out (bench/RESULTS.md); after that it is development data.
// Scored by bench/screen-heldout.ts STORE --set fourth.
// Where these flatter or punish: one reviewer's verdicts; two typos in names of <= 4 letters, the Cantonese and
// Wade-Giles readings, Revised Romanization with sound changes, and near decoys one or two letters from a
// listed name (SOURIS, KUDOS, ARVIND, PARISIAN, JIN TAO) are where reviewers might disagree (each says why);
// a real AIS IMO or an invented one could collide with a generated FtM IMO in a large store.
import { clear, hit, type HeldOutCase } from './screen-heldout-cases.js';

export const FOURTH_CASES: HeldOutCase[] = [
  // ---- exact: the listed name as is, with or without its IMO ------------------------------------------
  hit('exact', 'TIFON', 'TIFON', 'possible', 'the listed name (Cuban tug, no IMO listed)'),
  hit('exact', { name: 'NEGAR', imo: '9165839' }, 'NEGAR', 'match', 'name and IMO'),
  hit('exact', { name: 'DEVREZ', imo: '9120994' }, 'DEVREZ', 'match', 'name and IMO'),
  hit('exact', 'ALVAN', 'ALVAN', 'possible', 'the listed name'),
  hit('exact', 'HERMANN', 'HERMANN', 'possible', 'the listed name (a common given name: a reviewer still wants it)'),
  hit('exact', { name: 'SARINA', imo: '8203608' }, 'SARINA', 'match', 'name and IMO'),
  hit('exact', 'ICARO', 'ICARO', 'possible', 'the listed name'),
  hit('exact', { name: 'PARISAN', imo: '9465851' }, 'PARISAN', 'match', 'name and IMO'),
  // ---- reformatted: case, punctuation, prefixes, numerals -------------------------------------------------
  hit('reformatted', 'M/V BASKAR', 'BASKAR', 'possible', 'M/V prefix'),
  hit('reformatted', 'Warta', 'WARTA', 'possible', 'mixed case'),
  hit('reformatted', 'AMAPOLA I', 'AMAPOLA 1', 'possible', 'roman for arabic numeral'),
  hit('reformatted', 'MT. ZARDIS', 'ZARDIS', 'possible', 'MT. prefix with a full stop'),
  hit('reformatted', 'arvin', 'ARVIN', 'possible', 'lower case'),
  hit('reformatted', 'PATRIS (M/T)', 'PATRIS', 'possible', 'ship-type suffix in brackets, as registers print it'),
  hit('reformatted', 'MV. JASMINE', 'JASMINE', 'possible', 'MV. prefix'),
  hit('reformatted', 'ARGO-I', 'ARGO I', 'possible', 'hyphen for space'),
  // ---- one slip ------------------------------------------------------------------------------------------------
  hit('typo1', 'LUISA CACERES DE ARIZMENDI', 'LUISA CACERES DE ARISMENDI', 'possible', 'S written Z in a long name'),
  hit('typo1', '7-2B', '7-28', 'possible', 'OCR: B for 8 (judgement: a name that is only a number)'),
  hit('typo1', 'LUKCY STAR', 'LUCKY STAR', 'possible', 'two letters swapped'),
  hit('typo1', 'ELYANNA', 'ELYANA', 'possible', 'N doubled'),
  hit('typo1', 'BICENTENARO IV', 'BICENTENARIO IV', 'possible', 'a letter dropped, number kept'),
  hit('typo1', 'KSDOS', 'KADOS', 'possible', 'A struck as the next key S (5-letter name)'),
  hit('typo1', 'DIONNA', 'DIONA', 'possible', 'N doubled (5-letter name)'),
  hit('typo1', 'BEDHAD', 'BEHDAD', 'possible', 'two letters swapped'),
  hit('typo1', 'BIANA', 'VIANA', 'possible', 'V written B (Spanish b/v; 5-letter name)'),
  hit('typo1', 'PARAMD', 'PARAND', 'possible', 'N struck as the next key M'),
  hit('typo1_short', 'GANH', 'GANJ', 'possible', 'J struck as the next key H (4-letter name)'),
  hit('typo1_short', 'AQIA', 'AQUA', 'possible', 'U struck as the next key I (4-letter name)'),
  hit('typo1_short', 'S1G', 'SIG', 'possible', 'OCR: 1 for I (3-letter name)'),
  hit('typo1_short', 'KPTI', 'KOTI', 'possible', 'O struck as the next key P (4-letter name)'),
  // ---- two slips -------------------------------------------------------------------------------------------------
  hit('typo2', 'BICENTINARO XI', 'BICENTENARIO XI', 'possible', 'E written I and an I dropped, number kept'),
  hit('typo2', 'STRALLA', 'STARLA', 'possible', 'two letters swapped and L doubled (6-letter name)'),
  hit('typo2', 'HYUNDAY MIPPO 2655', 'HYUNDAI MIPO 2655', 'possible', 'I written Y and P doubled, yard number kept'),
  hit('typo2', 'AWANK', 'AVANG', 'possible', 'V written W and G written K (judgement: 5-letter name, two of five letters)'),
  hit('typo2', 'CLAM BRIGDE', 'CALM BRIDGE', 'possible', 'two pairs of letters swapped'),
  hit('typo2', 'DRAEN II', 'DREAM II', 'possible', 'two letters swapped and M struck as N (5-letter word, number kept)'),
  hit('typo2', 'JINN TIA', 'JIN TAI', 'possible', 'N doubled and two letters swapped (6 letters)'),
  hit('typo2', 'CHARLOTTA C', 'CARLOTA C', 'possible', 'H added and T doubled, as CHARLOTTE pulls a typist (8 letters)'),
  hit('typo2_short', 'MEENAH', 'MENA', 'possible', 'E doubled and a final H added (judgement: 4-letter name)'),
  hit('typo2_short', 'ZUESS', 'ZEUS', 'possible', 'two letters swapped and S doubled (4-letter name)'),
  hit('typo2_short', 'YAAREH', 'YARE', 'possible', 'A doubled and a final H added (judgement: 4-letter name)'),
  hit('typo2_short', 'HAMAAD', 'HAMD', 'possible', 'a vowel written in and doubled (judgement: HAMAD is how the Arabic name is often written)'),
  // ---- transliteration: Chinese, Korean, Russian, Persian -----------------------------------------------------
  hit('translit', 'HOU FAAN 6', 'HAO FAN 6', 'possible', 'Cantonese (Jyutping) reading of the Mandarin name, number kept (judgement: far in letters)'),
  hit('translit', 'YANGCHOW TAYANG DY905', 'YANGZHOU DAYANG DY905', 'possible', 'Chinese postal / Wade-Giles spellings of Yangzhou and Dayang, yard code kept'),
  hit('translit', 'WU HSIEN', 'WU XIAN', 'possible', 'Wade-Giles HSIEN for pinyin XIAN'),
  hit('translit', 'WAH FU', 'HUA FU', 'possible', 'Cantonese WAH for Mandarin HUA (as Hong Kong writes 華)'),
  hit('translit', 'NAMSAN 8', 'NAM SAN 8', 'possible', 'Revised Romanization writes 남산 as one word, number kept'),
  hit('translit', 'PARNIYA', 'PARNIA', 'possible', 'Persian IA written IYA'),
  hit('translit', 'SAREER', 'SARIR', 'possible', 'Persian long I written EE'),
  hit('translit', 'BAENGMAGANG', 'BAEK MA KANG', 'possible', 'Revised Romanization with the K->NG assimilation, joined (judgement: far in letters)'),
  hit('translit', 'SAM JŎNG 1', 'SAM JONG 1', 'possible', 'McCune-Reischauer with its breve'),
  hit('translit', 'BU HUNG 1', 'PU HUNG 1', 'possible', 'initial P written B as South Korea writes it'),
  hit('translit', 'JANGJASAN CHEONGNYEON HO', 'JANG JA SAN CHONG NYON HO', 'possible', 'Revised Romanization (EO, YEO), syllables grouped'),
  hit('translit', "CH'ONG RIM 2", 'CHONG RIM 2', 'possible', 'McCune-Reischauer aspiration apostrophe, breve dropped'),
  hit('translit', 'MARŠAL ŽUKOV', 'MARSHAL ZHUKOV', 'possible', 'ISO 9 / scientific transliteration with carons'),
  hit('translit', 'СУДАК', 'SUDAK', 'possible', 'the name in Cyrillic, as a Russian register writes it'),
  hit('translit', 'WŁADYSŁAW STRYŻOW', 'VLADISLAV STRIZHOV', 'possible', 'Polish rendering of the Russian name (W, Ł, Y, Ż)'),
  // ---- aliases and former names ----------------------------------------------------------------------------------
  hit('alias', 'HYDRA', 'HERBY', 'possible', 'listed f.k.a.'),
  hit('alias', 'GLAROS', 'BICAS', 'possible', 'listed f.k.a.'),
  hit('alias', 'ASIA BRIDGE 2', 'ASIA BRIDGE', 'possible', 'listed f.k.a. (ASIA BRIDGE 1 is another listed ship)'),
  hit('alias', 'SUNRISE', 'MARIA III', 'possible', 'listed f.k.a. (an ordinary word: a reviewer still wants it)'),
  hit('alias', 'MAHARLIKA', 'BELEMA LIGHT CRUDE', 'possible', 'listed f.k.a.'),
  hit('alias', { name: 'OCEAN DAWN', formerNames: ['SONATA'] }, 'STREAM', 'possible', 'listed f.k.a. as a stated former name'),
  hit('alias', 'NATIVE LAND', 'NASHA', 'possible', 'listed f.k.a. of two words'),
  hit('alias', 'FIANGA', 'FOREST', 'possible', 'listed f.k.a.'),
  hit('alias', 'MAGUS', 'FREEDOM', 'possible', 'listed f.k.a.'),
  hit('alias', 'ZAP', 'BRIGHT', 'possible', 'listed f.k.a. of 3 letters'),
  // ---- listed name with a wrong IMO (another valid number, on no list) -------------------------------------------
  hit('wrong_imo', { name: 'NYMEX STAR', imo: '9246891' }, 'NYMEX STAR', 'possible', 'distinctive name, IMO not the listed one'),
  hit('wrong_imo', { name: 'GARDENIA', imo: '9588067' }, 'GARDENIA', 'possible', 'name, IMO not the listed one (a flower: judgement, still worth a look)'),
  hit('wrong_imo', { name: 'MARIANA', imo: '9489780' }, 'MARIANA', 'possible', 'name, IMO not the listed one (a common name: judgement, still worth a look)'),
  hit('wrong_imo', { name: 'HYUNDAI MIPO 2657', imo: '7384924' }, 'HYUNDAI MIPO 2657', 'possible', 'yard name, IMO not the listed one'),
  hit('wrong_imo', { name: 'SOURIA', imo: '7721768' }, 'SOURIA', 'possible', 'name, IMO not the listed one'),
  hit('wrong_imo', { name: 'BLUE WAY', imo: '8136116' }, 'BLUE WAY', 'possible', 'name of generic words, IMO not the listed one'),
  // ---- the listed IMO with another name ----------------------------------------------------------------------------
  hit('imo_wrong_name', { name: 'PRINCESS LINDA', imo: '8412467' }, 'SOUTH HILL 2', 'match', 'SOUTH HILL 2\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'CARIBBEAN DAWN', imo: '9513268' }, 'BICENTENARIO XV', 'match', 'BICENTENARIO XV\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'NIKA', imo: '9349590' }, 'BEHTA', 'match', 'BEHTA\'s IMO, renamed (short new name)'),
  hit('imo_wrong_name', { name: 'LAGO AZUL', imo: '9441178' }, 'SANDINO', 'match', 'SANDINO\'s IMO, renamed'),
  hit('imo_wrong_name', { name: 'ZAGROS', imo: 'IMO9209348' }, 'SARVIN', 'match', 'SARVIN\'s IMO written with its prefix and no space'),
  hit('imo_wrong_name', { name: 'SEA LOTUS', imo: '9305221' }, 'ARTIN', 'match', 'ARTIN\'s IMO, renamed'),
  // ---- names split or joined differently -------------------------------------------------------------------------------
  hit('split_join', 'IRANPARAK', 'IRAN PARAK', 'possible', 'words joined'),
  hit('split_join', 'IRANSHALAK', 'IRAN SHALAK', 'possible', 'words joined'),
  hit('split_join', 'IMICONEKA 457', 'IMICO NEKA 457', 'possible', 'words joined, number kept'),
  hit('split_join', 'ASIABRIDGE 1', 'ASIA BRIDGE 1', 'possible', 'words joined, number kept'),
  hit('split_join', 'MARAZUL', 'MAR AZUL', 'possible', 'words joined'),
  hit('split_join', 'PDV SA CARDON', 'PDVSA CARDON', 'possible', 'the company initials split (PDV S.A.)'),
  hit('split_join', 'GOLDSTAR 3', 'GOLD STAR 3', 'possible', 'words joined, number kept'),
  hit('split_join', 'IRANFAHIM', 'IRAN FAHIM', 'possible', 'words joined'),
  hit('split_join', 'MAH NAM', 'MAHNAM', 'possible', 'Persian compound (mah + nam) written split'),
  hit('split_join', 'GOL BON', 'GOLBON', 'possible', 'Persian compound (gol + bon) written split'),
  // ---- decoys: real ships on no list, from the AIS captures' static names ----------------------------------------------
  clear('decoy_unlisted', 'PUTFORD GUARDIAN', 'standby vessel (DMA 2010), not listed'),
  clear('decoy_unlisted', 'DREDGE OREGON', 'dredge (AMSA 2012), not listed'),
  clear('decoy_unlisted', 'VICTORIA TUJUH', 'AMSA 2012, not listed (VICTORY 2 is listed: another name)'),
  clear('decoy_unlisted', 'ASIAN EXCELSIOR', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'RTM PIIRAMU', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'VIKING AVANT', 'DMA 2010, not listed (AVANG is listed: another word)'),
  clear('decoy_unlisted', 'MANDARIN ARROW', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'KRISTIANS DALS', 'DMA 2010, not listed (CHRISTINA is a listed f.k.a.: another name)'),
  clear('decoy_unlisted', 'CHARTSMAN', 'DMA 2010, not listed (ARTMAN is listed: judgement, another word)'),
  clear('decoy_unlisted', 'SUSIE FAGAN', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'OCEAN SWAGMAN', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'GORDON V. SR.', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'SPRING PRIDE', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'RED HUSKY', 'DMA 2010, not listed'),
  clear('decoy_unlisted', 'ROMANKA', 'DMA 2010, not listed'),
  clear('decoy_unlisted', 'SPIRIT OF SOVEREIGN', 'AMSA 2012, not listed'),
  clear('decoy_unlisted', 'TORM GARONNE', 'DMA 2010, not listed'),
  clear('decoy_unlisted', 'TROUT', 'DMA 2010, not listed (TRUTH is a listed f.k.a.: another word)'),
  // ---- decoys: real ships on no list, with the IMO they broadcast ---------------------------------------------------------
  clear('decoy_imo', { name: 'SVITZER LARRAKIA', imo: '9373670' }, 'tug (AMSA 2012), its own IMO, not listed'),
  clear('decoy_imo', { name: 'HUB ENZO', imo: '9109988' }, 'AMSA 2012, its own IMO, not listed'),
  clear('decoy_imo', { name: 'SG PROSPERITY', imo: '9115705' }, 'AMSA 2012, its own IMO, not listed'),
  clear('decoy_imo', { name: 'NORDEN', imo: '9346641' }, 'DMA 2010, its own IMO, not listed'),
  clear('decoy_imo', { name: 'TERNLAND', imo: '9121699' }, 'DMA 2010, its own IMO, not listed'),
  clear('decoy_imo', { name: 'MARINERO', imo: '8949496' }, 'AMSA 2012, its own IMO, not listed (MARIVAN is listed: another word)'),
  // ---- decoys: generic words ----------------------------------------------------------------------------------------------
  clear('decoy_generic', 'SEA FALCON', 'generic words (GULF FALCON is listed)'),
  clear('decoy_generic', 'GOLDEN HARVEST', 'generic words'),
  clear('decoy_generic', 'BLUE MARLIN', 'generic words (BLUE WAY, BLUE DREAM are listed)'),
  clear('decoy_generic', 'LUCKY WIND', 'generic words (LUCKY STAR is listed)'),
  clear('decoy_generic', 'SILVER MOON', 'generic words'),
  clear('decoy_generic', 'EASTERN GLORY', 'generic words'),
  clear('decoy_generic', 'ROYAL PEARL', 'generic words'),
  clear('decoy_generic', 'CORAL SEA', 'generic words'),
  clear('decoy_generic', 'SPRING WIND', 'generic words'),
  clear('decoy_generic', 'GOLDEN LIGHT', 'generic words (BELEMA LIGHT CRUDE, GREEN LIGHT are listed)'),
  // ---- decoys: distinct names near a listed one -----------------------------------------------------------------------------
  clear('decoy_near', 'FREEDOM OF THE SEAS', 'a real cruise ship; FREEDOM is listed (judgement: the whole name is another ship)'),
  clear('decoy_near', 'FORESTER', 'another word; FOREST is listed'),
  clear('decoy_near', 'STREAMLINE', 'another word; STREAM is listed'),
  clear('decoy_near', 'MARIANNE', 'another name; MARIANA is listed'),
  clear('decoy_near', 'SOURIS', 'French word; SOURIA is listed (judgement: one letter, but another word)'),
  clear('decoy_near', 'NEGARA', 'Malay word common in ship names; NEGAR is listed'),
  clear('decoy_near', 'PARISIAN', 'English word; PARISAN is listed (judgement: one letter more, another word)'),
  clear('decoy_near', 'ARVIND', 'an Indian given name; ARVIN is listed (judgement: one letter more, another name)'),
  clear('decoy_near', 'PATRICIA', 'another name; PATRIS is listed'),
  clear('decoy_near', 'ARGONAUT', 'another word; ARGO I is listed'),
  clear('decoy_near', 'KUDOS', 'English word; KADOS is listed (judgement: one letter, another word)'),
  clear('decoy_near', 'BELGRAD', 'a city (German spelling); BEHDAD is listed'),
  clear('decoy_near', 'VIENNA', 'a city; VIANA is listed, SIENNA a listed f.k.a.'),
  clear('decoy_near', 'PARANA', 'a river; PARAND is listed'),
  clear('decoy_near', 'STELLA', 'another name; STARLA, BELLA are listed'),
  clear('decoy_near', 'CAMBRIDGE', 'a city; CALM BRIDGE is listed'),
  clear('decoy_near', 'MAR NEGRO', 'Spanish for Black Sea; MAR AZUL is listed'),
  clear('decoy_near', 'BLUE WAVE', 'generic words; BLUE WAY is listed'),
  clear('decoy_near', 'HERMANN MARWEDE', 'a German rescue cruiser; HERMANN is listed (judgement: a surname makes it another ship)'),
  clear('decoy_near', 'JIN TAO', 'another Chinese name; JIN TAI is listed (judgement: one syllable differs)'),
  // ---- decoys: unlisted numbers of listed families ----------------------------------------------------------------------------
  clear('decoy_sibling', 'AMAPOLA 3', 'the list carries AMAPOLA 1'),
  clear('decoy_sibling', 'NAM SAN 9', 'the list carries NAM SAN 8'),
  clear('decoy_sibling', 'GOLD STAR 7', 'the list carries GOLD STAR 3'),
  clear('decoy_sibling', 'HAO FAN 9', 'the list carries 2 and 6'),
  clear('decoy_sibling', 'ASIA BRIDGE 5', 'the list carries ASIA BRIDGE, ASIA BRIDGE 1 and the f.k.a. ASIA BRIDGE 2'),
  clear('decoy_sibling', 'MARIA IV', 'the list carries MARIA III'),
];
