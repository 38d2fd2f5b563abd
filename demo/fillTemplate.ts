/** Replaces `{slot}` markers; unknown slots are left visible so a missing value is easy to spot in tests. */
export function fillTemplate(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (whole, key: string) => (key in slots ? String(slots[key]) : whole));
}

/** Groups sentences into paragraphs: `paragraphCount` paragraphs, each with at least one sentence. */
export function groupIntoParagraphs(sentences: string[], paragraphCount: number, joiner: string): string[] {
  const count = Math.max(1, Math.min(paragraphCount, sentences.length));
  const paragraphs: string[][] = Array.from({ length: count }, () => []);
  sentences.forEach((sentence, i) => paragraphs[i < count ? i : (i * 7) % count].push(sentence));
  return paragraphs.map((p) => p.join(joiner));
}
