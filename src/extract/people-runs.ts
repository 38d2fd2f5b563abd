/**
 * Names read from the separate text runs of a byline element, in order and joined by the page's own separators, with
 * the post-nominal credentials (degrees, certifications) that may follow a name there. people-names.ts judges each
 * run; this reads the list they make.
 */
import { HAS_CJK, isPersonName } from './people-names.js';

/**
 * Post-nominal letters after a name ("Shelby Loos, DVM", "Michael Greger, M.D. FACLM", "Doris Munoz-Mantilla, MD,
 * FOMA, DABOM"): degrees and certifications are part of the credited name, not another person or an agency. The
 * first must be a known degree or fellowship (so "Mei Reyes, AP" stays an agency credit); after it, any short
 * all-capital letters are more of them.
 */
const FIRST_CREDENTIAL = /^(?:M\.?D|D\.?O|DVM|VMD|Ph\.?D|DDS|DMD|R\.?N|BSN|MSN|DNP|N\.?P|FNP(?:-[A-Z]{1,3})?|APRN|PA-C|MPH|MSc|MBA|J\.?D|LLM|CPA|CFA|CFP|CPP|RDN?|LDN|LCSW|LMFT|LPC|Psy\.?D|Pharm\.?D|DPT|OTR|CNM|IBCLC|CSCS|MFA|Esq|Jr|Sr|III?|IV|F[A-Z]{3,5})\.?$/;
const MORE_CREDENTIAL = /^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$/;

/** The credentials in `part` (asterisks of footnote marks dropped), or undefined when it is not only credentials. */
export function credentialsOf(part: string, afterCredential: boolean): string | undefined {
  const words = part.trim().replace(/\*+$/, '').split(/\s+/);
  if (words.length === 0 || words.length > 4) return undefined;
  let after = afterCredential;
  for (const w of words) {
    if (!FIRST_CREDENTIAL.test(w) && !(after && MORE_CREDENTIAL.test(w))) return undefined;
    after = true;
  }
  return words.join(' ');
}

/** Does the name end in a credential ("Jeffrey A. Slotnick CPP")? Then short capitals after it are more of them. */
export function endsWithCredential(name: string): boolean {
  const last = name.trim().split(/\s+/).pop() ?? '';
  return name.includes(' ') && FIRST_CREDENTIAL.test(last);
}

/** Separators between names in a byline: 、 , and & 和 与. */
export const NAME_SEPARATOR = /^(?:[,，、&;；]|and|und|et|y|和|与|與|及)$/i;

const BY_LABEL = /^(?:(?:written|posted|reported|words|text)\s+)?(?:by|par|von|por|door)\s*[:：]?\s+|^by\s*:\s*|^(?:作者|文(?=\s*[:：/／|｜]|\s)|撰文|记者|記者|撰稿)\s*[:：/／|｜]?\s*/i;

function joinWith(sep: string | undefined, latin: boolean): string {
  if (!sep) return latin ? ', ' : ' ';
  if (/^[,，]$/.test(sep)) return ', ';
  if (sep === '、') return '、';
  if (/^[;；]$/.test(sep)) return '; ';
  return ` ${sep} `;
}

const PLACE_LABEL = /(?:于|於|自|属地|屬地|位置|地点|地點)\s*[:：]?$/;

/**
 * Names from the separate text runs of a byline element (`<a>Marc Santora</a>, <a>Al Baker</a> and …`): the
 * name-shaped runs in order, joined by the page's own separators; leading labels are skipped, and the first run
 * that is neither a name nor a separator (a role, a date, "Staff Writer") ends the byline. Repeats (a name shown
 * twice for two layouts) count once.
 */
export function namesFromRuns(runs: string[]): string | undefined {
  let out = '';
  const seen = new Set<string>();
  let sep: string | undefined;
  let skipped = 0;
  let lastCredential = false;
  // A run may itself be a list ("Adrien Ramirez, 4+ years covering …"): its separators are tokens too.
  const tokens = runs.flatMap((r) => r.split(/(\s*[,，、;；]\s*|\s+(?:and|&)\s+)/).map((x) => x.trim()).filter(Boolean));
  for (const token of tokens) {
    if (NAME_SEPARATOR.test(token)) {
      if (seen.size > 0) sep = token;
      continue;
    }
    // "Guide by Will Judd", "Published | by …": whatever came before a "by" was a label, not a name.
    if (/^(?:(?:written|posted|reported|words|text)\s+)?by\b|(?:^|\s)by$/i.test(token)) {
      out = '';
      seen.clear();
      sep = undefined;
    }
    const r = token.replace(BY_LABEL, '').replace(/(?:^|\s)by$/i, '').trim();
    if (!r) continue;
    const creds = seen.size > 0 && (sep === undefined || /^[,，]$/.test(sep)) ? credentialsOf(r, lastCredential || endsWithCredential(out)) : undefined;
    if (creds) {
      out += `, ${creds}`;
      lastCredential = true;
      sep = undefined;
      continue;
    }
    lastCredential = false;
    // A lone capitalised word ("Bethesda" in a footer address) is too weak for a name here.
    if (isPersonName(r) && (HAS_CJK.test(r) || r.includes(' '))) {
      if (!seen.has(r)) {
        out += seen.size > 0 ? joinWith(sep, /[A-Za-z]/.test(r)) + r : r;
        seen.add(r);
      }
      sep = undefined;
      continue;
    }
    // "发布于 北京", "来自 上海", "IP属地：广东": after a word that says where, a place follows, not a name.
    if (seen.size > 0 || ++skipped > 3 || PLACE_LABEL.test(r)) break;
  }
  return out || undefined;
}
