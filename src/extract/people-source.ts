/**
 * The publisher side of the people fields: a source element in the info line, an outlet opening a byline, and an
 * account platform's account and writer (WeChat and the like).
 */
import { classAndId, isTag, textContent, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { type HeadData } from './head.js';
import type { PageZones } from './page-lines.js';
import { sourceFromText } from './byline.js';
import { isOutletName, isPersonName } from './people-names.js';
import { elementRuns } from './people-segments.js';
import { collapseSpace } from './text.js';

const SOURCE_CLASS = /(?:^|[\s_-])(?:source|media-?name|laiyuan|ly|come-?from|article-?source|source-?name|media-?source)(?:$|[\s_-])/;

/** An element the site marks as the source (<a class="source">新华日报</a>, <span class="media-name">…</span>) in the info line. */
export function sourceFromElements(order: Element[], stats: StatsMap, zones: PageZones): string | undefined {
  const header = new Set(zones.header.map((l) => l.el));
  if (header.size === 0) return undefined;
  for (const el of order) {
    // Only near the headline: the info line's element or one inside it (two set lookups, tested first: this loop
    // runs over every element of the page, and few are near the headline).
    const parent = el.parent as Element | null;
    if (!header.has(el) && !(parent && (header.has(parent) || (parent.parent && header.has(parent.parent as Element))))) continue;
    const cls = classAndId(el);
    if (!cls || !SOURCE_CLASS.test(cls)) continue; // (a blank value cannot match either: no trim() copy per element)
    const size = stats.get(el)?.len ?? 0;
    if (size < 2 || size > 60) continue;
    const text = collapseSpace(textContent(el)).replace(/^(?:来源|稿源|source)\s*[:：]\s*/i, '');
    if (!text || /\d{1,2}[:：]\d{2}|(?:19|20)\d{2}[-/年.]/.test(text) || /[:：]/.test(text)) continue;
    const name = sourceFromText(`来源：${text}`);
    if (name) return name;
  }
  return undefined;
}

/**
 * A byline element that opens with the outlet's name before the writer's (`<div class="reporter"><a>中廣</a> 溫蘭魁
 * <time>…</time></div>`): the outlet is the credited source.
 */
export function outletOpeningByline(bylines: Element[], stats: StatsMap): string | undefined {
  for (const el of bylines) {
    const size = stats.get(el)?.len ?? 0;
    if (size === 0 || size > 80) continue;
    const [first, second] = elementRuns(el).map((r) => r.trim());
    if (first && second && isOutletName(first) && /[\u3400-\u9fff]/.test(second) && isPersonName(second)) return first;
  }
  return undefined;
}

/** Platforms that host accounts: as a page's publisher they say less than the account's own name. */
export const PLATFORM = /^(?:微信公众平台|微信|WeChat|今日头条|头条号|百家号|搜狐号|网易号|企鹅号|一点号|大鱼号)$/i;
const ACCOUNT_ID = /^(?:js_name|post-user|profileBt|js_profile_nickname|js_wx_follow_nickname)$/;
const ACCOUNT_CLASS = /(?:^|\s)(?:profile_nickname|rich_media_meta_nickname|wx_follow_nickname)(?:\s|$)/;

/**
 * An account platform's page (WeChat and the like) names its account in a marked element (#js_name) or a script
 * variable (`var nickname = "…"`), and its writer in #js_author_name. The script variable is read on a platform's page
 * only: one with its layout, its site name, or its address (the page's or og:url).
 */
/** An account platform's article address (a WeChat post is served from mp.weixin.qq.com whatever page saved it). */
const PLATFORM_URL = /^https?:\/\/mp\.weixin\.qq\.com\//i;

export function accountOf(order: Element[], head: HeadData, siteNames: string[], pageUrls: Array<string | undefined> = []): { account?: string; writer?: string; byAddress?: boolean } {
  let account: string | undefined;
  let writer: string | undefined;
  let layout = false;
  for (const el of order) {
    const id = el.attribs.id;
    if (!id) {
      // includes() first: this runs on every element of the page.
      if (!account && el.attribs.class?.includes('nickname') && ACCOUNT_CLASS.test(el.attribs.class)) account = collapseSpace(textContent(el)) || undefined;
      continue;
    }
    // (The article's wrapper, not its content: a WeChat post pasted into a blog brings its <div id="js_content"> along.)
    if (id === 'js_article') layout = true;
    if (!account && ACCOUNT_ID.test(id)) account = collapseSpace(textContent(el)) || undefined;
    else if (!writer && id === 'js_author_name') writer = collapseSpace(textContent(el)) || undefined;
    if (account && writer) break;
  }
  // Only account pages have the layout: no extra walk over other pages.
  if (account) writer ??= oldLayoutWriter(order);
  // A script's `nickname` is the account only on an account platform's page: blogs (CSDN's `var nickName`) name
  // their writer so, and that writer is no source.
  // Known only by its address (a saved post, or a page whose og:url points there): only WeChat's own page-data forms
  // name the account (`window.user = { nickname: "游客" }` is a visitor's), and a printed source line wins (people.ts).
  let byAddress = false;
  if (layout || siteNames.some((n) => PLATFORM.test(n.trim()))) account ??= head.scriptVars.find((v) => v.key === 'nickname' || v.key === 'jsname')?.value;
  else if (!account && pageUrls.some((u) => u !== undefined && PLATFORM_URL.test(u))) {
    account = head.scriptVars.find((v) => (v.key === 'nickname' || v.key === 'jsname') && v.platformForm)?.value;
    byAddress = account !== undefined;
  }
  return { account: account && account.length <= 40 ? account : undefined, writer: writer && writer.length <= 40 ? writer : undefined, byAddress };
}

/**
 * The older WeChat layout has no #js_author_name: the writer is the undated, unlinked meta <em> (or <span>, after a
 * "原创：" label) of the meta list (<em id="post-date" …>2018-04-06</em><em class="rich_media_meta_text">华商君</em><a
 * id="post-user">华商报</a>).
 */
function oldLayoutWriter(order: Element[]): string | undefined {
  const list = order.find((e) => e.attribs.id === 'meta_content' || /(?:^|\s)rich_media_meta_list(?:\s|$)/.test(e.attribs.class ?? ''));
  if (!list) return undefined;
  for (const el of list.children) {
    if (!isTag(el) || (el.name !== 'em' && el.name !== 'span') || el.attribs.id || !/(?:^|\s)rich_media_meta_text(?:\s|$)/.test(el.attribs.class ?? '')) continue;
    const text = collapseSpace(textContent(el));
    // A label item ("原创：" before the writer's <span>) names nobody.
    if (text && text.length <= 30 && !/[:：]$/.test(text) && !/\d{4}[-/年.]\d{1,2}|\d{1,2}:\d{2}/.test(text)) return text;
  }
  return undefined;
}
