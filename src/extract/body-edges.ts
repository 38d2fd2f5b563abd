/**
 * The lines at a body's two edges that belong to the page, not the article: the byline and dateline among its opening
 * lines, the headline run together with a kicker or site name, and the credits closing it (body-clean.ts drops them).
 */
import type { Block } from './blocks.js';
import { comparable } from './text.js';

/*
 * Opening meta lines: the byline and dateline lines among the body's opening lines, once the standfirst has started the article (the
 * pre-start info lines are `isInfoLine`'s): "Von Nina Magoley", "von Engin Haupt, MDR SACHSEN-ANHALT",
 * "Publiziert: 01.07.2023, 11:16", "Uppdaterad 15.59 | Publicerad 14.14", "25.10.2025 - 15:26 Uhr". The page's
 * people and times are read elsewhere; in the body they are furniture. Only whole short lines that are not sentences.
 */
/** Bylines: a "by" word, then capitalised names (with the name particles and "and" words), an optional ", place/desk". */
const BYLINE = /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]oor|di|de|[Aa]v|[Aa]f|[Oo]d|[Ff]rån)\s*:?\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|und|and|et|y|e|og|och|i|van|von|de|der|da|di|le|la))*(?:\s*,\s*[\p{L} -]{2,40})?$/u;
const BYLINE_MAX = 60;

/** A label saying when the page was published or updated, in the languages the corpora hold. */
const TIME_LABEL = /^(?:publiziert|veröffentlicht|aktualisiert|stand|publikacja|aktualizacja|uppdaterad|publicerad|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|updated|published|posted|last updated)\b/i;
/** A full date (28.04.2023, 2023-04-28, "Sept. 15, 2016") or a clock time (19:25); "28.63%" is neither. */
const FULL_DATE = /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}\b|\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\b(?=.*\b(?:19|20)\d{2}\b)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2},?\s(?:19|20)\d{2}/i;
const LABELLED_TIME = /\b\d{1,2}[.:]\d{2}\b/;
/** What may follow a time label: ':' or the date itself (digits, a month or weekday name), maybe after "on/am/le". */
const LABEL_THEN_DATE = /^\s*(?:[:：|]|(?:(?:on|am|um|le|el|il|op|den|at|à|de)\s+)?(?:\d|(?:jan|feb|m[aä]r|apr|ma[yi]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|déc|janv|f[eé]v|avr|juil|ao[uû]|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|mon|tue|wed|thu|fri|sat|sun|diens|mittw|donn|frei|sams|sonn|lun|mer|jeu|ven|sam|dim|miér|jue|vie|sáb|dom|gio|maan|dins|woen|vrij|zat|zon|pon|wto|śro|czw|pią|sob|nie|mån|tis|ons|tor|fre|lör|sön|heute|gestern|today|yesterday|idag|igår)\p{L}*\.?[\s,]))/iu;
/** The one word a bare dateline may carry besides its date: a Latin-script place ("…09:30 UhrStuttgart"). CJK
 * text has no spaces, so a whole Chinese line would pass for one word: those lines are `isInfoLine`'s. */
const PLACE_WORD = /^\p{Script=Latin}{0,30}$/u;
/** What a bare date-and-time line holds besides its numbers: weekdays, "Uhr", "am/um", "am/pm". */
const DATE_WORDS = /\d+|\b(?:uhr|am|um|pm|mon|tues|wednes|thurs|fri|satur|sun)(?:day)?\b|\b(?:mon|diens|donners|frei|sams|sonn)tag\b|\bmittwoch\b/gi;
const DATELINE_MAX = 80;

