/*
 * How the site writes times and sizes: an instant in the site's zone with its label (`2025-10-12 23:41 (UTC+8)`), a
 * publish time as the page printed it, a byte count. The zone is the site's (i18n.ts defaultTimeZone, or set).
 */

function parts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** `2025-10-13 05:45:01` in `timeZone` (or null for an unparseable value). */
export function formatInstant(iso: string, timeZone: string, withSeconds = true): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
}

/**
 * A publish time as the page gave it (`2025-10-12 23:41:00`): kept for callers that want the printed
 * wall-clock value. The site itself shows every time through formatZoned().
 */
export function formatPublished(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  return m[2] ? `${m[1]} ${m[2]}${m[3] ? `:${m[3]}` : ''}` : m[1];
}

/** A time shown on the site: the machine-readable value for `<time datetime>` and the text. */
export interface ShownTime {
  datetime: string;
  text: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A date-time that names its offset (`Z`, `+08:00`, `+0800`), so it is one instant. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Any time the site shows (publish, snapshot, removal), in the site's zone with its label:
 * `2025-10-12 23:41 (UTC+8)`; `withSeconds` for snapshot times. A date-only value stays a date (it
 * names no instant); a time without an offset is shown as printed (it can't be converted), and an
 * unparseable value gives null.
 */
export function formatZoned(iso: string | null | undefined, timeZone: string, withSeconds = false): ShownTime | null {
  if (!iso) return null;
  const value = iso.trim();
  if (DATE_ONLY.test(value)) return { datetime: value, text: value };
  if (!WITH_OFFSET.test(value) && !/^\d{4}-\d{2}-\d{2}T.*Z$/.test(value)) {
    const printed = formatPublished(value);
    return printed ? { datetime: value.replace(' ', 'T'), text: printed } : null;
  }
  const date = new Date(value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(date.getTime())) return null;
  const text = formatInstant(date.toISOString(), timeZone, withSeconds);
  return text ? { datetime: value, text: `${text} (${zoneLabel(timeZone, date)})` } : null;
}

/** Short zone label for the footnote of a time (`UTC+8`, `UTC`). */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (!name || name === 'GMT' || name === 'GMT+0') return 'UTC';
  return name.replace(/^GMT/, 'UTC');
}

/** `7.1 KB` style sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
