/** Builds the demo site's ground-truth articles, deterministically from a seed. */
import { generateEnContent, enCategory, slugify } from './contentEn.js';
import { generateZhContent, zhCategory } from './contentZh.js';
import { beijingIso, beijingParts, easternParts, pad, utcIso } from './dates.js';
import { createRandom, mixSeed } from './random.js';
import type { ArticleTemplate, DemoArticle, DemoLang } from './types.js';

/** Newest generated article is published shortly before 2025-10-20 12:00 Beijing time. */
const NEWEST_MS = Date.UTC(2025, 9, 20, 4, 0, 0);
const FIRST_ID = 1_000_001;
const ZH_TEMPLATES: ArticleTemplate[] = ['zh-classic', 'zh-portal', 'zh-jsonld'];
const EN_TEMPLATES: ArticleTemplate[] = ['en-jsonld', 'en-og', 'en-plain'];

export interface ArticleSlot {
  id: number;
  lang: DemoLang;
  /** Position among articles of the same language (drives category, template and charset). */
  langIndex: number;
  publishedMs: number;
}

/** Publication times: one article every 2–30 hours going back from NEWEST_MS, whole minutes. */
function timeline(count: number, seed: number): number[] {
  const rng = createRandom(mixSeed(seed, 0x7157));
  const times: number[] = [];
  let t = NEWEST_MS;
  for (let i = 0; i < count; i++) {
    t -= rng.int(2 * 60, 30 * 60) * 60_000;
    times.push(t);
  }
  return times.reverse();
}

export function createArticle(slot: ArticleSlot, seed: number, isTitleTaken: (title: string) => boolean): DemoArticle {
  const rng = createRandom(mixSeed(seed, slot.id));
  const { id, lang, langIndex, publishedMs } = slot;
  if (lang === 'zh') {
    const cat = zhCategory(langIndex);
    const template = ZH_TEMPLATES[(langIndex + Math.floor(langIndex / 3)) % ZH_TEMPLATES.length];
    const p = beijingParts(publishedMs);
    const ym = `${p.year}${pad(p.month)}`;
    const charset = langIndex % 4 === 0 ? 'gbk' : 'utf-8';
    const content = generateZhContent(rng, cat, template, publishedMs, `/images/${ym}/${id}`, isTitleTaken);
    return {
      id,
      path: `/zh/${cat.slug}/${ym}/${pad(p.day)}/t${ym}${pad(p.day)}_${id}.html`,
      title: content.title,
      publishedAt: beijingIso(publishedMs),
      author: content.author,
      source: content.source,
      editor: content.editor,
      category: cat.name,
      categorySlug: cat.slug,
      lang,
      charset,
      // The first GBK article is always declared only in <meta charset>; later ones alternate.
      gbkDeclaration: charset === 'gbk' ? (langIndex % 8 === 0 ? 'meta-only' : 'header') : undefined,
      template,
      body: content.body,
      images: content.images,
      tags: content.tags,
    };
  }
  const cat = enCategory(langIndex);
  const et = easternParts(publishedMs);
  const content = generateEnContent(rng, cat, publishedMs, `/images/${et.year}${pad(et.month)}/${id}`, isTitleTaken);
  return {
    id,
    path: `/en/${cat.slug}/${et.year}/${pad(et.month)}/${pad(et.day)}/${slugify(content.title)}`,
    title: content.title,
    publishedAt: utcIso(publishedMs),
    author: content.author,
    source: content.source,
    category: cat.name,
    categorySlug: cat.slug,
    lang,
    charset: 'utf-8',
    template: EN_TEMPLATES[(langIndex + Math.floor(langIndex / 3)) % EN_TEMPLATES.length],
    body: content.body,
    images: content.images,
    tags: content.tags,
  };
}

/** `count` articles, oldest first, alternating Chinese and English (Chinese gets the odd one). */
export function generateArticles(count: number, seed: number): DemoArticle[] {
  const times = timeline(count, seed);
  const titles = new Set<string>();
  const perLang = { zh: 0, en: 0 };
  const articles: DemoArticle[] = [];
  for (let i = 0; i < count; i++) {
    const lang: DemoLang = i % 2 === 0 ? 'zh' : 'en';
    const article = createArticle({ id: FIRST_ID + i, lang, langIndex: perLang[lang]++, publishedMs: times[i] }, seed, (t) => titles.has(t));
    titles.add(article.title);
    articles.push(article);
  }
  return articles;
}

/** Slot for an article added after start: next id, next per-language index, newer than everything. */
export function nextSlot(existing: DemoArticle[], lang: DemoLang): ArticleSlot {
  const maxId = existing.reduce((m, a) => Math.max(m, a.id), FIRST_ID - 1);
  const latest = existing.reduce((m, a) => Math.max(m, Date.parse(a.publishedAt)), NEWEST_MS);
  const langIndex = existing.filter((a) => a.lang === lang).length;
  return { id: maxId + 1, lang, langIndex, publishedMs: latest + 90 * 60_000 };
}
