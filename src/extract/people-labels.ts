/**
 * A byline printed as a label and a name apart: the label alone on its line and the name on the next ("作者：" /
 * "张三", "本报记者" / "张三 李四"), or another language's writer label alone in its element beside the name
 * ("<strong>Autorin</strong> Roman Goncharenko"), unless the row belongs to a reviewed work's fact box.
 */
import { isTag, textContent, type Element } from './dom.js';
import { authorFromText, cleanPersonName } from './byline.js';
import { loneNameLine } from './byline-posters.js';
import { hasSurnameShape } from './byline-surnames.js';
import { isPersonName } from './people-names.js';
import { namesFromRuns } from './people-runs.js';
import { collapseSpace, comparable } from './text.js';

/** A line of Chinese personal names only ("张三 李四", "欧阳娜娜、王五"): each with a surname, none a dateline's place. */
const isChineseNameList = (line: string): boolean =>
  line
    .split(/[\s、，,]+/)
    .filter(Boolean)
    .every((w) => isPersonName(w) && hasSurnameShape(w) && !/(?:报道|報導|电|電|讯|訊)$/.test(w));

/** A label alone on its line ("Author", "Written by", "作者：") and a name alone on the next: the byline. */
const LABEL_ONLY = /^(?:authors?|(?:written|article|posted|story|words|text) by|by|author\(s\)|about the author|作者|撰文者|撰稿者|撰稿人|撰文|撰稿|文|关于作者|關於作者|[\u3400-\u9fff]{0,6}?(?:记者|記者))\s*[:：]?$/i;
/**
 * A writer label of another language, alone in its element, the name in the next (`<li><strong>Autorin/Autor</strong>
 * Roman Goncharenko</li>`, a fact list's row): no colon, so only a whole line of label and name counts.
 */
const LABEL_BESIDE = /^(?:Autor(?:in|en|innen)?(?:\s?\/\s?Autor(?:in)?)?|Auteur(?:e|s)?|Autore|Autori|Autores?|Författare|Forfatter|Kirjoittaja|Yazar)\s+(\p{Lu}.{2,58})$/u;

/**
 * Labels of a book's, film's or product's fact box ("Titel", "Verlag", "Seiten", "ISBN", "Regie"…): a row labelled
 * "Autor" among them credits the work reviewed, not the article.
 */
const FACT_LABEL = /^(?:Titel|Originaltitel|Untertitel|Verlag|Seiten|ISBN|Preis|Regie|Darsteller|Laufzeit|Erscheinungs\w*|Übersetz\w*|Genre|Format|Título|Editorial|Páginas|Precio|Año|Traduc\w*|Dirección|Titre|Éditeur|Editeur|Pages|Prix|Réalisat\w*|Titolo|Editore|Pagine|Prezzo|Regia|Förlag|Sidor|Forlag|Sider|Kustantaja|Sivut|Yayınevi|Sayfa|Publisher|Pages|Price|Director)\b/u;

/** The element's text, spaces collapsed. */
const textOf = (el: Element): string => collapseSpace(textContent(el)).trim();

/** `label` printed in an element of its own inside `el` ("<li><strong>Autor</strong> Name</li>"). */
function labelAlone(el: Element, label: string): boolean {
  const kids = el.children.filter((c): c is Element => isTag(c));
  return kids.some((k) => textOf(k) === label || labelAlone(k, label));
}

/** `row` is one of a list's or table's label–value rows naming a book's, film's or product's facts. */
function inFactBox(row: Element): boolean {
  let cur: Element | null = row;
  for (let i = 0; cur && i < 3 && !/^(?:li|tr|dd|dt|div|p)$/.test(cur.name); i++) cur = cur.parent as Element | null;
  const box = cur?.parent;
  if (!box || box.type !== 'tag') return false;
  return (box as Element).children.some((c) => isTag(c) && c !== cur && FACT_LABEL.test(textOf(c)));
}

/**
 * A meta author naming one person, not the site: not a site name, and not the page's host name, spelled out ("Example
 * Welle" on example.de) or as its initials ("Deutsche Welle" on dw.com).
 */
export function metaPersonNotSite(author: string | undefined, siteNames: string[], pageUrls: Array<string | undefined>): boolean {
  if (!author || !isPersonName(author)) return false;
  const a = comparable(author);
  if (siteNames.some((n) => comparable(n) === a)) return false;
  const initials = author
    .split(/\s+/)
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
  for (const u of pageUrls) {
    let host: string;
    try {
      host = u ? new URL(u).hostname.toLowerCase() : '';
    } catch {
      continue;
    }
    const labels = host.split('.').filter((l) => l && l !== 'www');
    if (labels.some((l) => l === initials || (l.length >= 4 && a.includes(l)))) return false;
  }
  return true;
}

export function nameBesideLabel(lines: readonly { text: string; el?: Element }[]): string | undefined {
  for (const l of lines) {
    if (l.text.length > 80) continue;
    const text = collapseSpace(l.text);
    const m = LABEL_BESIDE.exec(text);
    const name = m ? namesFromRuns([m[1]]) : undefined;
    if (!name || name !== m![1].trim()) continue;
    // The label alone in its element, as a fact list prints it ("<p>Autor Peter Müller</p>" is prose or a caption), and
    // not a row of a reviewed work's facts.
    if (l.el && (!labelAlone(l.el, text.slice(0, m!.index + text.length - m![1].length).trim()) || inFactBox(l.el))) continue;
    return cleanPersonName(name);
  }
  return undefined;
}

export function nameUnderLabel(lines: { text: string }[]): string | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].text.length > 16 || !LABEL_ONLY.test(lines[i].text.trim())) continue;
    const next = collapseSpace(lines[i + 1].text);
    if (next.length > 60) continue;
    // (Chinese names listed on the line, "张三 李四", are read as a label's value: the label stands on the line above.
    // Under a reporter label only a line whose every word is shaped like a person's name: "北京报道", "王府井 大栅栏"
    // under "本报记者" name none.)
    if (/记者|記者/.test(lines[i].text) && !isChineseNameList(next)) continue;
    const name = namesFromRuns([next]) ?? loneNameLine(next) ?? (/[\u3400-\u9fff]/.test(next) ? authorFromText(`作者：${next}`) : undefined);
    if (name) return cleanPersonName(name);
  }
  return undefined;
}
