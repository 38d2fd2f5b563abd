/** Chinese-numeral dates ("二〇二二年七月一日"), rewritten in digits for parseDateText (dates.ts) to read. */

const CN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };
/** A year of four Chinese digits, a month and a day in Chinese numerals (十 for ten): 二〇二二年七月一日, 二〇二一年十二月三十一日. */
const CN_NUMERAL_DAY = /([〇○零一二三四五六七八九]{4})\s?年\s?([一二三四五六七八九十]{1,2})\s?月\s?([一二三四五六七八九十]{1,3})\s?日/;

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31. */
function cnNumber(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return CN_DIGIT[s] ?? NaN;
  const tens = ten === 0 ? 1 : CN_DIGIT[s.slice(0, ten)] ?? NaN;
  const ones = ten === s.length - 1 ? 0 : CN_DIGIT[s.slice(ten + 1)] ?? NaN;
  return tens * 10 + ones;
}

/** The text with its Chinese-numeral day written in digits ("2022年7月1日"), or undefined when it holds none. */
export function withArabicDay(text: string): string | undefined {
  const m = CN_NUMERAL_DAY.exec(text);
  if (!m) return undefined;
  const year = [...m[1]].map((c) => CN_DIGIT[c]).join('');
  const month = cnNumber(m[2]);
  const day = cnNumber(m[3]);
  if (!Number.isFinite(month) || !Number.isFinite(day)) return undefined;
  return `${year}年${month}月${day}日`;
}
