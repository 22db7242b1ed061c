// Flags of convenience: the registries the International Transport Workers' Federation (ITF) declares
// FOCs ("Flags of convenience", itfglobal.org/en/sector/seafarers/flags-of-convenience, list as published
// 2023: 42 registers). ISO 3166-1 alpha-2 codes; the French and German second registers (FIS, GIS) and
// Bermuda/Cayman/Gibraltar as UK territories are included by their own codes where they have one.
// A FOC is a weak indicator on its own (most of the world fleet flies one); it adds to others.
export const FLAGS_OF_CONVENIENCE_SOURCE = 'ITF, Flags of convenience list (2023)';

export const FLAGS_OF_CONVENIENCE: ReadonlySet<string> = new Set([
  'AG', // Antigua and Barbuda
  'BS', // Bahamas
  'BB', // Barbados
  'BZ', // Belize
  'BM', // Bermuda (UK)
  'BO', // Bolivia
  'KH', // Cambodia
  'CM', // Cameroon
  'KY', // Cayman Islands (UK)
  'KM', // Comoros
  'CK', // Cook Islands
  'CW', // Curaçao
  'CY', // Cyprus
  'GQ', // Equatorial Guinea
  'FO', // Faroe Islands (FAS)
  'GA', // Gabon
  'GE', // Georgia
  'GI', // Gibraltar (UK)
  'HN', // Honduras
  'JM', // Jamaica
  'LB', // Lebanon
  'LR', // Liberia
  'MT', // Malta
  'MH', // Marshall Islands
  'MU', // Mauritius
  'MD', // Moldova
  'MN', // Mongolia
  'MM', // Myanmar
  'KP', // North Korea
  'PA', // Panama
  'PW', // Palau
  'ST', // São Tomé and Príncipe
  'KN', // St Kitts and Nevis
  'VC', // St Vincent and the Grenadines
  'SL', // Sierra Leone
  'LK', // Sri Lanka
  'TZ', // Tanzania (Zanzibar)
  'TG', // Togo
  'TO', // Tonga
  'VU', // Vanuatu
]);

export function isFlagOfConvenience(iso2: string | null | undefined): boolean {
  return !!iso2 && FLAGS_OF_CONVENIENCE.has(iso2.toUpperCase());
}
