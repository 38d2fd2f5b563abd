/** class/id hints: words that mark an element as article content or as page furniture. */
import { classAndId, type Element } from './dom.js';

/** Content containers (incl. common Chinese CMS names: artibody, zhengwen, TRS_Editor, neirong, wenzhang). */
const POSITIVE = /article|(?:^|[\s_-])(?:body|content|entry|post|story|text|main|blog|detail|hentry|h-entry)(?:$|[\s_-])|articlebody|storybody|postbody|entry-content|post-content|artibody|zhengwen|trs_editor|neirong|wenzhang|\bcont(?:ent)?\b|rm_txt|txt_con|article-body|art_context|content_area|main_content|news_txt|newstext|left_zw|text_con|detail_con/;

/** Furniture: navigation, sharing, related/recommended lists, comments, ads, footers (incl. pinyin names). */
const NEGATIVE = /(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|foot|masthead|sidebar|side|aside|widget|related|relate|recommend(?:ed|ation)?s?|recirc|promo|promoted|advert|advertisement|ads?|adv|ad-slot|adunit|sponsor(?:ed)?|banner|share|sharing|sharebar|social|comments?|reply|disqus|breadcrumbs?|crumbs?|tags?|tagcloud|pagination|pager|popup|modal|cta|newsletter|subscribe|signup|cookie|toolbar|print|copyright|outbrain|taboola|more-stories|read-more|readmore|trending|popular|most-read|hot|rank|login|topbar|header|byline|author-bio|bio|authors?-?box|author-?info|author-?card|author-?profile|about-?(?:the-?)?author|caption-credit|skip|jump|xgxw|xiangguan|tuijian|pinglun|fenxiang|gg|gg\d|bottom|lanmu|dibu|youlian|links|footnote-links)(?:$|[\s_\d-])|shoutbox|combx|skyscraper|gdpr|cookie|-ad-|_ad_|social|share|related|comment|recommend|promo|sponsor|newsletter|popup/;

/** Words so specific that the element is furniture even when it is big (comments, related lists). */
const STRONG_NEGATIVE = /comment|related|recommend|share|social|newsletter|sidebar|footer|breadcrumb|pinglun|xiangguan|tuijian|outbrain|taboola|disqus|advert|sponsor|promo|gallery|slideshow|carousel/;

/** -25 … +25 from an element's class and id. */
export function classWeight(el: Element): number {
  const s = classAndId(el);
  if (!s) return 0;
  let w = 0;
  if (NEGATIVE.test(s)) w -= 25;
  if (POSITIVE.test(s)) w += 25;
  return w;
}

export function isStrongNegative(el: Element): boolean {
  const s = classAndId(el);
  return s !== '' && STRONG_NEGATIVE.test(s) && !/article-?body|artibody|post-?content|entry-?content|story-?body/.test(s);
}

/** Tag-based prior, as in Readability: containers up, list/heading furniture down. */
export function tagWeight(el: Element): number {
  switch (el.name) {
    case 'article':
    case 'main':
      return 10;
    case 'div':
    case 'section':
      return 5;
    case 'td':
    case 'blockquote':
    case 'pre':
      return 3;
    case 'form':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'address':
      return -3;
    case 'th':
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return -5;
    default:
      return 0;
  }
}

/** (A module constant: a regex literal in the function is a new RegExp object at each call, and this runs per element.) */
const ARTICLE_BODY_CLASS = /(?:^|\s)(?:article-?body|articlebody|story-?body|entry-content|post-content|article__body|article-content)(?:\s|$)/i;

/** Schema.org/microdata markers that name the article body outright. */
export function isMarkedArticleBody(el: Element): boolean {
  const ip = el.attribs.itemprop;
  if (ip && /articleBody|\btext\b/i.test(ip)) return true;
  return ARTICLE_BODY_CLASS.test(el.attribs.class ?? '');
}
