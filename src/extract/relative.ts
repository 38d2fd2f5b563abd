/**
 * Relative dates, resolved against a caller-supplied "now" in the page's zone: "3 hours ago", "just now",
 * "yesterday at 2:20 PM", "刚刚", "2小时前", "5分钟前", "今天 14:20", "昨天 14:20", "前天". Only digits and
 * a/an are read as counts ("two days ago" in prose is not a timestamp). Without `now` nothing here runs, so
 * extraction stays deterministic.
 */
import type { DateParts } from './dates.js';
import { wallClock } from './timezone.js';

const UNIT_MS: Record<string, number> = {
  s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000,
};

const EN_AGO = /(?:^|[^\w])(\d{1,3}|an?|one)\s?(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?)\s+ago\b/i;
const ZH_AGO = /(\d{1,3}|半|一|两|几)\s?(秒钟?|分钟|小时|个小时|天|日|周|星期)前/;
const JUST_NOW = /^(?:刚刚|刚才|just now|moments? ago|now)$|(?:^|\s)(?:刚刚|just now)(?:\s|$)/i;
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
