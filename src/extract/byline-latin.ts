/**
 * Bylines in Latin script: "By Jane Doe and John Roe", "Authors: …", "Von Anna Fink und Jan Marchart", and a name
 * beside a date in a bar-split info line. Names are kept with the page's own separators ("A, B and C"). Moved out
 * of byline.ts, whose patterns are the Chinese labelled forms; authorFromShort tries these after them.
 */
import { cleanPersonName, EN_WRITER_ROLES } from './byline-clean.js';
import { isOutletName, isPersonName } from './people-names.js';
import { credentialsOf, endsWithCredential } from './people-runs.js';
import { collapseSpace } from './text.js';

/**
 * Capitalised words that follow a name in a byline but are not part of it: dates, roles, "Updated". Months that are
 * also first names (Jan, June, May, August…) end a name only before a day number ("Jane Doe Jan 5"), so "Jan Marchart"
 * stays a person.
 */
const NOT_NAME_WORD = String.raw`(?:(?:Jan(?:uary)?|Mar(?:ch)?|May|June?|July?|Aug(?:ust)?)\b(?=\.?,?\s*\d)|Feb(?:ruary)?|Apr(?:il)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?|Today|Yesterday|Updated|Published|Posted|Last|Modified|Photos?|Video|Read|Share|Follow|Email|Staff|Senior|Chief|Special|Associated|Reporter|Correspondent|Editor|Writer|Contributor|Columnist|Bureau|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC|UPDATED|PUBLISHED|POSTED)\b`;
/**
 * A capitalised word a colon follows labels what comes next ("Stand: 28. April", "Updated: …"): it is no name's, once
 * two name words stand before it ("MDR THÜRINGEN Stand: …"). Earlier it ends the name itself: "By Jane Doe: 5 min read",
 * "Von Anna Schmidt: Stand …" keep their surname.
 */
/** The words a byline opens with ("By", "Von", "Par"…): no name word before a label. */
const BY_WORD = String.raw`(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Dd]i|[Dd]a|[Dd]e|[Aa]v|[Dd]oor|[Pp]or|[Pp]rzez|[Aa]f|[Tt]exte?|[Tt]ekst)`;
const LABEL_WORD = String.raw`(?!(?<=(?<!\p{L})(?!${BY_WORD}\s)\p{Lu}[\p{L}.'’-]+\s\p{Lu}[\p{L}.'’-]+\s)\p{Lu}[\p{L}.'’-]+\s?:)`;
const EN_WORD = String.raw`(?!${NOT_NAME_WORD})(?!(?<=(?<![A-Za-z])(?!${BY_WORD}\s)[A-Z][A-Za-z.'’-]+\s[A-Z][A-Za-z.'’-]+\s)[A-Z][A-Za-z.'’-]+\s?:)[A-Z][A-Za-z.'’-]+`;
/** A particle is a whole word: "der" of "van der Merwe" is not "de" with a letter left over (which ended the name). */
const PARTICLE_END = String.raw`(?![A-Za-z\u00c0-\u024f])`;
const EN_NAME = String.raw`${EN_WORD}(?:\s(?:${EN_WORD}|(?:de|van|von|der|da|del|la|le|bin|al)${PARTICLE_END}))*`;
/** Between two names of a list: a comma, "and", "&", or the serial comma's ", and" ("A, B, and C"). */
const EN_JOIN = String.raw`\s?(?:,\s?(?:and\s|&\s?)?|and|&)\s?`;
// Case-sensitive on purpose: names are capitalised, "By taking off …" is prose.
/** What may stand before "By": a label word ("Guide by", "Published by") or a date ("May 3, 2017 By …"). */
const EN_BY_PREFIX = String.raw`(?:(?:[Ww]ritten|[Pp]osted|[Rr]eported|[Pp]ublished|[Rr]eview|[Gg]uide|[Ss]tory|[Ww]ords|[Tt]ext|[Aa]rticle|[Ll]ast updated[^|]{0,30}?)\s|[^|]{0,30}?\b(?:19|20)\d{2},?\s*[|•·—–-]?\s*)?`;
export const EN_BYLINE = new RegExp(String.raw`^${EN_BY_PREFIX}(?:[Bb]y|BY)[:\s]\s*(?:by\s+)?(${EN_NAME}(?:${EN_JOIN}${EN_NAME})*)`);
/**
 * "Authors: Julie Weisenhorn and Natalie Hoidal, Extension educators", "Contributors: Janet Loughrey", "This post was
 * written by Danielle Padula, …". ("Contributor" only with its colon: without one it is a role after a name.)
 */
