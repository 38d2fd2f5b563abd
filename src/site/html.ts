/**
 * Escape-by-default HTML templating: `html\`<p>${value}</p>\`` escapes every interpolated value unless
 * it is already SafeHtml (the result of another `html` template). Values placed in
 * URL attributes (href, src, action, …) are also checked: anything but a relative path or an
 * http(s)/mailto URL becomes `#`, so a `javascript:` URL from an archived page can never become a link.
 */

const SAFE = Symbol('SafeHtml');

/** A string of HTML that is known to be safe to emit as is. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

/** What a template may interpolate: text (escaped), numbers, SafeHtml, nothing, or lists of these. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function safe(value: string): SafeHtml {
  return { [SAFE]: true, value, toString: () => value };
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && (value as { [SAFE]?: unknown })[SAFE] === true;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** An attribute whose value is a URL the browser may load or navigate to. */
const URL_ATTRIBUTE = /\s(?:href|src|action|formaction|poster|cite|background)\s*=\s*["']$/i;
/** An interpolation right after `=` with no quote would let a space end the attribute. */
const UNQUOTED_ATTRIBUTE = /=\s*$/;

/**
 * A URL that is safe to put in href/src: site-relative (`/…`, `./…`, `../…`, `?…`, `#…`), or absolute
 * http, https or mailto. Control characters and whitespace inside the scheme are what browsers strip
 * before deciding, so they are stripped here before checking too.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (/^(?:\/(?!\/)|\.\.?\/|[?#])/.test(trimmed)) return trimmed;
  const compact = trimmed.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  if (/^(?:https?:\/\/|mailto:)/.test(compact) && !/[\u0000-\u001f\u007f]/.test(trimmed)) return trimmed;
  return '#';
}

function render(value: HtmlValue, inUrlAttribute: boolean): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v, inUrlAttribute)).join('');
  if (isSafeHtml(value)) return value.value;
  const text = String(value);
  return escapeHtml(inUrlAttribute ? safeUrl(text) : text);
}

/** The tagged template. Throws on an unquoted attribute interpolation (a template bug, not data). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    const before = strings[i];
    if (UNQUOTED_ATTRIBUTE.test(before) && out.lastIndexOf('<') > out.lastIndexOf('>')) {
      throw new TypeError(`html template: quote the attribute value before interpolation #${i + 1}`);
    }
    out += render(values[i], URL_ATTRIBUTE.test(before)) + strings[i + 1];
  }
  return safe(out);
}

/** The rel every link that leaves the site carries. */
export const EXTERNAL_REL = 'noopener noreferrer nofollow';

/** A link to somewhere outside the site: never sends a referrer, never passes ranking, opens apart. */
export function externalLink(href: string, content: HtmlValue, className?: string): SafeHtml {
  return html`<a href="${href}" rel="${EXTERNAL_REL}" referrerpolicy="no-referrer" target="_blank"${
    className ? html` class="${className}"` : ''
  }>${content}</a>`;
}
