// Hard screening cases written by hand on real listed names (the OFAC 2021 fixture), for what the
// generated corpora (screen-corpus.ts, party-corpus.ts) cannot show: real romanisations, real legal forms
// and real renames. How each group was made:
// - korean_rr: DPRK ship names as OFAC writes them (McCune-Reischauer without breves) rewritten from their
//   Hangul in South Korea's Revised Romanization (천마산 CHON MA SAN -> CHEONMA SAN; 금 KUM -> GEUM,
//   ㅓ O -> EO, ㅡ U -> EU, aspirated PH/TH -> P/T, plain P/T/K -> B/D/G at a word's start) and in DPRK's
//   own run-together register spelling. One query per ship, spelt as a South Korean or Chinese agent's
//   fleet list would.
// - cyrillic / russian_translit: Russian names in Cyrillic (as a Russian registry writes them) and in the
//   German, French and ISO 9 romanisations (ZHUKOW, JOUKOV, GOR'KIJ) a European broker's list may use.
// - persian_translit: Iranian names in the other English spellings of the same Persian vowels
//   (OU / OO / U, EE / I, GH / Q, a final silent H).
// - legal_form: listed firms with their legal form spelt out, abbreviated, moved to the front or changed
//   for its local equivalent (FZC / FZCO / FZE, S.A. / SA, JSC / AO).
// - rename: renamed ships (OFAC "f.k.a."): the old name alone, the "NEW (EX OLD)" style, the new name
//   stated with the old one as a former name, and a new unlisted name with the IMO.
// - decoy_*: real companies and ships on no 2021 list whose names look like listed ones (South Korean and
//   Russian shipping firms, Russian and Korean ship names): a reviewer would clear each.
// Expected entries are named by their listed name; bench/screen-hard.ts resolves them to entry ids.
import type { ScreenQuery } from '../src/screening/types.js';

export interface HardCase {
  kind: string;
  query: ScreenQuery;
  /** The OFAC 2021 entry's listed name, or null when the query must stay clear. */
  expect: string | null;
}

const ship = (kind: string, name: string, expect: string | null): HardCase => ({ kind, query: { name }, expect });
const owner = (kind: string, name: string, expect: string | null): HardCase => ({ kind, query: { owner: name }, expect });

