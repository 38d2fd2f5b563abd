/**
 * The writer named by the page's meta tags: the author keys in order of trust (a scholarly paper's surname-first
 * `citation_author` list read given name first), co-writers each in a tag of their own, and the "Written by" pair
 * of link previews. Also the JSON-LD author weighed against the printed byline, and a byline's one-word or run-on
 * Latin name completed from the meta author.
 */
import { metaFirst, type HeadData } from './head.js';
import { cleanPersonName } from './byline.js';
import { isAcceptableAuthor, isOutletName, isPersonName, NAME_PARTICLE } from './people-names.js';
import { hasSurnameShape } from './byline-surnames.js';

/** Meta tags naming the writer, in order of trust (citation_author: a paper's author list). */
const META_AUTHOR_KEYS = ['author', 'article:author', 'byl', 'sailthru.author', 'parsely-author', 'dc.creator', 'dcterms.creator', 'citation_author'];

/** Keys of scholarly metadata, which write a name surname first: "Doe, Jane". */
const SURNAME_FIRST_KEYS = new Set(['citation_author', 'dc.creator', 'dcterms.creator']);
const SURNAME_FIRST = /^(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?),\s*(\p{Lu}[\p{L}'’-]*\.?(?:\s\p{Lu}[\p{L}'’-]*\.?){0,2})$/u;

/** "Doe, Jane" of a scholarly key as the name is read: "Jane Doe"; other values as they are. */
function givenNameFirst(value: string, key: string | undefined): string {
  const m = key && SURNAME_FIRST_KEYS.has(key) ? SURNAME_FIRST.exec(value.trim()) : null;
  return m ? `${m[2]} ${m[1]}` : value;
}

/** The first of META_AUTHOR_KEYS the page has. */
const metaAuthorKey = (head: HeadData): string | undefined => META_AUTHOR_KEYS.find((k) => (head.meta.get(k)?.length ?? 0) > 0);

/**
 * meta author, unless it is a login or channel code ("admin", "edu") rather than a name. A list that mixes the
 * writer with outlets ("張立勳／特稿, 中國時報, 中時電子報") keeps the people.
 */
export function metaAuthor(head: HeadData): string | undefined {
  const first = metaFirst(head, ...META_AUTHOR_KEYS);
  const raw = first && givenNameFirst(first, metaAuthorKey(head));
  if (!raw || /^[a-z0-9_.-]{1,12}$/.test(raw.trim())) return undefined;
  const all = repeatedMetaAuthors(head);
  if (all) return all;
  const parts = raw.split(/\s*[,，;；]\s*/);
  if (parts.length > 1 && parts.some((p) => isOutletName(p))) {
    const people = parts.map(cleanPersonName).filter((p): p is string => !!p && isAcceptableAuthor(p));
    return people.length > 0 ? people.join(', ') : undefined;
  }
  return cleanPersonName(raw);
}

/**
 * Co-writers each in a meta tag of their own (`<meta name="author" content="A"><meta name="author" content="B">`, a
 * paper's `citation_author` list): all of them, when every one is a person's name; the first alone was one of several.
 */
function repeatedMetaAuthors(head: HeadData): string | undefined {
  const key = metaAuthorKey(head);
  const values = [...new Set(key ? head.meta.get(key) : [])].slice(0, 12);
  if (values.length < 2) return undefined;
  const people = values.map((v) => cleanPersonName(givenNameFirst(v, key)));
  if (!people.every((p): p is string => !!p && isPersonName(p))) return undefined;
  return people.join(people.some((p) => /[A-Za-z]/.test(p)) ? ', ' : ' ');
}

/**
 * The "Written by" pair sites give link previews (`twitter:label1` "Written by", `twitter:data1` "Jane Doe"; Yoast
 * SEO writes it on every post).
 */
export function labelledMetaAuthor(head: HeadData): string | undefined {
  for (let i = 1; i <= 4; i++) {
    const label = metaFirst(head, `twitter:label${i}`);
    if (!label) break;
    if (/^(?:written by|author|authors|by)\s*:?$/i.test(label.trim())) return cleanPersonName(metaFirst(head, `twitter:data${i}`) ?? '');
  }
  return undefined;
}

/** A blog platform's name closing a <title>: 新浪博客, 博客园, 博客中国, "…-CSDN博客", Blogger. */
const BLOG_PLATFORM = /(?:博客|部落格|blog)(?:园|園|网|網|中国|中國)?$/i;
/**
 * "标题_张三的博客-CSDN博客", "标题 - 张三的专栏", "标题_weixin_43456789的博客": the blog named for its writer, read on
 * the whole title (a handle holds the _ that also splits the title's parts). The owner follows a separator: a Latin
 * handle with its underscores, or a run with none.
 */
const OWNERS_BLOG = /(?:[_|｜]|\s[-–—]\s?)\s*([A-Za-z0-9][\w.-]{1,30}|[^\s_|｜\-–—]{2,24}?)的(?:博客|部落格|专栏|專欄|日志|日誌|个人空间|個人空間|空间|空間)(?:\s*[-–—_|｜].*)?$/;

/**
 * The writer named in a blog's <title>: the blog named for its owner ("标题_张三的博客-CSDN博客") or the part right
 * before the platform's name ("标题_张三_新浪博客", "标题 - 张三 - 博客园"), there only a Chinese name's shape: that
 * part is as often a category or column (随笔分类, 娱乐, "Travel Tips"). Never the first part, the post's own title.
 */
