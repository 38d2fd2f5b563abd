/**
 * Per-field overrides from the source config: a CSS selector (text of the first match, or its `attr`), a regex
 * (over the selected text, or over the raw page when there is no selector; group 1 if present). They are resolved
 * on the untouched DOM, before cleaning, so <meta> and <script> targets work too.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { FieldOverride } from '../config/index.js';
import { compileSafePattern } from '../config/safePattern.js';
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

/**
 * Characters of page (or selected) text an override regex searches: the page is attacker-controlled and RE2 is
 * linear but not free (~30 ms per MB), and the metadata overrides target sits near the top of the page.
 */
export const MAX_OVERRIDE_INPUT = 1_000_000;

function applyRegex(pattern: string, input: string): string | undefined {
  // RE2 (linear time): the text is attacker-controlled, so a config pattern must not be able to backtrack.
  const m = compileSafePattern(pattern, { ignoreCase: true }).exec(input.slice(0, MAX_OVERRIDE_INPUT));
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
      let regexInput = '';
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
        if (value !== undefined && rule.regex) value = applyRegex(rule.regex, (regexInput = value));
      } else if (rule.regex) {
        value = applyRegex(rule.regex, (regexInput = html));
      }
      value = value === undefined ? undefined : collapseSpace(value);
      if (value) out.values.set(field, value);
      else if (regexInput.length > MAX_OVERRIDE_INPUT) out.warnings.push(`override ${name}: no value in the first ${MAX_OVERRIDE_INPUT} characters`);
      else out.warnings.push(`override ${name}: no value`);
    } catch (err) {
      out.warnings.push(`override ${name}: ${(err as Error).message}`);
    }
  }
  return out;
}
