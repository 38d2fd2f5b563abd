/**
 * The words that say what a stated time is (issue 12): publish labels ("发布时间", "Published"), update labels
 * ("更新时间", "Updated"), a publish verb after the date ("2023-03-12 发表"), and phrases that introduce another
 * item's or an earlier printing's date; and the meta, itemprop, class and script-variable names that mark a time in
 * markup. time-candidates.ts scores the dates these words and names stand beside.
 */
import { textContent, type Element } from './dom.js';
import { collapseSpace } from './text.js';

/**
 * A date introduced as another item's or an earlier printing's ("最新推荐文章于 2023-09-04 发布", "Next post: …",
 * "相关文章", a reprint's "本文原文发表于…", a broadcast's "Über dieses Thema berichtete BR24 am …", "Sendung: hr-INFO,
 * …") even when it sits in the info line: it loses this much and never counts as the shown time.
 */
export const OTHER_ITEM = /原文发表于|原文發表於|原载于|原載於|原刊于|原刊於|首发于|首發於|最初发表|最初發表|最新推荐|最新文章|推荐文章|相关文章|相关阅读|相關新聞|相关新闻|上一篇|下一篇|上一页|下一页|热门文章|热点推荐|延伸阅读|\b(?:next|previous|prev|related|recommended|latest|more from)\b(?:\s+(?:post|article|story|stories|posts|articles))?\s*[:：]?|(?<![\p{L}])(?:Sendung|berichtete?|ausgestrahlt|broadcast|aired|diffusé|emitido|trasmesso|uitgezonden)(?![\p{L}])/iu;

/** "于 2023-03-12 13:08:03 发布", "2023-03-12 发表": a publish label after the date. */
export const TRAILING_LABEL = /\d\s*(?:发布|发表|發佈|發表)(?:\s|$|于|於|在)/;

/**
 * Publish labels in the languages of the European press, as words of their own (a letter on neither side, accents
 * included: "publié:" ends in a non-ASCII letter, so \b cannot bound it): English, German, French, Spanish, Italian,
 * Dutch, Portuguese, Nordic, Finnish, Polish, Czech, Turkish, Romanian, Hungarian. "Stand" (German "as of") is the
 * time a German news page shows as its own.
 */
const PUBLISHED_WORDS = String.raw`posted(?:\s+on)?|published(?:\s+on)?|first published|date|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|publiziert(?:\s+am)?|erschienen(?:\s+am)?|datum|stand(?=\s*:)|publié(?:e)?(?:\s+le)?|mis en ligne(?:\s+le)?|date de publication|publicad[oa](?:\s+(?:el|em|a las))?|fecha de publicación|pubblicato(?:\s+il)?|data di pubblicazione|gepubliceerd(?:\s+op)?|geplaatst(?:\s+op)?|publisert|publicert|publicerad|publiceret|udgivet|julkaistu|publikacja|opublikowano|data publikacji|publikováno|zveřejněno|vydáno|yayınlanma(?:\s+tarihi)?|yayımlanma(?:\s+tarihi)?|yayın tarihi|publicat(?:\s+la)?|publikálva|megjelent`;
const MODIFIED_WORDS = String.raw`updated|last (?:updated|modified|edited)|modified|edited on|aktualisiert(?:\s+am)?|zuletzt aktualisiert(?:\s+am)?|geändert(?:\s+am)?|mis à jour(?:\s+le)?|modifié(?:e)?(?:\s+le)?|actualizad[oa](?:\s+el)?|actualización|aggiornato(?:\s+il)?|aggiornamento|(?:laatst\s+)?bijgewerkt(?:\s+op)?|atualizad[oa](?:\s+em)?|atualização|oppdatert|uppdaterad|opdateret|päivitetty|aktualizacja|zaktualizowano|aktualizováno|aktualizace|güncelleme|güncellenme(?:\s+tarihi)?|actualizat(?:\s+la)?|frissítve|módosítva`;

export const PUBLISHED_LABEL = new RegExp(String.raw`(?:(?<![\p{L}\p{N}])(?:发布|發布|發佈|发表|發表|出版|刊出|刊登)(?=\s*[:：])|发布时间|发表时间|发布日期|发表日期|发稿时间|刊发时间|上传时间|创建时间|出版日期|(?<!更新|修改|成文|截止|开始|结束|活动|会议|报名|北京|當地|当地|美东|美東|标准|標準|东部|東部|西部|太平洋)(?:时间|日期)|发表于|发布于|发帖时间|(?<![\p{L}\p{N}])(?:${PUBLISHED_WORDS})(?![\p{L}\p{N}]))\s*[:：]?`, 'iu');
export const MODIFIED_LABEL = new RegExp(String.raw`(?:更新时间|修改时间|最后更新|更新于|修改于|最近修改|最后修改|编辑于|最后编辑|转载时间|转载于|更新時間|修改時間|最後更新|更新於|修改於|最近修改|最後修改|編輯於|最後編輯|(?<![\p{L}\p{N}])(?:${MODIFIED_WORDS})(?![\p{L}\p{N}]))\s*(?:on|at|le|el|am|op|em|il|la)?\s*[:：]?`, 'iu');

/** Does the text before the first digit introduce another item (related, next, latest recommended)? */
export function otherItem(text: string): boolean {
  const d = text.search(/\d/);
  const before = d < 0 ? text : text.slice(0, d);
  return before.length > 0 && OTHER_ITEM.test(before);
}

/**
 * A bare 时间/日期 without a colon labels a date only when the date follows it at once ("时间 2023-10-08"): in prose
 * ("短短的三周时间，按照…（截至6月26日）", "发行时间表将进行调整。…7月6日") the word is the story's, and so is the date.
 */