export const EN_LABELLED = new RegExp(String.raw`(?:^(?:(?:Authors?|AUTHORS?|Written by|Words by)\s*:?|(?:Contributors?|CONTRIBUTORS?)\s*:)\s*|\b(?:written|posted) by\s+)(${EN_NAME}(?:${EN_JOIN}${EN_NAME})*)`);
/**
 * A wire story's closing credits: "(Reporting by Jane Doe; Editing by John Roe)", "Reporting By Jane Doe and John Roe
 * in London". Only the whole line: after the names comes the next credit or the line's end, so a sentence that opens
 * "Reporting by ProPublica … revealed" is none. "Additional reporting by" credits helpers, not the writer.
 */
const WIRE_CREDIT = new RegExp(String.raw`^[(]?\s*Reporting (?:and [Ww]riting )?[Bb]y\s+(${EN_NAME}(?:${EN_JOIN}${EN_NAME})*)(?:\s+in\s+[A-Z][A-Za-z.-]+(?:\s[A-Z][A-Za-z.-]+)?)?\s*(?:[;,]\s*(?:[Ee]diting|[Ww]riting|[Aa]dditional reporting|[Cc]ompiled)\s[Bb]y\s.*|[).]?\s*)$`);

/** The reporters a wire story's closing credit line names (WIRE_CREDIT), each a person's name. */
export function wireReporters(line: string): string | undefined {
  const m = line.length <= 160 ? WIRE_CREDIT.exec(line.trim()) : null;
  if (!m) return undefined;
  const names = m[1].split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/);
  // (The line's closing full stop is no initial's: "Reporting by Jane Doe.")
  return names.every(isPersonName) ? cleanPersonName(m[1].replace(/(?<=[a-z]{2})\.$/, '')) : undefined;
}

/** "writer" → "[Ww]riter|WRITER": the name before the role keeps the pattern case-sensitive. */
function anyInitialOrCaps(word: string): string {
  return `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}|${word.toUpperCase()}`;
}

/**
 * "Jane Doe | Staff writer", "Jane Doe, Contributor", "Jane Doe – Political Correspondent": a line holding only a name, a
 * separator and a writer's role, up to two words qualifying it. Not a/an/the or former/retired: "Maria Lopez, a
 * freelance writer", "Tom Baker | Former BBC correspondent" describe someone the story quotes or shows. An editor's
 * role is left out: the desk editor is credited so too.
 */
const EN_NAME_ROLE = new RegExp(String.raw`^(${EN_NAME})\s*(?:[,|｜·•–—]\s*|\s-\s)(?:(?![Aa]n?\b|[Tt]he\b|THE\b|[Ff]ormer\b|FORMER\b|[Rr]etired\b|RETIRED\b|[Ee]x\b)[A-Za-z-]+\s){0,2}(?:${EN_WRITER_ROLES.map(anyInitialOrCaps).join('|')})$`);

/** The name of a line that is only a name and a writer's role (EN_NAME_ROLE). */
export function englishNameBeforeRole(t: string): string | undefined {
  const m = t.length < 80 ? EN_NAME_ROLE.exec(t) : null;
  return m && isPersonName(m[1]) ? cleanPersonName(m[1]) : undefined;
}

/** A capitalised name word in any Latin-script language ("María", "Ångström", "Yılmaz"). */
const LATIN_WORD = String.raw`(?!${NOT_NAME_WORD})${LABEL_WORD}\p{Lu}[\p{L}.'’-]+`;
const LATIN_NAME = String.raw`${LATIN_WORD}(?:\s(?:${LATIN_WORD}|(?:de|van|von|der|den|da|del|della|di|du|la|le|dos|das)${PARTICLE_END}))*`;
/** Words joining names: und, et, y, e, og, och, en, i, oraz, ve, ja, és (and commas). */
const LATIN_AND = String.raw`(?:,|&|and|und|et|y|e|og|och|en|i|oraz|ve|ja|és)`;
/**
 * Bylines of other languages: "Von Anna Fink und Jan Marchart", "Par Martin Untersinger", "di Marco Rossi",
 * "Av Ingrid Treborg", "Autor: Jan Novák", "Texte : Jean Dupont", "Yazar: Ali Yılmaz". The label starts the line.
 */
