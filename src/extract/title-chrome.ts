/**
 * Site chrome around headlines: logo and branding elements, links to the home page, all-link menu entries. A
 * heading there names the site or channel, not the article (title.ts and title-lines.ts skip it).
 */
import type { StatsMap } from './body-score.js';
import { classAndId, isTag, type Element } from './dom.js';

const CHROME_HINT = /logo|brand|site-?(?:title|name|branding|header)|blog-?(?:title|name)|masthead|navbar/;

/**
 * The site's own name in the page header ("<h1 class="site-title"><a href="/">Mei's Kitchen</a></h1>"): a logo or
 * branding element, or a link to the home page. Blogs whose <title> is the blog name show it so.
 */
export function isSiteChrome(el: Element): boolean {
  const chain: Element[] = [];
  let cur: Element | null = el;
  for (let i = 0; cur && isTag(cur) && i < 6 && cur.name !== 'body'; i++, cur = cur.parent as Element | null) chain.push(cur);
  // Inside the article (or its own header): never the site's chrome.
  if (chain.some((e) => e.name === 'article' || e.name === 'main' || CONTENT_HINT.test(withoutStyleUtilities(classAndId(e))))) return false;
  for (const e of chain.slice(0, 4)) {
    if (CHROME_HINT.test(withoutStyleUtilities(classAndId(e)))) return true;
    if (e.name === 'a' && HOME_HREF.test((e.attribs.href ?? '').trim())) return true;
  }
  // A wrapper whose only content is a branding element or a link to the home page.
  let inner: Element = el;
  for (let depth = 0; depth < 4; depth++) {
    const kids = inner.children.filter((c): c is Element => isTag(c));
    if (kids.some((c) => c.name === 'a' && HOME_HREF.test((c.attribs.href ?? '').trim()))) return true;
    if (kids.length !== 1) break;
    inner = kids[0];
    if (CHROME_HINT.test(withoutStyleUtilities(classAndId(inner)))) return true;
  }
  return false;
}

const HOME_HREF = /^(?:\/|\.\/|\/?index\.\w+|https?:\/\/[^/]+\/?)$/;
const CONTENT_HINT = /article|post|entry|story|content|detail|news|text|zhengwen|body/;

/**
 * Class names without the styling utilities of CSS frameworks ("text-center", "tw-text-label-lg", "md:text-xl",
 * "bg-brand-700", "from-brand"): they say how a line is set and coloured, not that it is the article's text, nor
 * that it is the site's branding (a theme colour named "brand" sits on headlines too).
 */
export function withoutStyleUtilities(cls: string): string {
  return UTILITY_HINT.test(cls) ? cls.replace(STYLE_UTILITY, ' ') : cls;
}
const UTILITY_FAMILY = '(?:text|bg|border|from|via|to|ring|fill|stroke|decoration|outline|shadow|accent|divide)-';
const UTILITY_HINT = new RegExp(UTILITY_FAMILY);
const STYLE_UTILITY = new RegExp(`(?:^|\\s)(?:[\\w-]+:)*!?(?:tw-)?${UTILITY_FAMILY}\\S*`, 'g');

/** Nearly all of the element's text is link text (menus, breadcrumbs, a permalinked heading). */
export function isAllLink(el: Element, stats: StatsMap): boolean {
  const st = stats.get(el);
  return !!st && st.len > 0 && st.linkLen >= st.len * 0.9;
}

/**
 * Inside a breadcrumb trail ("Home › Sustainability › Climate change: 5 innovative solutions"): its last step names
 * the page with the <title>'s words, but it is the path to the article, not its headline (the h1 beside it may be
 * worded otherwise). Class or id, aria-label or schema.org BreadcrumbList, up to six levels up.
 */
export function isBreadcrumb(el: Element): boolean {
  let cur: Element | null = el;
  for (let i = 0; cur && isTag(cur) && i < 6 && cur.name !== 'body'; i++, cur = cur.parent as Element | null) {
    if (BREADCRUMB.test(classAndId(cur))) return true;
    const label = cur.attribs['aria-label'];
    if (label && BREADCRUMB.test(label.toLowerCase())) return true;
    if (cur.attribs.itemtype?.endsWith('BreadcrumbList')) return true;
  }
  return false;
}
const BREADCRUMB = /breadcrumb|(?:^|[\s_-])crumbs?(?:$|[\s_-])/;