export function bloggerInTitle(docTitle: string | undefined): string | undefined {
  if (!docTitle || !/博客|部落格|blog|空间|空間/i.test(docTitle)) return undefined;
  const owner = OWNERS_BLOG.exec(docTitle);
  if (owner) return owner[1].trim();
  const parts = docTitle.split(/\s*[_|｜]\s*|\s+[-–—]\s+/).map((p) => p.trim()).filter(Boolean);
  const i = parts.length - 2;
  if (i >= 1 && BLOG_PLATFORM.test(parts[i + 1]) && !BLOG_PLATFORM.test(parts[i]) && hasSurnameShape(parts[i])) return parts[i];
  return undefined;
}

/**
 * The JSON-LD author, unless the page shows none of its names around the article while a byline element there
 * names someone else: structured data may carry the desk editor who filed the copy (陳昱光) where the page prints
 * its reporter (謝明俊); the printed byline is what readers see. (The printed byline: a byline element, or without
 * class names to mark one, a link to a writer's page under the headline.)
 */
export function structuredAuthor(ldAuthors: string[], zoneLines: { text: string }[], bylineElement: () => string | undefined, valid: (a: string | undefined) => string | undefined): string | undefined {
  const ld = valid(ldAuthors.length > 0 ? [...new Set(ldAuthors)].join(', ') : undefined);
  if (!ld) return undefined;
  const shown = (name: string): boolean => zoneLines.some((l) => l.text.includes(name));
  const printed = bylineElement();
  if (ldAuthors.some(shown)) return printed && listsMore(printed, ldAuthors) ? printed : ld;
  return printed && shown(printed) ? printed : ld;
}

/**
 * Structured-data writers typed Person where one is a group ("By Arlene Marturano", "South Carolina Garden-based
 * Learning Network on Facebook"): beside a person's name, a Latin entry that has no name's shape (too long, lower-case
 * words, no credentials after a comma) is the group the writer posts for, not a co-writer.
 */
export function withoutGroupCoAuthors(authors: string[]): string[] {
  if (authors.length < 2 || !authors.some((a) => isPersonName(a))) return authors;
  return authors.filter((a) => isPersonName(a) || a.includes(',') || !/^[\p{Script=Latin}\s.'’-]+$/u.test(a) || a.split(/\s+/).length <= 3 || hasLongNameShape(a));
}

/** A word of a long name: capitalised ("Maktoum", "Anne-Marie", "Dr."), or a particle or title in lower case. */
const LONG_NAME_WORD = new RegExp(String.raw`^(?:\p{Lu}[\p{L}'’.-]*|${NAME_PARTICLE}|bint|ibn|ben|ten|ter|e|el|y)$`, 'u');
/** Words that name an organisation or a channel, not a person ("Learning Network on Facebook", "Editorial Team"). */
const GROUP_WORD = /\b(?:Network|Association|Society|Council|Committee|Foundation|Institute|University|College|School|Department|Office|Cent(?:er|re)|Team|Staff|Group|Club|Learning|Program(?:me)?|Project|Services?|Board|Agency|Company|Facebook|Twitter|Instagram|LinkedIn|YouTube|News|Media|Press|Magazine|Editors?|Editorial|Desk|Extension|Blog|Community|Initiative|Coalition|Alliance|Partners(?:hip)?)\b/;

/**
 * A name of six words or more may still be one person's ("Sheikh Mohammed bin Rashid Al Maktoum", "Dr. Anne Marie
 * van den Berg"): every word capitalised or a particle, and none an organisation's word.
 */
function hasLongNameShape(a: string): boolean {
  return a.split(/\s+/).every((w) => LONG_NAME_WORD.test(w)) && !GROUP_WORD.test(a);
}

/**
 * The printed byline names every writer of the structured data and more ("Ingrid Treborg, Marlene Lundberg Holm"
 * where the JSON-LD has the second only): the metadata was cut to one writer, the page shows them all.
 */
function listsMore(printed: string, ldAuthors: string[]): boolean {
  const parts = printed.split(/\s*(?:[,，、;；&]|\band\b)\s*|\s+(?=[\u3400-\u9fff])/).filter(Boolean);
  return parts.length > new Set(ldAuthors).size && ldAuthors.every((a) => parts.includes(a));
}

/**
 * One Latin name read in two places (also used the other way round: a one-word metadata name and the page's byline):
 * a byline cut to the first name ("Linda" of "Linda McCall") or run on into the
 * next word ("Harsh Vaibhav Global"), and the page's meta author naming the same person in full. When one is the
 * other's leading words, the meta wording is the name.
 */
export function fullerFromMeta(author: string | undefined, metaNames: Array<string | undefined>): string | undefined {
  if (!author || /[,，、&]|\band\b|[\u3400-\u9fff]/.test(author)) return author;
  const words = author.toLowerCase().split(/\s+/);
  for (const m of metaNames) {
    if (!m || /[,，、&]|\band\b|[\u3400-\u9fff]/.test(m) || !isPersonName(m.replace(/^./, (c) => c.toUpperCase()))) continue;
    const mw = m.toLowerCase().split(/\s+/);
    if (mw.length === words.length || mw.length < 2) continue;
    const [short, long] = mw.length < words.length ? [mw, words] : [words, mw];
    if (short.every((w, i) => w === long[i])) return m;
  }
  return author;
}
