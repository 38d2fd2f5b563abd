/**
 * Config regexes (include/exclude/articlePattern, extraction override `regex`) run over attacker-controlled URLs
 * and page text, so they go through RE2 (re2-wasm): matching is linear in the input, and a pattern like `(a+)+$`
 * cannot stall the crawl. Patterns keep JavaScript's meaning: the source is first translated where RE2 differs
 * (`\s` and `.` are Unicode-aware in JS, `\p` and `\A` are plain letters, `[]` matches nothing). Backreferences and
 * lookaround have no linear-time implementation and are refused at config validation.
 */
import { RE2 } from 're2-wasm';

/** A compiled config pattern. Stateless: no `g`/`y` flags, so no lastIndex. */
export interface SafePattern {
  readonly source: string;
  test(input: string): boolean;
  /** The first match as `[whole, group1, …]` (undefined for groups that took no part), or null. */
  exec(input: string): (string | undefined)[] | null;
}

/** JS `\s`: WhiteSpace and LineTerminator code points, as inclusive ranges. */
const SPACE: [number, number][] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const hex = (cp: number): string => `\\x{${cp.toString(16)}}`;
const classBody = (ranges: [number, number][]): string =>
  ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
const complement = (ranges: [number, number][]): [number, number][] => {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  return [...out, [next, 0x10ffff]];
};
const SPACE_BODY = classBody(SPACE);
const NON_SPACE_BODY = classBody(complement(SPACE));
/** JS `.` without the s flag: anything but a line terminator (RE2's excludes only \n). */
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
const NOTHING = '[^\\x{0}-\\x{10ffff}]';
const ANYTHING = '[\\x{0}-\\x{10ffff}]';

