/**
 * Names from links: a writer's profile page or a platform member's page linked near the headline, a poster's user
 * link, and the lone name under the headline that is no navigation link.
 */
import { closest, elementsIn, textContent } from './dom.js';
import type { Block } from './blocks.js';
import type { PageZones } from './page-lines.js';
import { loneNameLine } from './byline-posters.js';
import { isPersonName } from './people-names.js';
import type { ZoneLine } from './people-segments.js';
import { collapseSpace, comparable } from './text.js';

/**
 * A line that is one link to somewhere other than a writer's page (a tag, a channel in the menu, "手机版"): its
 * text names a place on the site, never the byline, however name-like it is.
 */
function isNavigationLink(l: Block): boolean {
  return l.text.length > 0 && l.linkChars >= l.text.length * 0.9 && !PROFILE_PATH.test(l.md) && !MEMBER_PATH.test(l.md);
}

/** A lone-name line right under the headline (essays, magazine pieces), also when the headline opens the body. */
export function loneNameAfterTitle(zones: PageZones, title: string | undefined): string | undefined {
  const loneName = (l: Block): string | undefined => (isNavigationLink(l) ? undefined : loneNameLine(l.text));
  const first = zones.header.slice(0, 3).map(loneName).find(Boolean);
  if (first) return first;
  const top = zones.lines.slice(Math.max(0, zones.bodyStart), Math.max(0, zones.bodyStart) + 4);
  const key = title ? comparable(title) : '';
  for (let i = 1; i < top.length; i++) {
    if (key && top[i - 1].text.length < 400 && comparable(top[i - 1].text).endsWith(key.slice(-Math.min(key.length, 8)))) {
      const name = loneName(top[i]);
      if (name) return name;
    }
  }
  return undefined;
}

/** Paths of writer pages: /author/jane-doe, /about/editors/jon-fingas/, /profile/…, /zuozhe/…. */
const PROFILE_PATH = /\/(?:author|authors|autor|auteur|profile|profiles|people|staff|contributors?|writers?|journalists?|editors|columnists?|reporters?|zuozhe|jizhe)\/[^/?#]{2,}/i;
/**
 * A platform member's page (/u/u28067837597024.html, /user/123, a forum engine's space-uid-123.html or
 * home.php?mod=space&uid=123, a blog engine's ?author=102): its link text is a handle, not always a full name.
 */
const MEMBER_PATH = /\/(?:u|user|users|member|members)\/[^/?#]{2,}|(?:^|\/)space-uid-\d+|[?&]mod=space&(?:amp;)?uid=\d+|[?&]author=\d+/i;

/**
 * Links to a writer's page in the lines around the headline (`<a href="/author/…">Chris Thompson</a>`): the link
 * text is the byline even when nothing else marks it. Several such links on one line are several authors.
 */
export function authorFromProfileLinks(lines: ZoneLine[], valid: (a: string | undefined) => string | undefined): string | undefined {
  for (const l of lines) {
    if (l.text.length > 200) continue;
    const names: string[] = [];
    // The line may be a block inside the link (<a href="/u/…"><img><p>Fomney</p></a>).
    const around = closest(l.el, (e) => e.name === 'a', 3);
    for (const a of around ? [around] : elementsIn(l.el)) {
      if (a.name !== 'a' || !a.attribs.href) continue;
      const member = MEMBER_PATH.test(a.attribs.href);
      if (!member && !PROFILE_PATH.test(a.attribs.href)) continue;
      const text = collapseSpace(textContent(a));
      const handle = member && /^[\p{L}\p{N}_.-]{2,30}$/u.test(text);
      if ((handle || (isPersonName(text) && (/[\u3400-\u9fff]/.test(text) || text.includes(' ')))) && !names.includes(text)) names.push(text);
    }
    const joined = names.length > 0 ? valid(names.join(/[A-Za-z]/.test(names[0]) ? ', ' : ' ')) : undefined;
    if (joined) return joined;
  }
  return undefined;
}

/** A forum's or blog platform's poster link: class user-name / username / nickname, or data-author="true". */
const USER_LINK_CLASS = /(?:^|[\s_-])(?:user-?name|username-link|nick-?name)(?:$|[\s_-])/i;

/**
 * A forum thread or platform post names its poster by handle in a user link on the line under the headline
 * (`<a class="user-name" href="/zzz6519003">zzz6519003</a> · 19 天前`): a login-like handle is the byline there.
 */
export function authorFromUserLinks(lines: ZoneLine[], valid: (a: string | undefined) => string | undefined): string | undefined {
  for (const l of lines) {
    if (l.text.length > 200) continue;
    for (const a of elementsIn(l.el)) {
      if (a.name !== 'a' || !(a.attribs['data-author'] === 'true' || USER_LINK_CLASS.test(a.attribs.class ?? ''))) continue;
      const text = collapseSpace(textContent(a));
      if (text.length >= 2 && text.length <= 30 && !/\s{2,}|[:：]/.test(text)) return valid(text);
    }
  }
  return undefined;
}