const LATIN_BYLINE = new RegExp(
  String.raw`^(?:(?:Von|VON|von|Par|PAR|par|Por|POR|por|Door|door|Av|AV|av|Af|af|di|Przez|przez)\s|(?:Autor(?:in|ka|en)?|Auteur(?:e|s)?|Autore|Autori|Autores|Text|Texte|Texto|Testo|Tekst|Yazar|Kirjoittaja|Skrevet av|Skrevet af|Geschrieben von|Écrit par|Escrito por|Scritto da)\s*:\s)\s*(${LATIN_NAME}(?:\s?${LATIN_AND}\s?${LATIN_NAME})*)`,
  'u',
);

/** Agencies and outlets credited beside a reporter ("By Mei Reyes, AP"): not people. */
const AGENCY = /^(?:[A-Z]{2,5}|The\s.+|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Getty|.*\b(?:Press|News|Newswire|Wire|Times|Post|Journal|Herald|Tribune|Agency|Service|Media|Network|Staff|Desk|Team)s?)$/;

/** The last word of an organisation's name: a collective, a school, a company, a lab. */
const ORGANISATION_END = /\s(?:Collective|Commons|University|Institute|College|School|Center|Centre|Foundation|Company|Group|Labs?|Association|Society|Council|Partners|Ventures|Capital|Inc\.?|LLC|Ltd\.?|GmbH)$/;

/**
 * The names at the head of a list that are names: a part that is not one ("Head", "Trial Attorney") ends the list,
 * and role words after a name ("Will Judd Former Deputy Tech") are cut off.
 */
function leadingPeople(parts: string[]): string[] {
  const out: string[] = [];
  for (const raw of parts) {
    // "THE NEW YORK TIMES": an outlet's whole name is not cut back to a name's shape ("THE NEW YORK").
    if (isOutletName(raw.trim())) break;
    let words = raw.trim().split(/\s+/);
    while (words.length > 1 && !isPersonName(words.join(' '))) words = words.slice(0, -1);
    const name = words.join(' ');
    if (!isPersonName(name) || (out.length > 0 && words.length < 2)) break;
    out.push(name);
    if (name !== raw.trim()) break;
  }
  return out;
}

/**
 * A credit line's names with the page's own separators ("A, B and C" stays so): names and the separators between
 * them, up to the first part that is a role or a place ("…, Extension educators"). After the first name a single
 * word is a role or a place ("…, Extension"), not another person. An agency credited beside the reporters ("By Mei
 * Reyes, AP") is skipped when `skipAgencies`, else it ends the list.
 */
export function namesAsWritten(list: string, skipAgencies: boolean): string | undefined {
  // (The serial comma's ", and" is one separator: "A, B, and C" lists three.)
  const parts = list.split(/(\s*,\s*(?:and|&)\s+|\s*,\s*|\s+(?:and|&|und|et|y|e|og|och|en|i|oraz|ve|ja|és)\s+)/);
  let kept = '';
  let lastCredential = false;
  for (let i = 0; i < parts.length; i += 2) {
    const creds = kept && /,/.test(parts[i - 1]) ? credentialsOf(parts[i], lastCredential || endsWithCredential(kept)) : undefined;
    if (creds) {
      kept += `, ${creds}`;
      lastCredential = true;
      continue;
    }
    lastCredential = false;
    // "by Amalia Helen, Nature Tech Collective": a later part ending in an organisation's word is the writer's
    // affiliation; cutting that word off would leave a name-shaped "Nature Tech".
    if (i > 0 && ORGANISATION_END.test(parts[i].trim())) break;
    const name = leadingPeople([parts[i]])[0];
    // "David Straub, MDR THÜRINGEN": after a name written in mixed case, one in capitals alone is the desk or
    // broadcaster credited, not a second writer.
    const shouting = i > 0 && !!name && name === name.toUpperCase() && kept !== kept.toUpperCase();
    if (name && (isAgencyName(name) || shouting) && skipAgencies) continue;
    if (!name || isAgencyName(name) || shouting || (i > 0 && !name.includes(' '))) break;
    kept += (kept ? printedSeparator(parts[i - 1]) : '') + name;
    if (name !== parts[i].trim()) break;
  }
  return kept ? cleanPersonName(kept) : undefined;
}

/**
 * A separator as the page prints it, without the space an element boundary adds before a comma ("Jane Doe , John
 * Roe" where each name is a link): ", " / ", and " / " & ".
 */
function printedSeparator(sep: string): string {
  const t = sep.trim().replace(/\s+/g, ' ').replace(/^,\s*/, ', ');
  return t.startsWith(',') ? (t === ',' ? ', ' : `${t} `) : ` ${t} `;
}

function isAgencyName(name: string): boolean {
  return AGENCY.test(name.trim());
}

