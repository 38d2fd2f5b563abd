/**
 * Comment and login forms known by their controls, whatever their class names say: NetEase's "tie-post" box, an
 * old portal's `<div id="pl">`. A form's box (prompt, counters, "网友评论仅供其表达个人看法" disclaimer, login links) is a
 * handful of short lines, and on a short article those lines can outvote the article's one or two paragraphs; the
 * class-name rules (body-unlikely.ts) catch only boxes named "comment". The box is the largest ancestor of a
 * <textarea> or password field that is still small and holds no paragraph of prose, so the article's own column,
 * or a short post sitting above its reply form, never counts as the widget.
 */
import { elementsIn, heldTextInput, isTag, type Element } from './dom.js';
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
    if (!heldTextInput(el) || out.has(el)) continue;
    let box: Element | undefined;
    for (let cur: Element | null = el; cur && isTag(cur) && !NEVER.has(cur.name); cur = cur.parent as Element | null) {
      const s = stats.get(cur);
      if (!s || s.len > MAX_WIDGET_LEN || holdsProse(cur, stats)) break;
      box = cur;
    }
    if (box) out.add(box);
  }
  return out;
}

function holdsProse(box: Element, stats: StatsMap): boolean {
  if ((stats.get(box)?.inlineLen ?? 0) >= PROSE_LEN) return true;
  return elementsIn(box).some((d) => (stats.get(d)?.inlineLen ?? 0) >= PROSE_LEN);
}