const BARE_TIME_WORD = /^(?:时间|日期)\s*$/;
const DATE_STARTS_SOON = /^[\s:：]{0,3}(?:\d|[一二三四五六七八九十〇零]{1,4}[年月]|(?:今天|昨天|前天|今日|昨日))/;

/** The publish label of a line, unless it is a bare time word in prose (above). */
export function labelOf(text: string): RegExpExecArray | null {
  const label = PUBLISHED_LABEL.exec(text);
  if (!label || !BARE_TIME_WORD.test(label[0])) return label;
  return DATE_STARTS_SOON.test(text.slice(label.index + label[0].length)) ? label : null;
}

/** A short line that is nothing but a label ("发布时间：", "Last updated:"): which kind, or undefined. */
export function labelLine(raw: string): 'published' | 'modified' | undefined {
  const text = raw.trim();
  if (!text || text.length > 24 || /\d/.test(text)) return undefined;
  if (wholeMatch(MODIFIED_LABEL, text)) return 'modified';
  return wholeMatch(PUBLISHED_LABEL, text) ? 'published' : undefined;
}

/**
 * Does `re` match `text` with nothing but space around the match? (A module function, not a closure in labelLine:
 * that runs on the line before every unlabelled line, and a closure is built, and named, at each call.)
 */
function wholeMatch(re: RegExp, text: string): boolean {
  const m = re.exec(text);
  return m !== null && !text.slice(0, m.index).trim() && !text.slice(m.index + m[0].length).trim();
}

/** Meta names, script variables, itemprops and classes that mark a publish or update time in markup. */
export const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published:time', 'article:published', 'datepublished', 'og:published_time',
  'published-date', 'published_date', 'published_on', 'published-on', 'publication-date', 'article:published_at',
  'published_time', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'pub_date', 'publication_date',
  'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'date',
  'article.published', 'article_date_original', 'original-publish-date', 'firstpublishedtime', 'created',
  'weibo: article:create_at', 'article:post_time', 'citation_publication_date', 'citation_date', 'og:release_date',
  'release_date', 'dc.date.created', 'datecreated', 'publishtime', 'publish_time', 'apub:time', 'cxenseparse:recs:publishtime',
];
/**
 * Generic publish names a CMS template may fill with a constant or a series' or site's date: read only when the page
 * states no other publish date (time-candidates.ts), so a printed byline date outranks them.
 */
export const GENERIC_PUBLISHED_META = ['published', 'date_published', 'date-published', 'article:published_date'];
export const MODIFIED_META = [
  'article:modified_time', 'article:modified:time', 'og:updated_time', 'datemodified', 'last-modified', 'lastmod', 'dc.date.modified',
  'dcterms.modified', 'article:modified', 'updated_time', 'modified_time', 'lastmodifiedtime', 'modified', 'date_modified', 'date-modified', 'revised',
];
export const SCRIPT_TIME_KEYS = new Set(['ct', 'createtime', 'publishtime', 'pubtime', 'publishdate', 'pubdate', 'datepublished', 'ptime']);

export const DATE_ITEMPROP = /^(?:datePublished|dateModified|dateCreated|uploadDate)$/;
export const DATE_CLASS = /(?:^|\s)(?:publish|published|updated|pubdate|dateline|entry-date|post-date|publish-date|article-date)(?:\s|$)/;
/** A class that only says "time"/"date": often the article's time, sometimes a banner or a list item's. */
export const WEAK_DATE_CLASS = /(?:^|[\s_-])(?:time|date|pubtime|publish-?time|post-?time|article-?time|info-?time)(?:$|[\s_-])/i;

/** "Updated <time>Jul 24, 2018</time>": the words just before the element, in its parent, are an update label. */
export function updateLabelBefore(el: Element): boolean {
  let before = '';
  for (let prev = el.prev; prev && before.length < 40; prev = prev.prev) before = textContent(prev) + before;
  const tail = collapseSpace(before).slice(-30);
  if (!tail || /\d/.test(tail)) return false;
  const m = MODIFIED_LABEL.exec(tail);
  return m !== null && !tail.slice(m.index + m[0].length).trim();
}

/**
 * "2023-10-09 10:00 更新 2023-10-08 09:15 发布", "更新：2023-10-09 10:00 發佈：2023-10-08 09:15": the update word after
 * its date, or bare before it, as portals print the two times of an edited story side by side. updateWordsAsLabels
 * rewrites it as "更新时间：", which MODIFIED_LABEL reads. Only on a line whose other date carries a publish label: alone
 * ("2005-01-06 08:13更新", "更新：2023-10-09 09:00 来源：…") the word stamps the story's one shown time, which is its
 * publish time; beside an event's dates ("更新 | 亚运会 2023-09-23至2023-10-08") it says nothing of them.
 */
const TRAILING_UPDATE = /((?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}日?(?:\s?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)\s?(?:更新|修改|編輯|编辑)(?=\s|$)/;
const BARE_UPDATE = /(?<![\p{L}\p{N}])(?:更新|修改)(?=\s*[:：])/u;
const FULL_DATE = /(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}/g;
/** A publish label right before a date ("发布：2023-10-08", "发布时间 2023-10-08"). */
const PUBLISHED_BEFORE_DATE = new RegExp(String.raw`(?:${PUBLISHED_LABEL.source})\s*(?:19|20)\d{2}`, 'iu');

export function updateWordsAsLabels(text: string): string {
  if (!text.includes('更新') && !text.includes('修改') && !text.includes('编辑') && !text.includes('編輯')) return text;
  if ((text.match(FULL_DATE)?.length ?? 0) < 2 || !(TRAILING_LABEL.test(text) || PUBLISHED_BEFORE_DATE.test(text))) return text;
  return text.replace(TRAILING_UPDATE, '更新时间：$1').replace(BARE_UPDATE, '更新时间');
}
