/**
 * An author candidate measured against the site it appears on: the outlet's short form or brand taken for a person
 * (中時 of 中時電子報, a meta author that is the site's name), an outlet token before the writer, and the decoration
 * (emoji, a name printed twice) that account and template fields add. people.ts applies these to every candidate.
 */
import { hasSurnameShape } from './byline.js';
import { isOutletName } from './people-names.js';
import { comparable } from './text.js';

/**
 * A Chinese "name" that is the start of the site's own name (中時 of 中時電子報, 新京 of 新京报网) is the outlet's short
 * form, not a person.
 */
export function abbreviatesSite(name: string, siteNames: string[]): boolean {
  const n = comparable(name);
  if (n.length < 2 || !/^[\u3400-\u9fff]+$/.test(n)) return false;
  return siteNames.some((s) => {
    const c = comparable(s);
    return c.length > n.length && c.startsWith(n);
  });
}

/**
 * A meta author that is the site's brand (`<meta name="author" content="网易">` on a page titled "…_网易新闻"): the start
 * of a site name or of the <title>'s last part, and no surname's shape (so "张三" on "…_张三的博客" stays the author).
 */
export function unlessBrand(author: string | undefined, docTitle: string | undefined, siteNames: string[]): string | undefined {
  // (Chinese only: a personal blog's <title> ends with its writer's Latin name, and that name is the byline.)
  if (!author || !/^[\u3400-\u9fff]+$/.test(author) || hasSurnameShape(author)) return author;
  const last = docTitle?.split(/\s*[_|｜–—-]\s*/).pop()?.trim();
  const names = last && last.length <= 16 && last !== docTitle?.trim() ? [...siteNames, last] : siteNames;
  return abbreviatesSite(author, names) || names.some((n) => comparable(n) === comparable(author)) ? undefined : author;
}

/**
 * "文｜财新 余聪": a byline that names the outlet's short form before the writer; the outlet token (the start of the
 * site's or the credited source's name) is no part of the author.
 */
export function withoutOutletToken(author: string | undefined, siteNames: string[], publisher: string | undefined): string | undefined {
  if (!author || !/[\u3400-\u9fff]/.test(author) || !author.includes(' ')) return author;
  const names = publisher ? [...siteNames, publisher] : siteNames;
  const kept = author.split(' ').filter((t) => !(abbreviatesSite(t, names) || isOutletName(t)));
  return kept.length > 0 && kept.length < author.split(' ').length ? kept.join(' ') : author;
}

/** "🌏华商君", "读武汉关注☞": the emoji and arrows decorating an account's writer field. */
export function withoutEdgeSymbols(s: string): string {
  return s.replace(/^[\s\u2190-\u21ff\u2600-\u27bf\u{1F000}-\u{1FAFF}\uFE0F]+|[\s\u2190-\u21ff\u2600-\u27bf\u{1F000}-\u{1FAFF}\uFE0F]+$/gu, '');
}

/** "聯合新聞網 | 聯合新聞網": a template that printed the name twice around a separator names it once. */
export function unrepeated(name: string): string {
  const parts = name.split(/\s*[|｜]\s*|\s+[-–—]\s+/);
  return parts.length > 1 && parts.every((p) => p && comparable(p) === comparable(parts[0])) ? parts[0] : name;
}