/** A byline labelled in another language (LATIN_BYLINE); people.ts tries it in the info line before the edges. */
export function otherLanguageByline(text: string): string | undefined {
  if (text.length > 300) return undefined;
  const t = collapseSpace(text);
  const m = t.length < 150 ? LATIN_BYLINE.exec(t) : null;
  const name = m ? namesAsWritten(m[1], true) : undefined;
  return name && !/[,&]|\s(?:and|und|et|y|e|og|och|en|i|oraz|ve|ja|és)\s/.test(name) ? withBracketedCoWriters(name, t) : name;
}

/** A date written with a four-digit year or day-first dots ("05.04.2025", "3. Mai 2024", "2024-04-05"). */
const DATED = /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2}|\d{4})\b|\b(?:19|20)\d{2}\b/;
/**
 * An info line of two or three parts split by bars or dots, one of them a Latin name of two or more words right
 * beside the date ("Sehernur Karsu | 05.04.2025 - Güncelleme : 05.04.2025", "3. Mai 2024 · Anna Fink"): news
 * sites in every language write the byline so, without a "by" word. A weak form: used after the page's meta author.
 */
/** Words of a statement's or an office's name, not a person's: what often stands before "on behalf of". */
const SPEAKER_NOT_PERSON = /\b(?:Joint|Statement|Remarks|Speech|Address|Declaration|Delivered|Letter|Message|Submission|Testimony|Response|Briefing|Office|Press|Committee|Delegation|Council|Ministry|Secretariat|Board|Group|Department|Agency|Commission|Government|Embassy|Mission|Panel|Presidency)\b/;

export function nameBesideDate(text: string): string | undefined {
  if (text.length > 240) return undefined;
  const t = collapseSpace(text);
  if (t.length > 120) return undefined;
  const parts = t.split(/\s*[|｜·•]\s*/).filter(Boolean);
  if (parts.length < 2 || parts.length > 3) return undefined;
  for (let i = 0; i < parts.length; i++) {
    // ("Niko Matsakis on behalf of Vision Doc group": the writer, then the group he wrote for.)
    const behalf = /\s+on behalf of\s.*$/i.test(parts[i]);
    const name = parts[i].replace(/\s+on behalf of\s.*$/i, '').trim();
    if (!/^\p{Lu}/u.test(name) || !/\s/.test(name) || !isPersonName(name)) continue;
    // (Who speaks for a group may be an office or a text: "Joint Statement on behalf of G7 Leaders".)
    if (behalf && SPEAKER_NOT_PERSON.test(name)) continue;
    if ([parts[i - 1], parts[i + 1]].some((p) => p !== undefined && DATED.test(p) && !isPersonName(p))) return name;
  }
  return undefined;
}

/** Co-writers bracketed after the writer: "(with John Roe and Mary Major)", "(avec Damien Leloup et Morgane Tual)". */
const WITH_BRACKET = /[(（]\s*(?:with|avec|mit|con|com|met|med|junto a|along with)\s+([^()（）]{3,120})[)）]/iu;

/**
 * The writer and the co-writers a byline names in a bracket after it ("Martin Untersinger (avec Damien Leloup et
 * Morgane Tual)"), joined by commas; `name` alone when the bracket names no people.
 */
/** Words of a credit for work other than writing, capitalised inside a bracket ("with Additional Reporting"). */
const CREDIT_WORD = /\b(?:Additional|Reporting|Research|Graphics?|Video|Photos?|Photography|Illustrations?|Data|Analysis|Editing|Contributions?|Wires?|Agencies|Staff|Recherche|Mitarbeit|Reportage)\b/i;

export function withBracketedCoWriters(name: string, text: string): string {
  const at = text.indexOf(name);
  const m = at < 0 ? null : WITH_BRACKET.exec(text.slice(at + name.length));
  if (!m || text.slice(at + name.length, at + name.length + m.index).trim() !== '') return name;
  const listed = namesAsWritten(m[1].trim(), false);
  if (!listed || listed.length < m[1].trim().length - 1) return name;
  const names = listed.split(/\s*,\s*(?:and|&)\s+|\s*,\s*|\s+(?:and|&|und|et|y|e|og|och|en|i|oraz|ve|ja|és)\s+/).filter(Boolean);
  // Each a person's name: "(with Additional Reporting)", "(with Video by …)" credit work, not writers.
  if (!names.every((n) => isPersonName(n) && !CREDIT_WORD.test(n))) return name;
  return [name, ...names].join(', ');
}

