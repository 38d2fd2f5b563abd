/**
 * The JSON-LD object describing the article (readHead collects the <script> blocks, this reads them): the block
 * parsed leniently, @graph and nested objects flattened, the most article-like object chosen and its fields read,
 * authors named through the graph's Person nodes where only referenced.
 */
import type { Element } from './dom.js';
import { collapseSpace } from './text.js';

export interface JsonLdArticle {
  type: string;
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  authors: string[];
  /** The authors were all read through graph references (a CMS account's Person node), none named inline. */
  authorsByReference?: boolean;
  publisher?: string;
  section?: string;
  keywords: string[];
  description?: string;
  images: string[];
  url?: string;
  inLanguage?: string;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting|DiscussionForumPosting|Review|Posting|Blog|WebPage|ItemPage|CreativeWork)$/i;
const MAX_JSONLD_CHARS = 500_000;

function parseLenient(raw: string): Json | undefined {
  const text = raw.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
  try {
    return JSON.parse(text) as Json;
  } catch {
    // Common breakage: raw newlines/tabs inside strings, trailing commas.
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')) as Json;
    } catch {
      return undefined;
    }
  }
}

function isObject(j: Json | undefined): j is JsonObject {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

/** Every object in the JSON-LD blocks, @graph and nested arrays flattened (breadth-limited). */
function allObjects(roots: Json[]): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: Json[] = [...roots];
  while (queue.length > 0 && out.length < 500) {
    const j = queue.shift()!;
    if (Array.isArray(j)) queue.push(...j);
    else if (isObject(j)) {
      out.push(j);
      const g = j['@graph'];
      if (g !== undefined) queue.push(g);
      const main = j.mainEntity;
      if (main !== undefined && typeof main === 'object') queue.push(main);
    }
  }
  return out;
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(j: Json | undefined): string | undefined {
  if (typeof j === 'string') return collapseSpace(j) || undefined;
  if (typeof j === 'number') return String(j);
  if (Array.isArray(j)) return str(j[0]);
  return undefined;
}

/**
 * Names from a string, {name}, or an array of either. A graph's reference `{"@id": "…#/schema/person/…"}` (SEO
 * plugins put the Person in a node of its own and point the article's author at it) is read through `byId`.
 */
function names(j: Json | undefined, byId?: Map<string, JsonObject>): string[] {
  if (j === undefined || j === null) return [];
  if (typeof j === 'string') return [collapseSpace(j)].filter(Boolean);
  if (Array.isArray(j)) return j.flatMap((x) => names(x, byId));
  if (isObject(j)) {
    const id = typeof j['@id'] === 'string' ? j['@id'] : undefined;
    const n = str(j.name) ?? (id !== undefined ? str(byId?.get(id)?.name) : undefined);
    return n ? [n] : [];
  }
  return [];
}

/**
 * The graph's Person nodes by @id, what an author reference is read for. (A reference to an Organization is the
 * site itself standing in as the author, and a publisher reference's node often holds a tagline or a login name
 * where the name should be: neither is followed.)
 */
function personNodes(objects: JsonObject[]): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const o of objects) {
    const id = o['@id'];
    if (typeof id === 'string' && o.name !== undefined && typesOf(o).includes('Person') && !out.has(id)) out.set(id, o);
  }
  return out;
}

/** Is every author a bare reference `{"@id": …}`, none named where it is given? */
function onlyReferences(j: Json | undefined): boolean {
  const items = Array.isArray(j) ? j : [j ?? null];
  return items.length > 0 && items.every((x) => isObject(x) && typeof x['@id'] === 'string' && str(x.name) === undefined);
}

function urls(j: Json | undefined): string[] {
  if (j === undefined || j === null) return [];
  if (typeof j === 'string') return [j.trim()];
  if (Array.isArray(j)) return j.flatMap(urls);
  if (isObject(j)) return urls(j.url ?? j.contentUrl ?? null);
  return [];
}

export function readJsonLd(scripts: Element[]): JsonLdArticle | undefined {
  const roots: Json[] = [];
  for (const el of scripts) {
    const raw = el.children.map((c) => (c.type === 'text' ? (c as { data?: string }).data ?? '' : '')).join('');
    if (raw.length > MAX_JSONLD_CHARS) continue;
    const j = parseLenient(raw);
    if (j !== undefined) roots.push(j);
  }
  if (roots.length === 0) return undefined;
  const objects = allObjects(roots);
  // Prefer real article types over WebPage/CreativeWork.
  let best: JsonObject | undefined;
  let bestRank = 0;
  for (const o of objects) {
    const types = typesOf(o);
    const match = types.find((t) => ARTICLE_TYPES.test(t));
    if (!match) continue;
    const rank = /Article|Posting|Report|Review/i.test(match) ? 3 : /Blog/i.test(match) ? 2 : 1;
    const hasContent = o.headline !== undefined || o.datePublished !== undefined;
    const score = rank * 2 + (hasContent ? 1 : 0);
    if (score > bestRank) {
      best = o;
      bestRank = score;
    }
  }
  if (!best) return undefined;
  const keywords = best.keywords;
  const byId = personNodes(objects);
  const author = best.author ?? best.creator ?? null;
  const authors = names(author, byId);
  return {
    type: typesOf(best)[0] ?? '',
    headline: str(best.headline) ?? (bestRank >= 6 ? str(best.name) : undefined),
    datePublished: str(best.datePublished) ?? str(best.dateCreated),
    dateModified: str(best.dateModified),
    authors,
    authorsByReference: authors.length > 0 && onlyReferences(author),
    publisher: names(best.publisher ?? best.sourceOrganization ?? null)[0],
    section: str(best.articleSection),
    keywords: typeof keywords === 'string' ? keywords.split(/[,，;；]/).map((k) => k.trim()).filter(Boolean) : names(keywords),
    description: str(best.description),
    images: urls(best.image ?? best.thumbnailUrl ?? null),
    url: str(best.url) ?? (isObject(best.mainEntityOfPage) ? str(best.mainEntityOfPage['@id']) : str(best.mainEntityOfPage)),
    inLanguage: str(best.inLanguage),
  };
}
