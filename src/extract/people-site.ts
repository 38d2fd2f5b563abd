/**
 * The site's own names, which an author candidate must not be: the metadata's site and publisher names (a channel
 * after a separator dropped), or without them the outlet the <title> ends with.
 */
import { metaFirst, type HeadData } from './head.js';

export function siteNamesOf(head: HeadData): string[] {
  const names = [
    metaFirst(head, 'og:site_name'),
    metaFirst(head, 'application-name'),
    metaFirst(head, 'publisher', 'dc.publisher', 'article:publisher'),
    head.article?.publisher,
  ].filter((x): x is string => !!x && !/^https?:/i.test(x));
  return [...new Set(names.map((n) => withoutChannel(n, head.docTitle)))];
}

/**
 * "中時電子報 - 影視": a site name carrying the channel after a separator, when the page's <title> ends with the
 * name alone ("… - 影視 - 中時電子報"), is that name.
 */
function withoutChannel(name: string, docTitle: string | undefined): string {
  const m = /^(.+?)\s+[-–—|｜]\s+\S.*$/.exec(name);
  if (!m || !docTitle) return name;
  const site = m[1].trim();
  return docTitle.trim().endsWith(site) && !docTitle.trim().endsWith(name) ? site : name;
}

/**
 * Without a site name in the metadata, the <title>'s last part when it is named like an outlet ("… - 中時電子報",
 * "…_新浪网"; not a channel, "…_新闻频道", "…_国内新闻"): the name a reader sees, so that its short form on the info line (中時) is read as the outlet credited
 * and never as the writer.
 */
export function withTitleSite(names: string[], docTitle: string | undefined): string[] {
  if (names.length > 0 || !docTitle) return names;
  const parts = docTitle.split(/\s+[-–—|｜]\s+|\s*[_｜|]\s*/);
  const last = parts.length > 1 ? parts[parts.length - 1].trim() : '';
  // (Not a blog's name either: "张三的博客" holds its writer's name, which must stay an author.)
  return /^[\u3400-\u9fffA-Za-z0-9]{2,12}(?:网|網|网站|網站|报|報)$/.test(last) && !last.includes('的') ? [last] : names;
}