export const HARD_CASES: HardCase[] = [
  // Korean: Revised Romanization of the Hangul, and DPRK register spellings.
  ship('korean_rr', 'CHEONGCHEON GANG', 'CHONG CHON GANG'),
  ship('korean_rr', 'HWANGGEUM SAN 2', 'HWANG GUM SAN 2'),
  ship('korean_rr', 'BOTONG GANG', 'PO THONG GANG'),
  ship('korean_rr', 'BIRYU GANG', 'PI RUY GANG'),
  ship('korean_rr', 'DAEDONG GANG', 'TAE DONG GANG'),
  ship('korean_rr', 'TAEPYEONG SAN', 'THAE PYONG SAN'),
  ship('korean_rr', 'CHEONGBONG', 'CHONG BONG'),
  ship('korean_rr', 'HOERYEONG', 'HOE RYONG'),
  ship('korean_rr', 'RYEOMYEONG', 'RYO MYONG'),
  ship('korean_rr', 'JARYEOK 2', 'ZA RYOK 2'),
  ship('korean_rr', 'YUSEONG 12', 'YU SONG 12'),
  ship('korean_rr', 'JANGGYEONG', 'JANG GYONG'),
  ship('korean_rr', 'GEUMSEONG 3', 'KUM SONG 3'),
  ship('korean_rr', 'GEUMEUNSAN 3', 'KUM UN SAN 3'),
  ship('korean_rr', 'BUHEUNG 1', 'PU HUNG 1'),
  ship('korean_rr', 'GANGSEONG 1', 'KANG SONG 1'),
  ship('korean_rr', 'EUNRYUL', 'UN RYUL'),
  ship('korean_rr', 'CHEONMYEONG 1', 'CHON MYONG 1'),
  ship('korean_rr', 'CHEONMA SAN', 'CHON MA SAN'),
  ship('korean_rr', 'GEUMGANG 3', 'KUM GANG 3'),
  ship('korean_rr', 'YUPYEONG 5', 'YU PHYONG 5'),
  ship('korean_rr', 'SAMJEONG 1', 'SAM JONG 1'),
  ship('korean_rr', 'JISEONG 6', 'JI SONG 6'),
  ship('korean_rr', 'EULJIBONG 6', 'UL JI BONG 6'),
  ship('korean_rr', 'DEOKCHEON', 'DOK CHON'),
  ship('korean_rr', 'RYESEONG GANG 1', 'RYE SONG GANG 1'),
  ship('korean_rr', 'OUN CHEONGNYEON HO', 'O UN CHONG NYON HO'),
  ship('korean_register', 'CHONGCHONGANG', 'CHONG CHON GANG'),
  ship('korean_register', 'RYESONGGANG 1', 'RYE SONG GANG 1'),
  ship('korean_register', 'HAPJANGGANG 6', 'HAP JANG GANG 6'),
  ship('korean_register', 'ULJIBONG 6', 'UL JI BONG 6'),
  ship('korean_register', 'RUNGRADO', 'RUNG RA DO'),
  ship('korean_register', 'SOBAEKSAN', 'SO BAEK SAN'),
  ship('korean_register', 'YANGGAKDO', 'YANG GAK DO'),
  owner('korean_register', 'CHONG CHON GANG SHIPPING COMPANY LIMITED', 'CHONGCHONGANG SHIPPING COMPANY LIMITED'),
  owner('korean_register', 'Korea Kum Un San Shipping Company', 'KOREA KUMUNSAN SHIPPING CO'),
  owner('korean_register', 'THAE PHYONG SAN SHIPPING CO., LTD.', 'THAEPHYONGSAN SHIPPING CO LTD'),
  owner('korean_rr', 'TAEPYEONGSAN SHIPPING CO LTD', 'THAEPHYONGSAN SHIPPING CO LTD'),
  owner('korean_rr', 'HOERYEONG SHIPPING CO LTD', 'HOERYONG SHIPPING CO LTD'),
  owner('korean_rr', 'KOREA GEUMEUNSAN SHIPPING CO', 'KOREA KUMUNSAN SHIPPING CO'),

  // Russian: Cyrillic and other romanisations.
  ship('cyrillic', 'МАРШАЛ ЖУКОВ', 'MARSHAL ZHUKOV'),
  ship('cyrillic', 'СТАЛИНГРАД', 'STALINGRAD'),
  ship('cyrillic', 'МАКСИМ ГОРЬКИЙ', 'MAKSIM GORKY'),
  owner('cyrillic', 'АО «Трансфлот»', 'TRANS-FLOT JSC'),
  owner('cyrillic', 'Акционерное общество "Транс-Флот"', 'TRANS-FLOT JSC'),
  ship('russian_translit', 'MARSHAL ZHUKOW', 'MARSHAL ZHUKOV'),
  ship('russian_translit', 'MARSHAL JOUKOV', 'MARSHAL ZHUKOV'),
  ship('russian_translit', 'MAKSIM GORKIY', 'MAKSIM GORKY'),
  ship('russian_translit', 'MAKSIM GOR\'KIJ', 'MAKSIM GORKY'),
  ship('russian_translit', 'MAXIM GORKY', 'MAKSIM GORKY'),
  owner('russian_translit', 'AO TRANSFLOT', 'TRANS-FLOT JSC'),
  owner('russian_translit', 'AKTSIONERNOE OBSHCHESTVO TRANS-FLOT', 'TRANS-FLOT JSC'),

  // Persian spellings.
  ship('persian_translit', 'FIROOZEH', 'FIROUZEH'),
  ship('persian_translit', 'FIRUZEH', 'FIROUZEH'),
  ship('persian_translit', 'ZOMOROD', 'ZOMOROUD'),
  ship('persian_translit', 'YAGHOOB', 'YAGHOUB'),
  ship('persian_translit', 'YUSEF', 'YOUSEF'),
  ship('persian_translit', 'SHABGOON', 'SHABGOUN'),
  ship('persian_translit', 'AZARGOON', 'AZARGOUN'),
  ship('persian_translit', 'GOLAFROOZ', 'GOLAFRUZ'),
  ship('persian_translit', 'TOLOO', 'TOLOU'),
  ship('persian_translit', 'NEGIN', 'NEGEEN'),
  ship('persian_translit', 'IRAN SHALAMCHE', 'IRAN SHALAMCHEH'),
  ship('persian_translit', 'VAL FAJR 2', 'VALFAJR2'),
  ship('persian_translit', 'IRAN FALAQ', 'IRAN FALAGH'),
  ship('persian_translit', 'IRAN HORMOZ 25', 'IRAN HORMUZ 25'),

  // Legal forms of listed firms.
  owner('legal_form', 'National Iranian Tanker Co.', 'NATIONAL IRANIAN TANKER COMPANY'),
  owner('legal_form', 'OCEAN MARITIME MANAGEMENT CO., LTD.', 'OCEAN MARITIME MANAGEMENT COMPANY LIMITED'),
  owner('legal_form', 'DENA TANKERS FZCO', 'DENA TANKERS FZE'),
  owner('legal_form', 'SAMBOUK SHIPPING FZE', 'SAMBOUK SHIPPING FZC'),
  owner('legal_form', 'Milenyum Energy SA', 'MILENYUM ENERGY S.A.'),
  owner('legal_form', 'JSC TRANSFLOT', 'TRANS-FLOT JSC'),
  owner('legal_form', 'GRACE BAY SHIPPING INCORPORATED', 'GRACE BAY SHIPPING INC'),
  owner('legal_form', 'HAPJANGGANG SHIPPING CORPORATION', 'HAPJANGGANG SHIPPING CORP'),
  owner('legal_form', 'MIRIM SHIPPING COMPANY LIMITED', 'MIRIM SHIPPING CO LTD'),
  owner('legal_form', 'Davar Shipping Company Limited', 'DAVAR SHIPPING CO LTD'),
  owner('legal_form', 'GARBIN NAVIGATION LIMITED', 'GARBIN NAVIGATION LTD'),
  owner('legal_form', 'KOREA UNPHA SHIPPING AND TRADING CO', 'KOREA UNPHA SHIPPING & TRADING'),
  owner('legal_form', 'NATIONAL IRANIAN OIL REFINING AND DISTRIBUTION CO', 'NATIONAL IRANIAN OIL REFINING AND DISTRIBUTION COMPANY'),

  // Renamed ships.
  ship('rename', 'GRACE 1', 'ADRIAN DARYA 1'),
  ship('rename', 'ADRIAN DARYA 1 (EX GRACE 1)', 'ADRIAN DARYA 1'),
  ship('rename', 'DARYA (EX-GRACE 1)', 'ADRIAN DARYA 1'),
  ship('rename', 'MAXIMO GORKI', 'MAKSIM GORKY'),
  ship('rename', 'GERD KNUTSEN', 'DOMANI'),
  ship('rename', 'RISE GLORY', 'SOLAN'),
  ship('rename', 'GULF FALCON', 'LONGBOW LAKE'),
  { kind: 'rename', query: { name: 'SEA PEARL', formerNames: ['KAMILA'] }, expect: 'BONITA QUEEN' },
  { kind: 'rename', query: { name: 'PACIFIC BRIDGE', imo: '9105906' }, expect: 'BONITA QUEEN' },
  { kind: 'rename', query: { name: 'ORIENT STAR', imo: 'IMO 9116412' }, expect: 'ADRIAN DARYA 1' },

  // Decoys: real firms and ships on no 2021 list.
  owner('decoy_firm', 'SOVCOMFLOT', null),
  owner('decoy_firm', 'ПАО «Совкомфлот»', null),
  owner('decoy_firm', 'NOVOROSSIYSK SHIPPING COMPANY', null),
  owner('decoy_firm', 'PRIMORSK SHIPPING CORPORATION', null),
  owner('decoy_firm', 'FAR EASTERN SHIPPING COMPANY PLC', null),
  owner('decoy_firm', 'VOLGA SHIPPING JSC', null),
  owner('decoy_firm', 'HYUNDAI MERCHANT MARINE CO LTD', null),
  owner('decoy_firm', 'PAN OCEAN CO LTD', null),
  owner('decoy_firm', 'KOREA LINE CORPORATION', null),
  owner('decoy_firm', 'KOREA MARINE TRANSPORT CO LTD', null),
  owner('decoy_firm', 'SK SHIPPING CO LTD', null),
  owner('decoy_firm', 'SINOKOR MERCHANT MARINE CO LTD', null),
  owner('decoy_firm', 'HEUNG-A SHIPPING CO LTD', null),
  owner('decoy_firm', 'POLARIS SHIPPING CO LTD', null),
  owner('decoy_firm', 'H-LINE SHIPPING CO LTD', null),
  owner('decoy_firm', 'DAEHAN SHIPPING CO LTD', null),
  owner('decoy_firm', 'IRAN KHODRO', null),
  owner('decoy_firm', 'SCORPIO TANKERS INC', null),
  owner('decoy_firm', 'EURONAV NV', null),
  owner('decoy_firm', 'FRONTLINE LTD', null),
  owner('decoy_firm', 'TEEKAY CORPORATION', null),
  owner('decoy_firm', 'DYNACOM TANKERS MANAGEMENT LTD', null),
  ship('decoy_ship', 'AKADEMIK LOMONOSOV', null),
  ship('decoy_ship', 'KAPITAN KHLEBNIKOV', null),
  ship('decoy_ship', 'SHTURMAN ALBANOV', null),
  ship('decoy_ship', 'VLADIMIR RUSANOV', null),
  ship('decoy_ship', 'MIKHAIL ULYANOV', null),
  ship('decoy_ship', 'MARSHAL ROKOSSOVSKIY', null),
  ship('decoy_ship', 'LENINGRAD', null),
  ship('decoy_ship', 'NIKOLAY ZUYEV', null),
  ship('decoy_ship', 'АКАДЕМИК ФЕДОРОВ', null),
  ship('decoy_ship', 'HYUNDAI BUSAN', null),
  ship('decoy_ship', 'PAN ACACIA', null),
  ship('decoy_ship', 'HANJIN SUEZ', null),
  ship('decoy_ship', 'SINOKOR TOKYO', null),
  ship('decoy_ship', 'DONGJIN VENUS', null),
  ship('decoy_ship', 'SEOUL EXPRESS', null),
  ship('decoy_ship', 'HALLA SAN', null),
  ship('decoy_ship', 'JIRI SAN', null),
  ship('decoy_ship', 'SORAK', null),
  ship('decoy_ship', 'FIROZA', null),
  ship('decoy_ship', 'SHIRAZ', null),
  ship('decoy_ship', 'ADRIATIC SEA', null),
];
