/** The takedown contact line shown under every snapshot, on the 410 page and in the footer. */
import { externalLink, html, type HtmlValue } from '../html.js';
import type { PageContext } from './layout.js';

/** An email address becomes a mailto link, a URL a link, anything else stays text. */
export function contactHtml(contact: string): HtmlValue {
  const trimmed = contact.trim();
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(trimmed)) return html`<a href="${`mailto:${trimmed}`}">${trimmed}</a>`;
  if (/^https?:\/\//i.test(trimmed)) return externalLink(trimmed, trimmed);
  return trimmed;
}

/** "To have a snapshot removed, contact <contact>." — or the generic line when no contact is configured. */
export function takedownSentence(ctx: PageContext): HtmlValue {
  const contact = ctx.settings.takedownContact?.trim();
  const { before, after } = ctx.labels.takedownContact;
  return contact ? html`${before}${contactHtml(contact)}${after}` : ctx.labels.takedownNoContact;
}

