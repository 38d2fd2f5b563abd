/**
 * The writer's box closing an article: a name linking to the writer's profile page, a line or two about them and
 * their social links, under the last paragraph. Class names are no help here (themes call it "author_detail_box",
 * which reads as content, or "abh_box"); its shape is: a small subtree at the end of the chosen container, after
 * the article's prose, holding a link to an author page (`rel="author"`, `/author/…`, `/contributors/…`) or
 * a schema.org Person (`itemprop="author"`, `itemtype=…/Person`), and otherwise a short bio.
 */
import { elementsIn, isAncestor, isTag, type Element } from './dom.js';
import { unlinkedTextBeside, type StatsMap } from './body-score.js';

/** A profile page: the path's first or second segment names writers, followed by the writer's slug. (Not `team`:
 * a sports page's /nba/team/… links name clubs.) */
const AUTHOR_PATH = /^(?:https?:\/\/[^/]+)?(?:\/[^/?#]+)?\/(?:author|authors|writer|writers|contributor|contributors|staff|columnist|columnists|profile|profiles|people)\/[^/?#]+/i;
/** A bio is short; a longer box is a section of the article (an interview's "About the guest"). */
const MAX_BOX_LEN = 900;
/** …and says something beyond the name. */
const MIN_BIO_LEN = 60;
/** The article's prose before the box, and at most a line or two after it. */
const MIN_PROSE_BEFORE = 400;
const MAX_PROSE_AFTER = 120;
/** Elements looked at under a container: a bound on hostile pages. */
const MAX_SCAN = 20_000;
/** Author marks looked at: more is a listing of posts (each with its writer), not an article's closing box; the
 * bound also keeps the walk around each mark from turning quadratic on a page of thousands of them. */
const MAX_MARKS = 40;

const PERSON_TYPE = /schema\.org\/Person$/i; // (hoisted: a literal here is a new RegExp per element)

function isAuthorMark(el: Element): boolean {
  const a = el.attribs;
  // (Split only when there is a rel: this runs on every element of the body, and ''.split() builds an array too.)
  if (a.rel !== undefined && a.rel.split(/\s+/).includes('author')) return true;
  if (a.itemprop === 'author' || PERSON_TYPE.test(a.itemtype ?? '')) return true;
  return el.name === 'a' && AUTHOR_PATH.test(a.href ?? '');
}

/**
 * Writer boxes at the end of `root`: for each author mark, the largest ancestor below `root` that is still a small
 * box; kept when it holds a bio besides the name and closes the container (prose before it, next to none after).
 */
export function authorBoxesIn(root: Element, stats: StatsMap): Element[] {
  const rootLen = stats.get(root)?.len ?? 0;
  if (rootLen < MIN_PROSE_BEFORE + MIN_BIO_LEN) return [];
  const out: Element[] = [];
  let scanned = 0;
  let marks = 0;
  for (const el of elementsIn(root)) {
    if (++scanned > MAX_SCAN) break;
    if (!isAuthorMark(el) || out.some((b) => b === el || isAncestor(b, el))) continue;
    if (++marks > MAX_MARKS) return [];
    let box: Element | undefined;
    for (let cur = el; cur.parent && isTag(cur.parent) && cur.parent !== root; cur = cur.parent) {
      const len = stats.get(cur.parent)?.len ?? 0;
      if (len > MAX_BOX_LEN) break;
      box = cur.parent;
    }
    if (!box) continue;
    const s = stats.get(box);
    // A paragraph naming a staff member in passing is prose; a box lays its name and bio out in blocks.
    // A link is the name alone; a marked Person block may hold the bio itself.
    const nameLen = el.name === 'a' ? (stats.get(el)?.len ?? 0) : 0;
    if (!s || !s.hasBlockChild || s.len - nameLen < MIN_BIO_LEN) continue;
    if (unlinkedTextBeside(box, root, stats, 1) > MAX_PROSE_AFTER || unlinkedTextBeside(box, root, stats, -1) < MIN_PROSE_BEFORE) continue;
    out.push(box);
  }
  return out;
}
