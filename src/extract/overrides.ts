/**
 * Per-field overrides from the source config: a CSS selector (text of the first match, or its `attr`), a regex
 * (over the selected text, or over the raw page when there is no selector; group 1 if present). They are resolved
 * on the untouched DOM, before cleaning, so <meta> and <script> targets work too.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { FieldOverride } from '../config/index.js';
import { textContent, type Element } from './dom.js';
import { collapseSpace } from './text.js';

/** Override field names (and accepted aliases) → Article field. */
const FIELD_ALIASES: Record<string, string> = {
  title: 'title', headline: 'title',
  author: 'author', authors: 'author', byline: 'author',
  editor: 'editor',
  publisher: 'publisher', source: 'publisher',
  publishedAt: 'publishedAt', published: 'publishedAt', date: 'publishedAt', publishedTime: 'publishedAt',
  modifiedAt: 'modifiedAt', modified: 'modifiedAt', updated: 'modifiedAt',
  category: 'category', section: 'category',
  tags: 'tags', keywords: 'tags',
  description: 'description', summary: 'description',
  language: 'language', lang: 'language',
  canonicalUrl: 'canonicalUrl', canonical: 'canonicalUrl',
  body: 'body', content: 'body',
};

export interface ResolvedOverrides {
  /** Field → extracted string value. */
  values: Map<string, string>;
  /** Elements selected for `body`, rendered by the body emitter. */
  bodyElements: Element[];
  warnings: string[];
}

function applyRegex(pattern: string, input: string): string | undefined {
  const re = new RegExp(pattern, 'i');
  const m = re.exec(input);
  if (!m) return undefined;
  return m[1] ?? m[0];
}

export function resolveOverrides($: CheerioAPI, html: string, overrides: Record<string, FieldOverride> | undefined): ResolvedOverrides {
  const out: ResolvedOverrides = { values: new Map(), bodyElements: [], warnings: [] };
  if (!overrides) return out;
  for (const [name, rule] of Object.entries(overrides)) {
    const field = FIELD_ALIASES[name];
    if (!field) {
      out.warnings.push(`override: unknown field "${name}" ignored`);
      continue;
    }
    try {
      let value: string | undefined;
      if (rule.selector) {
        const matched = $(rule.selector);
        const first = matched.first()[0] as Element | undefined;
        if (!first) {
          out.warnings.push(`override ${name}: selector matched nothing`);
          continue;
        }
        if (field === 'body' && !rule.attr && !rule.regex) {
          out.bodyElements = matched.toArray().filter((n): n is Element => n.type === 'tag');
          continue;
        }
        if (field === 'tags' && !rule.attr && !rule.regex && matched.length > 1) {
          value = matched.toArray().map((n) => collapseSpace(textContent(n))).filter(Boolean).join(',');
        } else {
          value = rule.attr ? first.attribs[rule.attr] : textContent(first);
        }
        if (value !== undefined && rule.regex) value = applyRegex(rule.regex, value);
      } else if (rule.regex) {
        value = applyRegex(rule.regex, html);
      }
      value = value === undefined ? undefined : collapseSpace(value);
      if (value) out.values.set(field, value);
      else out.warnings.push(`override ${name}: no value`);
    } catch (err) {
      out.warnings.push(`override ${name}: ${(err as Error).message}`);
    }
  }
  return out;
}