function isDateline(text: string): boolean {
  if (text.length > DATELINE_MAX || /[.!?]["”’]?$/.test(text)) return false;
  // Under a label a clock time may be written with a dot ("Uppdaterad 15.59"). The date follows the label (after
  // ':' or an "on/am/le" word): "Stand der Verhandlungen am 12.05.2024", "Updated price cap 1.75 per litre" are text.
  const label = TIME_LABEL.exec(text);
  if (label) return LABEL_THEN_DATE.test(text.slice(label[0].length)) && (FULL_DATE.test(text) || LABELLED_TIME.test(text));
  if (!FULL_DATE.test(text)) return false;
  // A bare date and time ("Freitag, 28.04.2023, 19:25"): at most one other word (a place) left once they are gone.
  const rest = text.replace(DATE_WORDS, ' ').replace(/[^\p{L}]+/gu, ' ').trim();
  return PLACE_WORD.test(rest);
}

/** Is this opening line the article's byline or dateline rather than its text? */
export function isOpeningMetaLine(text: string, heading = false): boolean {
  const byline = text.length <= BYLINE_MAX && BYLINE.test(text);
  // A subhead may read like a byline or a date ("By The Numbers", a timeline's "15.03.2024 Berlin"): in a heading
  // only a byline with its desk or place ("Von Anna Sleegers, Frankfurt") or one set in capitals ("BY JANE DOE").
  if (heading) return byline && (text.includes(',') || text === text.toUpperCase());
  return byline || isDateline(text);
}

/** Letters and digits only: a headline's punctuation differs between the <h1> and <title> ("Flut: Zwei" / "Flut Zwei"). */
const lettersOf = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** Longest kicker or site suffix a headline line may carry around the title ("Premier League", "| wdr aktuell"). */
const KICKER_MAX = 40;
/** Titles shorter than this (letters) are too generic to be found inside a longer line. */
const TITLE_IN_LINE_MIN = 20;

/**
 * Is the line the headline again: the title itself, or the title with a kicker before it or a site name after it
 * ("Premier League Rückschlag im Titelkampf - …", "Feuerwehrleute sollen später in Pension | wdr aktuell")? The
 * <h1> often holds the kicker in a span of its own, so its text runs the two together.
 */
export function repeatsTitle(text: string, titleKey: string): boolean {
  if (comparable(text) === titleKey) return true;
  const t = lettersOf(titleKey);
  if (t.length < TITLE_IN_LINE_MIN) return lettersOf(text) === t;
  const line = lettersOf(text);
  if (line.length > t.length + KICKER_MAX) return false;
  // A lead opening or closing with the headline's words ("Storm leaves thousands without power in Ohio, utility
  // says.") is the article's sentence: what is left beside the title must read as a kicker or a site name.
  if (line.startsWith(t)) return isKicker(text.slice(indexAfterLetters(text, t.length)), true);
  if (line.endsWith(t)) return !endsSentence(text, titleKey) && isKicker(text.slice(0, indexAfterLetters(text, line.length - t.length)), false);
  return false;
}

/** Separators set between a headline and its kicker or site name ("… | wdr aktuell", "Premier League: …"). */
const KICKER_SEPARATOR = /^[|\-–—:·•/]|[|\-–—:·•/]$/;
/** Most words of a kicker run into the headline without a separator ("Premier League"). */
const KICKER_WORDS = 4;

/** Is this text beside a headline (after it when `trailing`) a kicker or site name rather than more of a sentence? */
function isKicker(rest: string, trailing: boolean): boolean {
  const r = rest.trim();
  if (r === '' || KICKER_SEPARATOR.test(r)) return true;
  // A clause run on from the headline ("…, utility says.", "… after Tuesday night winds") is a sentence.
  if (/[,，;.!?。！？]/u.test(r) || r.split(/\s+/).length > KICKER_WORDS) return false;
  return !(trailing && /^\p{Ll}/u.test(r));
}

/** Does the line end a sentence where the title does not ("… in Ohio." under "… in Ohio")? */
function endsSentence(text: string, titleKey: string): boolean {
  const end = /[.!?。！？]["”’)]?$/u;
  return end.test(text.trim()) && !end.test(titleKey);
}

/** The index in `text` just after its first `n` letters and digits (as `lettersOf` counts them). */
function indexAfterLetters(text: string, n: number): number {
  let seen = 0;
  let i = 0;
  for (const ch of text) {
    if (seen >= n) break;
    seen += lettersOf(ch).length;
    i += ch.length;
  }
  return i;
}

/**
 * The credits closing an article: who edited, translated, checked or photographed it, and the agency it came from
 * ("Redaktion: Marcus Bensmann, Elena Müller", "Quelle: sid/dpa", "Aus dem Englischen von Jan Doolan", "Additional
 * reporting by …", "With reports from Reforma"). A label and ":" on a short line of its own; or a label and by/von/from.
 */
const CLOSING_CREDIT = /^(?:redaktion|redakteur(?:in)?|übersetzung|faktencheck|mitarbeit|quellen?|autor(?:in|en)?|authors?|fotos?|bilder?|photos?|photo credits?|grafik|recherche|sources?|credits?|additional reporting|aus dem \p{L}+|translated|rédaction|traduction|redacción|traducción|fuentes?|redazione|traduzione|fonte|redakcja|tłumaczenie|źródło|with reports)\s*:\s*\S/iu;
/** Labels whose "by/von/from" only ever opens a credit, even one written as a sentence ("Additional reporting by X; editing by Y."). */
const CREDIT_PHRASE = /^(?:additional reporting (?:by|from)|with (?:additional )?reports from|aus dem \p{L}+ (?:übersetzt )?von|übersetzung(?: aus dem \p{L}+)? von|translated (?:from [\p{L} ]{2,30} )?by|translated from)\s+\S/iu;
/** Labels that open sentences too ("Photos from the scene show …", "Fotos von der Unglücksstelle zeigen, …", "Credit
 * from banks rose …"): only "by"/"von" and a capitalised name, in a line that is no sentence. */
const CREDIT_BY = /^(?:fotos?|photos?|photo credits?|bilder?|grafik|illustrations?|credits?|redaktion|recherche|mitarbeit)\s+(?:by|von)\s+/iu;

function isClosingCredit(text: string): boolean {
  if (CLOSING_CREDIT.test(text) || CREDIT_PHRASE.test(text)) return true;
  const m = CREDIT_BY.exec(text);
  if (!m) return false;
  return /^\p{Lu}/u.test(text.slice(m[0].length)) && !/[.!?]["”’)]?$/.test(text) && !/,\s+\p{Ll}/u.test(text);
}
const CLOSING_CREDIT_MAX = 120;
/** How many of the body's last text lines may be such credits. */
const CLOSING_LINES = 4;

/**
 * The outlet's own plugs closing an article: the tip line ("Got a story? Get in touch with our news team …", "Have a
 * tip? Jane Doe may be reached at …"), the wire's "Follow AP's full coverage of … at https://…", its
 * newsletter ("… by signing up to our free weekly newsletter"), its channels ("Folgst du schon 20 Minuten auf
 * Whatsapp?"), and the form notice of a sign-up box ("This site is protected by reCAPTCHA and the Google Privacy
 * Policy …"). Longer than the one-line boilerplate, so only among the last lines. Each form opens the line (an
 * appeal "… is asked to get in touch with our team on 101" is the report's) and a line quoting someone is no plug.
 */
const CLOSING_PROMO = /^this site is protected by recaptcha|^(?:got|have) a (?:news )?(?:story|tip)(?: idea)?(?: for [\p{L}.’' ]{1,30})?\?|^follow (?:[\p{L}’'.]+ ){0,3}full coverage of\b|^(?:please )?get in touch with our (?:news )?(?:team|newsroom)\b|\bby (?:signing up|subscribing) (?:to|for) our (?:free )?(?:[\p{L}-]+ ){0,2}newsletters?\b|^(?:sign up|subscribe) (?:to|for) our (?:free )?(?:[\p{L}-]+ ){0,2}newsletters?\b|^(?:folgst du|folgen sie) (?:schon |uns )(?:.{0,40} )?auf (?:whatsapp|instagram|facebook|telegram|tiktok|x)\b/iu;
const CLOSING_PROMO_MAX = 250;
/** The same plugs written as a short line of their own ("Sign up for The Morning newsletter", "Folge uns auf
 * Instagram!"): only whole lines, a sentence of the report may say as much. */
const CLOSING_PROMO_LINE = /^(?:(?:sign up|subscribe) (?:to|for) (?:the |our )?(?:[\p{L}’'-]+ ){0,4}newsletters?|(?:folge|folgt|folgen sie) uns auf (?:whatsapp|instagram|facebook|telegram|tiktok|x|threads|bluesky|youtube))\s*[.!]?$/iu;
const CLOSING_PROMO_LINE_MAX = 80;
/** A reported-speech tail or aside (", a police spokesperson said", ", she said,", "hieß es"): the report's own
 * sentence quoting someone, not the outlet addressing its reader. */
const REPORTED = /,\s*(?:[^,]{0,60}\s)?(?:said|says|added|told|stated)\b|\b(?:hieß es|sagte|sagt|so (?:die|der) )/iu;

function isClosingPromo(text: string): boolean {
  if (REPORTED.test(text)) return false;
  return (text.length <= CLOSING_PROMO_MAX && CLOSING_PROMO.test(text)) || (text.length <= CLOSING_PROMO_LINE_MAX && CLOSING_PROMO_LINE.test(text));
}

export function dropClosingCredits(out: Block[]): void {
  let looked = 0;
  for (let i = out.length - 1; i >= 0 && looked < CLOSING_LINES; i--) {
    const b = out[i];
    if (b.kind === 'image' || b.kind === 'table' || b.kind === 'pre') continue;
    looked++;
    const text = b.text.trim();
    if ((text.length <= CLOSING_CREDIT_MAX && isClosingCredit(text)) || isClosingPromo(text)) out.splice(i, 1);
  }
}
