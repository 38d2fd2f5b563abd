/** Offsets of IANA zones at a given wall-clock time, via Intl (no tz database of our own). */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

export function isValidZone(zone: string): boolean {
  return formatterFor(zone) !== null;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What format() gives for these options in en-US: "6/1/2023, 08:05:09". */
const FORMATTED = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/**
 * The formatter's fields at an instant, as formatToParts gives them (hour as printed). Read from format()'s string:
 * formatToParts builds an object per field and costs three times as much. Anything else (an invalid instant, a
 * year the pattern does not expect) goes through formatToParts as before.
 */
function fieldsAt(f: Intl.DateTimeFormat, utcMs: number): Fields {
  const date = new Date(utcMs);
  const m = Number.isNaN(date.getTime()) ? null : FORMATTED.exec(f.format(date));
  if (m) return { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(date)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/**
 * Offsets already read, per formatter and instant: a page's dates are read several times over (element and line
 * passes, the pick, the output's formatting), and each read asks Intl for the zone's clock twice. Exact (keyed by
 * the instant itself); emptied past OFFSETS_KEPT instants so a long-running crawl does not grow it.
 */
const offsets = new Map<Intl.DateTimeFormat, Map<number, number>>();
const OFFSETS_KEPT = 4096;

/** Offset (minutes east of UTC) of `zone` at the instant `utcMs`. */
function offsetAt(f: Intl.DateTimeFormat, utcMs: number): number {
  let known = offsets.get(f);
  if (known === undefined) offsets.set(f, (known = new Map()));
  let offset = known.get(utcMs);
  if (offset !== undefined) return offset;
  const p = fieldsAt(f, utcMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  offset = Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
  if (known.size >= OFFSETS_KEPT) known.clear();
  known.set(utcMs, offset);
  return offset;
}

/** Offset (minutes) that `zone` has at the local wall time given; 0 for an unknown zone. */
export function zoneOffsetForLocal(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const f = formatterFor(zone);
  if (!f) return 0;
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = offsetAt(f, guess);
  // Second pass settles times near a DST switch.
  return offsetAt(f, guess - first * 60000);
}

/** Zone abbreviations → IANA zone (DST-aware) or fixed offset (minutes). Ambiguous ones are settled by zoneFromAbbreviation. */
export const ZONE_ABBREVIATIONS: Record<string, string | number> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0,
  ET: 'America/New_York', EST: -300, EDT: -240,
  CT: 'America/Chicago', CST: -360, CDT: -300,
  MT: 'America/Denver', MST: -420, MDT: -360,
  PT: 'America/Los_Angeles', PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  BST: 60, IST: 330, CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60, MSK: 180,
  JST: 540, KST: 540, HKT: 480, SGT: 480, MYT: 480, PHT: 480, PHST: 480, AWST: 480, BJT: 480, ICT: 420, WIB: 420,
  PKT: 300, GST: 240, SAST: 120, CAT: 120, EAT: 180, WAT: 60,
  AEST: 600, AEDT: 660, ACST: 570, ACDT: 630, NZST: 720, NZDT: 780,
  北京时间: 480, 香港时间: 480, 台北时间: 480, 澳门时间: 480, 东京时间: 540, 首尔时间: 540,
  美东时间: 'America/New_York', 美国东部时间: 'America/New_York', 美西时间: 'America/Los_Angeles', 美国西部时间: 'America/Los_Angeles',
  伦敦时间: 'Europe/London', 巴黎时间: 'Europe/Paris', 莫斯科时间: 180,
  格林尼治标准时间: 0, 格林威治标准时间: 0, 格林尼治时间: 0, 格林威治时间: 0, 格林尼治標準時間: 0, 格林威治標準時間: 0,
};

/** Zones in which "CST" means China Standard Time. */
const CHINA_ZONES = /^Asia\/(?:Shanghai|Chongqing|Harbin|Urumqi|Hong_Kong|Macau|Taipei)$|^PRC$|^ROC$/;

/**
 * The offset an abbreviation stands for, read in context: "CST" on a Chinese page (or a source in a China zone) is
 * China Standard Time (+08:00), elsewhere US Central; "IST" is Irish in Dublin, Israeli in Jerusalem, else India;
 * "BST" is Bangladesh in Dhaka, London's clock in London (a template that prints "BST" all year shows GMT in winter),
 * else British Summer Time; "AST" is Arabia in the Gulf, else Atlantic. The zone is the page's, or for a page read in
 * UTC the clock its country or language keeps (shownClockZone: "11:48 IST" on an Irish page is Irish time).
 */
export function zoneFromAbbreviation(abbr: string, ctx: { timezone: string; lang?: string; shownZone?: string }): string | number | undefined {
  const upper = abbr.toUpperCase();
  const zone = ctx.shownZone ?? ctx.timezone;
  const zh = /^zh/i.test(ctx.lang ?? '') || CHINA_ZONES.test(zone);
  switch (upper) {
    case 'CST':
      if (zh) return 480;
      if (zone === 'America/Havana') return -300;
      return -360;
    case 'IST':
      if (zone === 'Europe/Dublin') return 60;
      if (zone === 'Asia/Jerusalem' || zone === 'Asia/Tel_Aviv' || /^he/i.test(ctx.lang ?? '')) return 120;
      return 330;
    case 'BST':
      return zone === 'Asia/Dhaka' ? 360 : zone === 'Europe/London' ? zone : 60;
    case 'AST':
      return /^Asia\/(?:Riyadh|Kuwait|Baghdad|Qatar|Bahrain|Aden)$/.test(zone) || /^ar/i.test(ctx.lang ?? '') ? 180 : -240;
    default:
      return ZONE_ABBREVIATIONS[upper] ?? ZONE_ABBREVIATIONS[abbr];
  }
}

/**
 * The zone to assume when the caller gave none: the page's language or country domain says where a Chinese,
 * Japanese or Korean page's clock is; anything else stays UTC.
 */
export function inferTimezone(lang: string | undefined, url: string): string | undefined {
  const host = hostOf(url);
  const l = (lang ?? '').toLowerCase();
  const { language, region, script } = langParts(l);
  const zhIn = (r: string) => language === 'zh' && region === r;
  if (/\.tw$/.test(host) || zhIn('tw') || (language === 'zh' && !region && script === 'hant')) return 'Asia/Taipei';
  if (/\.hk$/.test(host) || zhIn('hk')) return 'Asia/Hong_Kong';
  if (/\.mo$/.test(host) || zhIn('mo')) return 'Asia/Macau';
  if (/\.sg$/.test(host) || zhIn('sg')) return 'Asia/Singapore';
  if (/\.cn$/.test(host) || /^zh/.test(l)) return 'Asia/Shanghai';
  if (/\.jp$/.test(host) || /^ja/.test(l)) return 'Asia/Tokyo';
  if (/\.kr$/.test(host) || /^ko/.test(l)) return 'Asia/Seoul';
  return undefined;
}

/** Wall-clock fields of the instant `utcMs` in `zone` (UTC for an unknown zone). */
export function wallClock(zone: string, utcMs: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const f = formatterFor(zone) ?? formatterFor('UTC')!;
  const p = fieldsAt(f, utcMs);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second };
}

/**
 * Country codes whose news is written on one clock (single-zone countries, or one zone by far the largest): the
 * domain's country, or the region of the page's language tag ("fr-FR", "en-GB"). Countries spanning several zones
 * (US, Canada, Brazil, Australia, Russia, Indonesia) are left out: a wrong zone is worse than none there.
 */
const COUNTRY_ZONES: Record<string, string> = {
  at: 'Europe/Vienna', de: 'Europe/Berlin', ch: 'Europe/Zurich', li: 'Europe/Vaduz', fr: 'Europe/Paris', be: 'Europe/Brussels',
  lu: 'Europe/Luxembourg', nl: 'Europe/Amsterdam', it: 'Europe/Rome', es: 'Europe/Madrid', pt: 'Europe/Lisbon', ie: 'Europe/Dublin',
  uk: 'Europe/London', gb: 'Europe/London', dk: 'Europe/Copenhagen', no: 'Europe/Oslo', se: 'Europe/Stockholm', fi: 'Europe/Helsinki',
  is: 'Atlantic/Reykjavik', pl: 'Europe/Warsaw', cz: 'Europe/Prague', sk: 'Europe/Bratislava', hu: 'Europe/Budapest',
  si: 'Europe/Ljubljana', hr: 'Europe/Zagreb', rs: 'Europe/Belgrade', ba: 'Europe/Sarajevo', ro: 'Europe/Bucharest',
  bg: 'Europe/Sofia', gr: 'Europe/Athens', cy: 'Asia/Nicosia', ee: 'Europe/Tallinn', lv: 'Europe/Riga', lt: 'Europe/Vilnius',
  ua: 'Europe/Kyiv', tr: 'Europe/Istanbul', il: 'Asia/Jerusalem', lb: 'Asia/Beirut', eg: 'Africa/Cairo', za: 'Africa/Johannesburg',
  ls: 'Africa/Maseru', tz: 'Africa/Dar_es_Salaam', ke: 'Africa/Nairobi', ng: 'Africa/Lagos', in: 'Asia/Kolkata', pk: 'Asia/Karachi',
  nz: 'Pacific/Auckland', ph: 'Asia/Manila', my: 'Asia/Kuala_Lumpur', th: 'Asia/Bangkok', vn: 'Asia/Ho_Chi_Minh', ar: 'America/Argentina/Buenos_Aires',
  cl: 'America/Santiago', co: 'America/Bogota', pe: 'America/Lima',
};

/** Languages spoken on one clock (by far mostly): a page in them without a country says where its clock is. */
const LANGUAGE_ZONES: Record<string, string> = {
  de: 'Europe/Berlin', nl: 'Europe/Amsterdam', it: 'Europe/Rome', pl: 'Europe/Warsaw', cs: 'Europe/Prague', sk: 'Europe/Bratislava',
  hu: 'Europe/Budapest', sl: 'Europe/Ljubljana', hr: 'Europe/Zagreb', ro: 'Europe/Bucharest', bg: 'Europe/Sofia', el: 'Europe/Athens',
  da: 'Europe/Copenhagen', sv: 'Europe/Stockholm', nb: 'Europe/Oslo', nn: 'Europe/Oslo', no: 'Europe/Oslo', fi: 'Europe/Helsinki',
  et: 'Europe/Tallinn', lv: 'Europe/Riga', lt: 'Europe/Vilnius', uk: 'Europe/Kyiv', tr: 'Europe/Istanbul', he: 'Asia/Jerusalem', is: 'Atlantic/Reykjavik',
};

/**
 * The clock a page's shown, zone-less times are on when no zone was given or inferred (inferTimezone): the domain's
 * country, else the language tag's region, else the language. Only for times the page shows as text: a machine
 * timestamp without an offset may be the server's UTC.
 */
export function shownClockZone(lang: string | undefined, url: string): string | undefined {
  const country = countryOfHost(url);
  const { language, region } = langParts((lang ?? '').toLowerCase());
  return (country && COUNTRY_ZONES[country]) || (region && COUNTRY_ZONES[region]) || (language && LANGUAGE_ZONES[language]) || undefined;
}

/**
 * Country codes that are sold as generic names too ("example.co", "stream.tv", "this.is", "start.in"): they name a
 * country only under its second-level names ("example.com.co", "example.co.in", "example.co.tz").
 */
const GENERIC_TOO = new Set(['co', 'in', 'is', 'io', 'tv', 'me', 'ai', 'ly', 'fm', 'to', 'cc', 'ws', 'ls', 'tz', 'la', 'am', 'gg', 'sh', 'st']);
const SECOND_LEVEL = /(?:^|\.)(?:com?|org|net|gov|edu|ac|or|ne|nic|news|info)\.[a-z]{2}$/;

/** The country a URL's domain names (two letters), or undefined for generic domains and bare hosts. */
function countryOfHost(url: string): string | undefined {
  const host = hostOf(url);
  const tld = /\.([a-z]{2})$/.exec(host)?.[1];
  if (!tld || (GENERIC_TOO.has(tld) && !SECOND_LEVEL.test(host))) return undefined;
  return tld;
}

/** A lower-cased language tag's parts: "zh-hant-tw" → zh, hant, tw; "sr-latn-rs" → sr, latn, rs; "de" → de. */
function langParts(tag: string): { language: string; script?: string; region?: string } {
  const [language, ...subtags] = tag.split(/[-_]/);
  return { language, script: subtags.find((t) => t.length === 4), region: subtags.find((t) => /^(?:[a-z]{2}|\d{3})$/.test(t)) };
}

/** The URL's host name, lower-cased; empty for no URL (the language alone decides then). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
