import { analyse } from 'chardet';

/**
 * GB and Big5 mislabels: both are double-byte charsets over the same lead range, so bytes of the one decode under
 * the other with few or no U+FFFD — a Taiwanese article under a reused `gb2312` template reads as rare GBK
 * characters (記者 → 癘), a simplified article under `big5` as rare traditional ones. Replacement counting cannot
 * see that; the byte pairs can, and chardet's character-frequency models decide:
 * - under a GB label, more than a tenth of the pairs outside GB2312's own block (lead or trail below 0xA1) is what
 *   Big5 text looks like (its trail bytes run from 0x40); traditional text really in GBK looks the same, so only
 *   chardet's verdict moves the page — Big5 strongly preferred over GB18030;
 * - under a Big5 label, pairs that never use Big5's low trail range (0x40–0x7E, ~40% of real Big5 pairs) are what
 *   GB2312 text looks like; again chardet decides.
 * Only pages with enough pairs for a frequency verdict (a short sample is a guess) are judged.
 */
export type CjkFamily = 'gb' | 'big5';

/** Pairs needed before a frequency verdict is trusted. */
const MIN_PAIRS = 60;
/** chardet confidence (0–100) the rival needs, and its lead over the declared charset's own confidence. */
const MIN_RIVAL_CONFIDENCE = 80;
const MIN_LEAD = 40;

interface PairCounts {
  pairs: number;
  /** Pairs with a lead or trail byte below 0xA1 (outside GB2312's block). */
  outsideGb2312: number;
  /** Pairs whose trail byte is 0x40–0x7E (Big5's low trail range; also GBK's extension). */
  lowTrail: number;
}

function countPairs(bytes: Buffer): PairCounts {
  const counts: PairCounts = { pairs: 0, outsideGb2312: 0, lowTrail: 0 };
  for (let i = 0; i < bytes.length - 1; i++) {
    const lead = bytes[i];
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1];
    counts.pairs++;
    if (lead < 0xa1 || trail < 0xa1) counts.outsideGb2312++;
    if (trail >= 0x40 && trail <= 0x7e) counts.lowTrail++;
    i++;
  }
  return counts;
}

/** The rival family the bytes belong to, when the declared family is contradicted; undefined to keep the label. */
export function contradictedCjkFamily(sample: Buffer, declared: CjkFamily): CjkFamily | undefined {
  const counts = countPairs(sample);
  if (counts.pairs < MIN_PAIRS) return undefined;
  const suspicious = declared === 'gb' ? counts.outsideGb2312 / counts.pairs > 0.1 : counts.lowTrail / counts.pairs < 0.05;
  if (!suspicious) return undefined;
  const rival: CjkFamily = declared === 'gb' ? 'big5' : 'gb';
  const matches = analyse(sample);
  const confidence = (family: CjkFamily): number =>
    matches.find((match) => match.name === (family === 'gb' ? 'GB18030' : 'Big5'))?.confidence ?? 0;
  const rivalConfidence = confidence(rival);
  if (rivalConfidence < MIN_RIVAL_CONFIDENCE) return undefined;
  return rivalConfidence - confidence(declared) >= MIN_LEAD ? rival : undefined;
}
