/**
 * A credit line after the body that sits in a box of its own beside the story: a sidebar column ("专栏" /
 * "作者：李大钊" / links to its items) credits its own items, not this story. Every other line after the body (the
 * 作者/责任编辑 bar or a "By …" footer in its own div after the article's) still credits the story.
 */
import { elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import type { PageZones } from './page-lines.js';

/** A box's own heading ("专栏", "Opinion"); h1 is the story's. */
const BOX_HEADING = /^h[2-6]$/;
/** A link this long names another story (share and menu links are a word or two). */
const STORY_LINK_CHARS = 8;

/** The closest element holding both the headline and the body's first line, unless that is the page itself. */
function storyWrapper(zones: PageZones): Element | undefined {
  const headline = zones.titleIndex !== undefined && zones.titleIndex >= 0 ? zones.lines[zones.titleIndex]?.el : undefined;
  const first = zones.bodyStart >= 0 ? zones.lines[zones.bodyStart]?.el : undefined;
  if (!headline || !first) return undefined;
  let wrapper: Element | null = headline;
  while (wrapper && !isAncestor(wrapper, first)) wrapper = wrapper.parent && isTag(wrapper.parent) ? wrapper.parent : null;
  return wrapper && !/^(?:body|html)$/.test(wrapper.name) ? wrapper : undefined;
}

/** A heading of the box's own that comes before the line. */
function headingBefore(box: Element, line: Element): boolean {
  for (const el of elementsIn(box)) {
    if (el === line) return false;
    if (BOX_HEADING.test(el.name) && !isAncestor(el, line)) return true;
  }
  return false;
}

/** A sibling of the line that is a link to another story. */
function storyLinkBeside(line: Element): boolean {
  const parent = line.parent;
  if (!parent || !isTag(parent)) return false;
  return parent.children.some((s) => {
    if (s === line || !isTag(s)) return false;
    const link = s.name === 'a' ? s : s.children.length === 1 && isTag(s.children[0]) && s.children[0].name === 'a' ? s.children[0] : undefined;
    return !!link && !!link.attribs.href && textContent(link).trim().length >= STORY_LINK_CHARS;
  });
}

/** Whether a line after the body sits in a box of its own beside the story (below the element the two share). */
export function inSideBox(line: Element, zones: PageZones): boolean {
  const wrapper = storyWrapper(zones);
  if (!wrapper || line === wrapper || isAncestor(wrapper, line)) return false;
  if (storyLinkBeside(line)) return true;
  for (let box = line.parent; box && isTag(box) && !isAncestor(box, wrapper); box = box.parent) {
    if (headingBefore(box, line)) return true;
  }
  return false;
}
