// Words so common in ship names that sharing them says nothing about identity. A name made only of these
// words matches only when it is the same name; a name with distinctive words must agree on those words.
// Drawn from the most frequent words in the OFAC/UN vessel names and common ship-naming vocabulary
// (English marine words, colours, virtues; pinyin words common in Chinese ship names).
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  // marine / geography
  'SEA', 'SEAS', 'OCEAN', 'OCEANIC', 'MARINE', 'MARITIME', 'BAY', 'GULF', 'CAPE', 'ISLAND', 'HARBOUR', 'HARBOR', 'PORT',
  'PACIFIC', 'ATLANTIC', 'ASIA', 'ASIAN', 'ORIENT', 'ORIENTAL', 'EAST', 'WEST', 'NORTH', 'SOUTH', 'NORTHERN', 'SOUTHERN',
  'WAVE', 'WAVES', 'WIND', 'STREAM', 'RIVER', 'LAKE', 'BRIDGE', 'WAY', 'HILL', 'CLIFF', 'WORLD', 'GLOBAL', 'GLOBE',
  'INTERNATIONAL', 'EXPRESS', 'TRADER', 'TRADING', 'CARRIER', 'TANKER', 'SHIPPING', 'NAVIGATOR', 'VOYAGER', 'EXPLORER',
  'PIONEER', 'STAR', 'STARS', 'SUN', 'SUNRISE', 'SUNSHINE', 'MOON', 'SKY', 'LIGHT', 'DAWN', 'HORIZON',
  // colours and materials
  'BLUE', 'GREEN', 'WHITE', 'BLACK', 'RED', 'GOLD', 'GOLDEN', 'SILVER', 'DIAMOND', 'PEARL', 'JADE', 'EMERALD', 'CRYSTAL',
  // virtues and fortune
  'GLORY', 'GLORIOUS', 'LUCKY', 'LUCK', 'FORTUNE', 'FORTUNA', 'PROSPERITY', 'SUCCESS', 'VICTORY', 'HOPE', 'PEACE',
  'HARMONY', 'UNITY', 'FRIENDSHIP', 'FREEDOM', 'DESTINY', 'HAPPINESS', 'HAPPY', 'BRIGHT', 'GRACE', 'SPIRIT', 'PRIDE',
  'DREAM', 'TREASURE', 'CHAMPION', 'PRECIOUS', 'MAJESTIC', 'NOBLE', 'BRAVE', 'LOYAL', 'HONESTY', 'COURAGE', 'VALOR',
  'TRUTH', 'SPLENDOUR', 'SPLENDOR', 'SUPERIOR', 'ELITE', 'INFINITY', 'ETERNITY', 'EVER',
  // rank and size
  'GRAND', 'GREAT', 'NEW', 'ROYAL', 'KING', 'QUEEN', 'PRINCE', 'PRINCESS', 'EMPEROR', 'EMPRESS', 'MASTER', 'CAPTAIN',
  'BIG', 'SUPER', 'MEGA', 'FIRST', 'ONE',
  // pinyin words frequent in Chinese ship names (sea, gold, prosper, peace, fortune, great, east, long...)
  'HAI', 'JIN', 'XIN', 'XING', 'HUA', 'FU', 'SHUN', 'FENG', 'YUAN', 'HONG', 'LONG', 'TONG',
  // Korean "ho" (ship No.)
  'HO',
]);

export function isGenericWord(word: string): boolean {
  return GENERIC_NAME_WORDS.has(word);
}
