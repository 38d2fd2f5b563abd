/**
 * The article's HTML carried only in a Next.js App Router payload: the server sends the page's markup as
 * `self.__next_f.push([1,"…"])` script chunks (React's "flight" rows) and the browser renders the text from them,
 * so a page that renders its article client-side has no paragraph in its markup: the text sits in those chunks as
 * an HTML string, a text row of its own (`24:T1b7b,<p>…</p>`: id, 'T', its length in UTF-8 bytes in hex) or a
 * string in a row (`"dangerouslySetInnerHTML":{"__html":"<p>…</p>"}`). When the markup yields no body, the longest
 * such HTML string that speaks of the headline is the article's markup: the payload carries the page's other HTML
 * too (a cookie notice, a footer's about text), which may be longer than a short article.
 */

/** One payload chunk: `self.__next_f.push([1,"…"])`, the string a JSON string literal. */
const FLIGHT_CHUNK = /self\.__next_f\.push\(\[1,\s*("(?:[^"\\]|\\.)*")\]\)/g;
/** A text row's head: its id, 'T' and its length in bytes (hex). */
const TEXT_ROW = /(?:^|\n)[0-9a-f]+:T([0-9a-f]{1,8}),/g;
/** A JSON string literal inside the decoded rows. */
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;
/** An HTML string holds this many paragraph tags at least: markup of text, not an icon or a caption. */
const MIN_PARAGRAPHS = 2;
/** Placeholders a template leaves in the markup for the client to fill (`$$ARTICLEAD$$`): no text of the article. */
const PLACEHOLDER = /\$\$[A-Z0-9_]+\$\$/g;
/** Pages larger than this are not scanned (a bound on hostile input). */
const MAX_HTML = 5_000_000;

function decode(literal: string): string | undefined {
  try {
    const v: unknown = JSON.parse(literal);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The length of an HTML string's text without its tags (to compare candidates by how much they say). */
const textLengthOf = (html: string): number => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().length;

/** Title words a story's text repeats: Latin-script words of 4+ letters, and pairs of CJK characters. */
function titleTokens(title: string | undefined): string[] {
  if (!title) return [];
  const t = title.toLowerCase();
  const words = t.match(/[\p{L}\p{N}]{4,}/gu)?.filter((w) => !/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u.test(w)) ?? [];
  const cjk = [...t.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/gu)].flatMap((m) => [...m[0]].slice(1).map((c, i) => m[0][i] + c));
  return [...new Set([...words, ...cjk])];
}

/** Does the text repeat two of the title's words (one when the title has one)? A title with none says nothing. */
function speaksOf(html: string, tokens: string[]): boolean {
  if (tokens.length === 0) return true;
  const text = html.replace(/<[^>]*>/g, ' ').toLowerCase();
  let n = 0;
  for (const w of tokens) if (text.includes(w) && ++n >= Math.min(2, tokens.length)) return true;
  return false;
}

/**
 * The longest HTML string with paragraphs in the page's Next.js payload that speaks of the page's title (any, when
 * there is no title), as markup ready to parse; undefined when the page has no payload or no such string.
 */
export function flightArticleHtml(html: string, title?: string): string | undefined {
  if (html.length > MAX_HTML || !html.includes('self.__next_f')) return undefined;
  let rows = '';
  for (const m of html.matchAll(FLIGHT_CHUNK)) rows += decode(m[1]) ?? '';
  if (!rows) return undefined;
  let best: string | undefined;
  let bestLen = 0;
  const tokens = titleTokens(title);
  const consider = (s: string | undefined): void => {
    if (!s || (s.match(/<p[\s>]/g)?.length ?? 0) < MIN_PARAGRAPHS || !speaksOf(s, tokens)) return;
    const len = textLengthOf(s);
    if (len > bestLen) {
      best = s;
      bestLen = len;
    }
  };
  for (const m of rows.matchAll(TEXT_ROW)) consider(textRow(rows, m.index + m[0].length, parseInt(m[1], 16)));
  for (const m of rows.matchAll(STRING_LITERAL)) if (m[0].includes('<p')) consider(decode(m[0]));
  return best?.replace(PLACEHOLDER, '');
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** The `bytes` UTF-8 bytes of a text row starting at `start` (a row is counted in bytes, not characters). */
function textRow(rows: string, start: number, bytes: number): string {
  // A character takes at most 4 bytes: at least bytes/4 characters, at most `bytes`, are the row's.
  const head = utf8.encode(rows.slice(start, start + bytes));
  return fromUtf8.decode(head.subarray(0, bytes));
}
