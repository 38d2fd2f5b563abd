/**
 * Scores past Readability's reach (body-score.ts hands a paragraph's score up five levels). Page builders nest every
 * paragraph six deep or more (section > container > column > wrap > widget > inner), each part of the article in a
 * stack of its own, so the box holding all the parts is out of every paragraph's reach and the page's one long
 * disclaimer or testimonial box wins. Past the reach a score keeps climbing through wrappers (a run of boxes each
 * holding only the box below is one level), and a box counts only as the meeting point of several parts: one deep
 * block's far wrapper holds nothing the block does not. A meeting point must also hold the box that scored highest
 * within the reach (the article's own column): a long thread of deeply wrapped comments beside a flat article meets
 * in its list box through every comment, and without this the list outscores the article it sits beside.
 */
import { isAncestor, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';

/** Children the far contributions must come through before a box scores from them. */
const FAR_PARTS = 3;

/**
 * Is `child` the only element child of `parent` holding any text? Constant time: computeStats counts each box's
 * children holding text (a wide parent of many empty icons is asked once per paragraph step below it).
 */
export function onlyTextChild(parent: Element, child: Element, stats: StatsMap): boolean {
  const others = (stats.get(parent)?.textChildren ?? 0) - ((stats.get(child)?.len ?? 0) > 0 ? 1 : 0);
  return others <= 0;
}

/** May a far meeting point `box` add its score, given the box that scored highest within the reach? */
export function holds(box: Element, nearTop: Element | undefined): boolean {
  return nearTop !== undefined && (box === nearTop || isAncestor(box, nearTop));
}

/** Contributions reaching boxes past the reach, with the children they came through. */
export class FarReach {
  private readonly boxes = new Map<Element, { score: number; via: Set<Element> }>();

  add(box: Element, from: Element, score: number): void {
    let f = this.boxes.get(box);
    if (!f) this.boxes.set(box, (f = { score: 0, via: new Set() }));
    f.score += score;
    f.via.add(from);
  }

  /** The boxes reached through FAR_PARTS children or more, with their far score. */
  *meetingPoints(): Iterable<[Element, number]> {
    for (const [box, f] of this.boxes) if (f.via.size >= FAR_PARTS) yield [box, f.score];
  }
}
