/**
 * Relative dates, resolved against a caller-supplied "now" in the page's zone: "3 hours ago", "just now",
 * "yesterday at 2:20 PM", "刚刚", "2小时前", "5分钟前", "今天 14:20", "昨天 14:20", "前天", and their European
 * counterparts ("vor 3 Stunden", "il y a 2 heures", "hace 3 horas", "2 ore fa", "heute, 12:34 Uhr", "ayer a las 9:05"). Only digits and
 * a/an are read as counts ("two days ago" in prose is not a timestamp). Without `now` nothing here runs, so
 * extraction stays deterministic.
 */
import type { DateParts } from './dates-parts.js';
import { wallClock } from './timezone.js';

const UNIT_MS: Record<string, number> = {
  s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000,
};

const EN_AGO = /(?:^|[^\w])(\d{1,3}|an?|one)\s?(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?)\s+ago\b/i;
const ZH_AGO = /(\d{1,3}|半|一|两|几)\s?(秒钟?|分钟|小时|个小时|天|日|周|星期)前/;
const JUST_NOW = /^(?:刚刚|刚才|just now|moments? ago|now)$|(?:^|\s)(?:刚刚|just now)(?:\s|$)/i;

/*
 * The same in the languages of the European press. A count before its unit after a word ("vor 3 Stunden", "il y a
 * 2 heures", "hace 3 horas", "há 2 dias", "před 2 hodinami", "för 3 timmar sedan", "for 3 timer siden") or a count
 * and unit before a word ("2 ore fa", "3 uur geleden", "2 godziny temu", "3 saat önce", "3 tuntia sitten").
 */
