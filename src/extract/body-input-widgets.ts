/**
 * A portal's comment box known by its controls, whatever its class names say (NetEase's "tie-post" box): a
 * <textarea> with a login form (a password field) beside it, and around them a handful of short lines (counters,
 * a prompt, "网友评论仅供其表达个人看法" disclaimer, login links) that on a short article can outvote the article's one
 * or two paragraphs; the class-name rules (body-unlikely.ts) catch only boxes named "comment". The box is the
 * largest ancestor of the textarea that is still small, holds no paragraph of prose, and holds the password field.
 * A reply box alone (a forum's quick reply, a Q&A page's answer box) is no widget: it often shares its wrapper with
 * a short post, whose lines look just as short.
 */
import { elementsIn, heldInput, isTag, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';

/** Weighted text length (CJK ×2) a form's box may hold: labels, counters, a disclaimer. */
const MAX_WIDGET_LEN = 400;
/** A run of inline text this long is a paragraph of prose, not a form's label. */
const PROSE_LEN = 100;
/** Never a widget's box: page wrappers and the semantic article elements. */
const NEVER = new Set(['html', 'body', 'article', 'main']);

export function inputWidgets(order: Element[], stats: StatsMap): Set<Element> {
  const out = new Set<Element>();
  for (const el of order) {
    if (!heldInput(el, 'textarea') || out.has(el)) continue;
    let box: Element | undefined;
    for (let cur: Element | null = el; cur && isTag(cur) && !NEVER.has(cur.name); cur = cur.parent as Element | null) {
      const s = stats.get(cur);
      if (!s || s.len > MAX_WIDGET_LEN || holdsProse(cur, stats)) break;
      box = cur;
    }
    if (box && holdsPasswordField(box)) out.add(box);
  }
  return out;
}

function holdsProse(box: Element, stats: StatsMap): boolean {
  if ((stats.get(box)?.inlineLen ?? 0) >= PROSE_LEN) return true;
  return elementsIn(box).some((d) => (stats.get(d)?.inlineLen ?? 0) >= PROSE_LEN);
}

function holdsPasswordField(box: Element): boolean {
  return heldInput(box, 'password') || elementsIn(box).some((d) => heldInput(d, 'password'));
}