/** Translates the escape at `js[at]` (just after a backslash): RE2 text, and how many characters it used. */
function translateEscape(js: string, at: number, inClass: boolean, groups: number): [string, number] {
  const c = js[at] ?? '';
  const hexDigits = (n: number): string | null => {
    const s = js.slice(at + 1, at + 1 + n);
    return s.length === n && /^[0-9a-fA-F]+$/.test(s) ? s : null;
  };
  switch (c) {
    case 'd': case 'D': case 'w': case 'W': case 'f': case 'n': case 'r': case 't':
      return [`\\${c}`, 1];
    case 'v':
      return ['\\x{b}', 1];
    case 's':
      return [inClass ? SPACE_BODY : `[${SPACE_BODY}]`, 1];
    case 'S':
      return [inClass ? NON_SPACE_BODY : `[${NON_SPACE_BODY}]`, 1];
    case 'b':
      return [inClass ? '\\x{8}' : '\\b', 1];
    case 'B':
      return [inClass ? 'B' : '\\B', 1];
    case 'x': {
      const h = hexDigits(2);
      return h ? [`\\x{${h}}`, 3] : ['x', 1];
    }
    case 'u': {
      const h = hexDigits(4);
      if (!h) return ['u', 1];
      const cp = parseInt(h, 16);
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(js.slice(at + 5));
      if (cp >= 0xd800 && cp <= 0xdbff && low) {
        return [hex(0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1], 16) - 0xdc00)), 11];
      }
      return [hex(cp), 5];
    }
    case 'c': {
      const n = js[at + 1] ?? '';
      if (/[A-Za-z]/.test(n) || (inClass && /[0-9_]/.test(n))) return [hex(n.charCodeAt(0) % 32), 2];
      return ['\\\\', 0]; // Annex B: a lone `\c` is a literal backslash; the `c` is read next
    }
    case '':
      return ['\\\\', 0];
  }
  if (/[1-9]/.test(c) && !inClass) {
    // A backreference stays as written, so RE2 refuses it and validation says why. A number above the group
    // count is, in JS (Annex B), a legacy octal escape or, for 8 and 9, the digit itself.
    const num = /^\d+/.exec(js.slice(at))![0];
    if (Number(num) <= groups) return [`\\${num}`, num.length];
  }
  if (/[0-7]/.test(c)) {
    const oct = /^[0-7]{1,3}/.exec(js.slice(at))![0];
    const digits = parseInt(oct, 8) > 0o377 ? oct.slice(0, 2) : oct;
    return [hex(parseInt(digits, 8)), digits.length];
  }
  // `\k` is a named backreference when the pattern has named groups (refused by RE2), else the letter k.
  if (c === 'k') return [/\(\?<(?![=!])/.test(js) ? '\\k' : 'k', 1];
  // ASCII punctuation stays escaped; any other escaped character is itself (`\A`, `\p`, `\Q` are letters in JS).
  if (/[!-/:-@[-`{-~]/.test(c)) return [`\\${c}`, 1];
  return [c, 1];
}

/** Capturing groups in a JS pattern: `(` outside classes, not `(?:`, `(?=`, `(?<=` etc., but `(?<name>`. */
function captureGroups(js: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < js.length; i++) {
    const c = js[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (js[i + 1] !== '?' || (js[i + 2] === '<' && !/[=!]/.test(js[i + 3] ?? '')))) n++;
  }
  return n;
}

/** Rewrites a (valid, non-`u`) JavaScript pattern into RE2 syntax with the same meaning. */
export function toRe2Syntax(js: string): string {
  const groups = captureGroups(js);
  let out = '';
  let inClass = false;
  let afterClassEscape = false;
  for (let i = 0; i < js.length; i++) {
    const c = js[i];
    if (c === '\\') {
      const [text, used] = translateEscape(js, i + 1, inClass, groups);
      afterClassEscape = inClass && /[dDsSwW]/.test(js[i + 1] ?? '');
      out += text;
      i += used;
      continue;
    }
    const nextIsClassEscape = /^\\[dDsSwW]/.test(js.slice(i + 1, i + 3));
    if (inClass) {
      if (c === ']') inClass = false;
      // A `-` next to a class escape (`[\s-z]`, `[a-\d]`) is literal in JS; RE2 would read a range.
      if (c === '-' && (afterClassEscape || nextIsClassEscape)) out += '\\-';
      else out += c === '[' ? '\\[' : c; // a `[` inside a class is literal in JS; RE2 would read `[:alpha:]`
    } else if (js.startsWith('[]', i)) {
      out += NOTHING;
      i += 1;
    } else if (js.startsWith('[^]', i)) {
      out += ANYTHING;
      i += 2;
    } else if (c === '[') {
      inClass = true;
      out += js[i + 1] === '^' ? '[^' : '[';
      if (js[i + 1] === '^') i += 1;
    } else {
      out += c === '.' ? DOT : c;
    }
    afterClassEscape = false;
  }
  return out;
}

/**
 * Compiled patterns, by flags and source. re2-wasm objects live in WASM memory and are never garbage-collected,
 * so each distinct config pattern is compiled once per process and reused (the set is bounded by the config).
 */
const cache = new Map<string, SafePattern>();

function wrap(source: string, re: RE2): SafePattern {
  return {
    source,
    test: (input) => re.test(input),
    exec: (input) => {
      const m = re.exec(input);
      return m ? [...m] : null;
    },
  };
}

/** "Invalid regular expression: /<source>/<flags>: <why>" (both engines' wording) → <why>. */
function reason(err: unknown): string {
  return String((err as Error | undefined)?.message).replace(/^Invalid regular expression: \/.*?(?<!\\)\/[a-z]*: /s, '');
}

const linearOnly = 'which the linear-time engine (RE2) does not support';

/** Why RE2 refused `source`, naming the construct when it is one RE2 cannot have by design. */
function unsupported(source: string, err: unknown): string {
  if (/\(\?<[=!]/.test(source)) return `uses a lookbehind ((?<= or (?<!), ${linearOnly}`;
  if (/\(\?[=!]/.test(source)) return `uses a lookahead ((?= or (?!), ${linearOnly}`;
  if (/\\[1-9]|\\k/.test(source)) return `uses a backreference (\\1 or \\k<name>), ${linearOnly}`;
  return `is not supported by the linear-time engine (RE2): ${reason(err)}`;
}

/** Compiles a config pattern for linear-time matching; throws a SyntaxError saying why when RE2 cannot take it. */
export function compileSafePattern(source: string, options: { ignoreCase?: boolean } = {}): SafePattern {
  const flags = options.ignoreCase ? 'iu' : 'u';
  const key = `${flags}/${source}`;
  let pattern = cache.get(key);
  if (!pattern) {
    let re: RE2;
    try {
      re = new RE2(toRe2Syntax(source), flags);
    } catch (err) {
      throw new SyntaxError(`pattern /${source}/ ${unsupported(source, err)}`, { cause: err });
    }
    pattern = wrap(source, re);
    cache.set(key, pattern);
  }
  return pattern;
}

/** Why `source` cannot be a config pattern (the message of a config error), or null when it can. */
export function safePatternProblem(source: string): string | null {
  try {
    new RegExp(source);
  } catch (err) {
    return `is not a valid regular expression (${reason(err)})`;
  }
  try {
    compileSafePattern(source);
    return null;
  } catch (err) {
    return unsupported(source, (err as Error).cause);
  }
}
