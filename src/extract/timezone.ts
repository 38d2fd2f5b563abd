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

/** Offset (minutes east of UTC) of `zone` at the instant `utcMs`. */
function offsetAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
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

/** Common English zone abbreviations → IANA zone or fixed offset (minutes). */
export const ZONE_ABBREVIATIONS: Record<string, string | number> = {
  UTC: 0, GMT: 0, Z: 0,
  ET: 'America/New_York', EST: -300, EDT: -240,
  CT: 'America/Chicago', CST: -360, CDT: -300,
  MT: 'America/Denver', MST: -420, MDT: -360,
  PT: 'America/Los_Angeles', PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  BST: 60, IST: 330, CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60,
  JST: 540, KST: 540, HKT: 480, SGT: 480, AEST: 600, AEDT: 660, ACST: 570, AWST: 480, NZST: 720, NZDT: 780,
  北京时间: 480,
};