const EU_AGO_BEFORE = /(?:^|[^\p{L}])(?:vor|il y a|hace|há|před|för|for)\s+(\d{1,3}|einer?|einem|une?|una?|uma?)\s+(\p{L}+)/iu;
const EU_AGO_AFTER = /(?:^|[^\p{L}\d])(\d{1,3}|un|una|een|jeden|jedna)\s+(\p{L}+)\s+(?:fa|geleden|temu|önce|sitten|sedan|siden)(?![\p{L}])/iu;
/** Czech and German singulars without a count: "před hodinou", "vor einer Stunde" is read above. */
const EU_AGO_ONE = /(?:^|[^\p{L}])před\s+(minutou|hodinou|týdnem)(?![\p{L}])/iu;
const EU_JUST_NOW = /^(?:gerade eben|soeben|à l'instant|ahora mismo|agora mesmo|proprio ora|zojuist|przed chwilą|právě teď|nyss|nettopp|az önce)$/iu;
/** Units by the start of their word in any of those languages (plurals and cases included). */
const EU_UNITS: Array<[RegExp, string]> = [
  [/^(?:sek|sec|seg|sani)/iu, 's'],
  [/^(?:min|dakika)/iu, 'm'],
  [/^(?:stund|heure|hora|or[ae]$|uur|godzin|hodin|timm|timer?$|saat|tunti)/iu, 'h'],
  [/^(?:tag|jour|d[ií]as?$|giorn|dag|dni|dzie|dny|dnem|gün|päiv)/iu, 'd'],
  [/^(?:woch|semain|semana|settiman|week|weken|tydz|tygod|týd|veck|uke|uge|hafta|viik)/iu, 'w'],
];
const EU_ONE = /^(?:einer?|einem|une?|una?|uma?|een|jeden|jedna)$/iu;
/**
 * Today, yesterday, the day before, with an optional clock ("heute, 12:34 Uhr", "hier à 14h20", "ayer a las 9:05").
 * French "hier" is German and Dutch "here": read only with a clock after it or alone.
 */
const EU_DAY = /(?:^|[^\p{L}])(heute|gestern|vorgestern|aujourd'hui|avant-hier|hier|hoy|ayer|anteayer|hoje|ontem|oggi|ieri|vandaag|gisteren|dzisiaj|dziś|wczoraj|dnes|včera|idag|i dag|igår|i går|bugün|dün|tänään|eilen)(?![\p{L}])(?:[,\s]*(?:um|à|a las|às|alle|om|o|v|kl\.?|klo|saat)?\s*(\d{1,2})[:.h](\d{2}))?/iu;
const EU_BACK: Record<string, number> = {
  gestern: 1, hier: 1, ayer: 1, ontem: 1, ieri: 1, gisteren: 1, wczoraj: 1, včera: 1, igår: 1, 'i går': 1, dün: 1, eilen: 1,
  vorgestern: 2, 'avant-hier': 2, anteayer: 2,
};

function euUnit(word: string): string | undefined {
  for (const [re, unit] of EU_UNITS) if (re.test(word)) return unit;
  return undefined;
}
const EN_DAY = /\b(today|yesterday)\b(?:,?\s*(?:at\s*)?(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?/i;
const ZH_DAY = /(今天|今日|昨天|昨日|前天)\s*(?:(上午|下午|晚上|凌晨|早上|中午)\s*)?(?:(\d{1,2})\s?[:：时]\s?(\d{1,2}))?/;

function unitOf(word: string): string | undefined {
  const w = word.toLowerCase();
  if (/^(?:sec|秒)/.test(w)) return 's';
  if (/^(?:min|分)/.test(w)) return 'm';
  if (/^(?:h|小时|个小时)/.test(w)) return 'h';
  if (/^(?:d|天|日)/.test(w)) return 'd';
  if (/^(?:w|周|星期)/.test(w)) return 'w';
  return undefined;
}

function countOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  if (/^(?:an?|one|一)$/i.test(word)) return 1;
  if (word === '两') return 2;
  if (word === '半') return 0.5;
  return undefined;
}

function at(ms: number, zone: string, precision: 'minute' | 'day'): DateParts {
  const w = wallClock(zone, ms);
  if (precision === 'day') return { year: w.year, month: w.month, day: w.day };
  return { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute };
}

/** 12-hour clock to 24: "pm", "下午", "晚上" add 12; "12 am" / "凌晨12点" is 0; "中午1点" is 13. */
export function to24h(hour: number, marker: string | undefined): number {
  if (!marker) return hour;
  const m = marker.toLowerCase().replace(/\./g, '');
  if ((m === 'pm' || m === '下午' || m === '晚上' || m === '晚') && hour < 12) return hour + 12;
  if ((m === 'am' || m === '凌晨' || m === '上午' || m === '早上') && hour === 12) return 0;
  if (m === '中午' && hour < 11) return hour + 12;
  return hour;
}

/** A relative date in `text`, as wall-clock parts in `zone`, or undefined. */
export function parseRelative(text: string, now: Date, zone: string): DateParts | undefined {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs) || text.length > 80) return undefined;
  const t = text.trim();
  if (JUST_NOW.test(t)) return at(nowMs, zone, 'minute');
  const ago = EN_AGO.exec(t) ?? ZH_AGO.exec(t);
  if (ago) {
    const n = countOf(ago[1]);
    const unit = unitOf(ago[2]);
    if (n === undefined || !unit) return undefined;
    const ms = nowMs - n * UNIT_MS[unit];
    // "3 days ago" names a day, not a time of day.
    return at(ms, zone, unit === 'd' || unit === 'w' ? 'day' : 'minute');
  }
  const eu = parseEuropeanRelative(t, nowMs, zone);
  if (eu) return eu;
  const en = EN_DAY.exec(t);
  const zh = en ? undefined : ZH_DAY.exec(t);
  const word = en?.[1].toLowerCase() ?? zh?.[1];
  if (!word) return undefined;
  const back = /^(?:yesterday|昨天|昨日)$/.test(word) ? 1 : word === '前天' ? 2 : 0;
  const today = wallClock(zone, nowMs);
  // Calendar arithmetic on the wall date (noon avoids DST edges).
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day, 12) - back * UNIT_MS.d);
  const p: DateParts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  const h = en ? en[2] : zh?.[3];
  const mi = en ? en[3] : zh?.[4];
  const marker = en ? en[4] : zh?.[2];
  if (h !== undefined && (mi !== undefined || marker !== undefined)) {
    p.hour = to24h(Number(h), marker);
    p.minute = Number(mi ?? 0);
  }
  return p;
}

/** Relative dates in European languages (see EU_AGO_BEFORE, EU_DAY), or undefined. */
function parseEuropeanRelative(t: string, nowMs: number, zone: string): DateParts | undefined {
  if (EU_JUST_NOW.test(t)) return at(nowMs, zone, 'minute');
  const ago = EU_AGO_BEFORE.exec(t) ?? EU_AGO_AFTER.exec(t);
  const one = ago ? null : EU_AGO_ONE.exec(t);
  if (ago || one) {
    const n = one ? 1 : EU_ONE.test(ago![1]) ? 1 : /^\d+$/.test(ago![1]) ? Number(ago![1]) : undefined;
    const unit = euUnit(one ? one[1] : ago![2]);
    if (n === undefined || !unit) return undefined;
    return at(nowMs - n * UNIT_MS[unit], zone, unit === 'd' || unit === 'w' ? 'day' : 'minute');
  }
  const day = EU_DAY.exec(t);
  if (!day) return undefined;
  const word = day[1].toLowerCase();
  if (word === 'hier' && day[2] === undefined && t.toLowerCase() !== 'hier') return undefined;
  const today = wallClock(zone, nowMs);
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day, 12) - (EU_BACK[word] ?? 0) * UNIT_MS.d);
  const p: DateParts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  if (day[2] !== undefined && +day[2] < 24 && +day[3] < 60) Object.assign(p, { hour: +day[2], minute: +day[3] });
  return p;
}
