/**
 * Stress variants of the eval pages (`npm run eval -- --perturb bare|anon|both|flat|all`): the dev pages we tune on carry
 * hints that unseen sites often lack, so a rule can look right because a hint did the work. A perturbed page keeps
 * what a reader sees and loses one kind of hint:
 *   bare — no <meta name/property/itemprop> (the charset declaration stays), no JSON-LD, no microdata attributes:
 *          title, time, author and source must come from the visible page (and <title>);
 *   anon — every class and id value replaced by a meaningless token (the same value → the same token, so structure
 *          and repetition stay): the body and byline rules may not lean on names like "article" or "author";
 *   both — both at once;
 *   flat — headings (h1–h6) and the HTML5 sectioning and <time>/<address> tags turned into <div>s: the headline and
 *          info line must be found by wording and position, as on old portals that style a <div> as the headline;
 *   all  — bare, anon and flat at once.
 * Scores on a perturbed dev split are still dev figures (the same pages); they say how much of the dev score rests on
 * hints, and where the visible-page mechanisms are weak. Fields whose truth is only in a stripped hint cannot be found
 * on a bare page, so compare a perturbed score with the same run's unperturbed one, not with a target.
 */
export type Perturbation = 'bare' | 'anon' | 'both' | 'flat' | 'all';

export const PERTURBATIONS: readonly Perturbation[] = ['bare', 'anon', 'both', 'flat', 'all'];

const META_HINT = /<meta\b(?=[^>]*\b(?:name|property|itemprop)\s*=)(?![^>]*\bcharset\s*=)[^>]*>/gi;
const JSON_LD = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>[\s\S]*?<\/script\s*>/gi;
const MICRODATA = /\s(?:itemprop|itemtype|itemscope|property|typeof|datetime|pubdate)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?(?=[\s/>])/gi;
const CLASS_OR_ID = /(\s)(class|id)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
/** A start tag: attribute edits apply inside these only, never to the text between them. */
const START_TAG = /<[a-z][a-z0-9-]*\s[^>]*>/gi;

/** Strips head metadata, JSON-LD and microdata attributes. `datetime` goes too: a <time> keeps only its text. */
export function stripHints(html: string): string {
  return html
    .replace(JSON_LD, '')
    .replace(META_HINT, '')
    .replace(START_TAG, (tag) => tag.replace(MICRODATA, ''));
}

/** Replaces every class and id value with an opaque token, one token per distinct word. */
export function anonymiseNames(html: string): string {
  const tokens = new Map<string, string>();
  const token = (word: string): string => {
    let t = tokens.get(word);
    if (t === undefined) tokens.set(word, (t = `k${tokens.size.toString(36)}`));
    return t;
  };
  const rename = (_m: string, space: string, attr: string, _q: string, dq?: string, sq?: string, bare?: string): string => {
    const value = dq ?? sq ?? bare ?? '';
    return `${space}${attr}="${value.split(/\s+/).filter(Boolean).map(token).join(' ')}"`;
  };
  return html.replace(START_TAG, (tag) => tag.replace(CLASS_OR_ID, rename));
}

const SEMANTIC_TAG = /<(\/?)(?:h[1-6]|time|address|article|header|main|section|aside|nav|footer)(?=[\s>\/])/gi;

/** Headings and semantic tags become <div>s (attributes kept): only wording, position and styling are left. */
export function flattenTags(html: string): string {
  return html.replace(SEMANTIC_TAG, '<$1div');
}

export function perturb(html: string, kind: Perturbation): string {
  if (kind === 'bare') return stripHints(html);
  if (kind === 'anon') return anonymiseNames(html);
  if (kind === 'flat') return flattenTags(html);
  if (kind === 'all') return flattenTags(anonymiseNames(stripHints(html)));
  return anonymiseNames(stripHints(html));
}
