// Choices for country, languages and time zone on the sign-up form. Names come from the browser's
// Intl data, so only the codes ship with the app.

/** ISO 3166-1 alpha-2, officially assigned codes. */
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** ISO 639-1 codes. */
const LANGUAGE_CODES = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en ' +
  'eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja ' +
  'jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb ' +
  'nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq ' +
  'sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

const LANGUAGE_SET = new Set(LANGUAGE_CODES);
const COUNTRY_SET = new Set(COUNTRY_CODES);

export interface Option {
  code: string;
  name: string;
}

function named(codes: readonly string[], type: 'region' | 'language', locale: string): Option[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type });
  } catch {
    names = undefined; // very old browser: show the codes themselves
  }
  return codes
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function countryOptions(locale = 'en'): Option[] {
  return named(COUNTRY_CODES, 'region', locale);
}

export function languageOptions(locale = 'en'): Option[] {
  return named(LANGUAGE_CODES, 'language', locale);
}

export function languageName(code: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The browser's first preferred language with a region, e.g. "en-NZ" → "NZ"; "" when none. */
export function defaultCountry(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const region = tag.split('-').find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
    if (region && COUNTRY_SET.has(region)) return region;
  }
  return '';
}

/** ISO 639-1 codes of the browser's preferred languages, in order, without repeats; ["en"] if none. */
export function defaultLanguages(preferred: readonly string[]): string[] {
  const codes = preferred.map((tag) => tag.split('-')[0].toLowerCase()).filter((code) => LANGUAGE_SET.has(code));
  const unique = [...new Set(codes)];
  return unique.length > 0 ? unique : ['en'];
}

export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** All IANA zones the browser knows, always including `current`. */
export function timeZoneOptions(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Birth years offered: from 100 years ago to 4 years ago, newest first. */
export function birthYearRange(currentYear: number): { min: number; max: number } {
  return { min: currentYear - 100, max: currentYear - 4 };
}
