/** Generates the text of one Chinese article (title, dateline lead, paragraphs, captions). */
import { beijingParts, pad } from './dates.js';
import { fillTemplate, groupIntoParagraphs } from './fillTemplate.js';
import { ZH_CATEGORIES, ZH_GIVEN_NAMES, ZH_SOURCES, ZH_SURNAMES, type ZhCategory } from './phrasesZh.js';
import type { Random } from './random.js';
import type { ArticleTemplate, DemoImage } from './types.js';

export interface ZhContent {
  title: string;
  body: string[];
  author?: string;
  source: string;
  editor: string;
  images: DemoImage[];
  tags: string[];
}

export function zhCategory(index: number): ZhCategory {
  return ZH_CATEGORIES[index % ZH_CATEGORIES.length];
}

export function zhPersonName(rng: Random): string {
  return rng.pick(ZH_SURNAMES) + rng.pick(ZH_GIVEN_NAMES);
}

/** The dateline that opens the first paragraph, e.g. `东海网10月11日讯(记者 王玉龙)`. */
function dateline(rng: Random, cat: ZhCategory, template: ArticleTemplate, source: string, place: string, author: string | undefined, ms: number): string {
  const dayBefore = rng.chance(0.5);
  const p = beijingParts(ms - (dayBefore ? 86_400_000 : 0));
  const when = `${p.month}月${p.day}日`;
  if (cat.slug === 'guoji') return author ? `${source}${place}${when}电（记者 ${author}）` : `${source}${place}${when}电 `;
  if (template === 'zh-portal') return author ? `本报讯（记者 ${author} 通讯员 ${zhPersonName(rng)}）` : '本报讯 ';
  if (!author) return `${source}${when}讯 `;
  return rng.chance(0.5) ? `${source}${when}讯(记者 ${author})` : `${source}${when}讯（记者 ${author}）`;
}

export function generateZhContent(
  rng: Random,
  cat: ZhCategory,
  template: ArticleTemplate,
  publishedMs: number,
  imageBase: string,
  isTitleTaken: (title: string) => boolean,
): ZhContent {
  const p = beijingParts(publishedMs);
  let topic = rng.pick(cat.topics);
  let place = rng.pick(cat.places);
  const numbers = { n: rng.int(2, 60), n2: rng.int(3, 12), n3: rng.int(12, 900) };
  let title = fillTemplate(rng.pick(topic.titles), { place, ...numbers });
  for (let attempt = 0; isTitleTaken(title) && attempt < 50; attempt++) {
    topic = rng.pick(cat.topics);
    place = rng.pick(cat.places);
    title = fillTemplate(rng.pick(topic.titles), { place, ...numbers });
  }
  if (isTitleTaken(title)) title = `${title}（${pad(p.month)}${pad(p.day)}）`;

  const [aspect, aspect2] = rng.sample(topic.aspects, 2);
  const slots = {
    ...numbers,
    place,
    topic: topic.noun,
    dept: topic.dept,
    scene: topic.scene,
    people: topic.people,
    metric: topic.metric,
    unit: topic.unit,
    aspect,
    aspect2,
    name: zhPersonName(rng),
    date: `${p.day}日`,
    month: p.month === 1 ? 12 : p.month - 1,
    pct: (3 + rng.next() * 22).toFixed(1),
    pct2: rng.int(60, 95),
    pct3: (0.5 + rng.next() * 2.5).toFixed(1),
  };

  const newspapers = ZH_SOURCES.filter((s) => s.endsWith('报'));
  const source = template === 'zh-portal' ? rng.pick(newspapers) : rng.pick(ZH_SOURCES);
  const author = rng.chance(0.8) ? zhPersonName(rng) : undefined;
  const lead = dateline(rng, cat, template, source, place, author, publishedMs);

  const paragraphCount = rng.int(4, 8);
  const opening = fillTemplate(rng.pick(cat.openings), slots);
  const sentences = rng.sample(cat.sentences, Math.min(cat.sentences.length, paragraphCount - 1 + rng.int(0, 3)));
  // Each sentence quotes its own person.
  const rest = groupIntoParagraphs(sentences.map((s) => fillTemplate(s, { ...slots, name: zhPersonName(rng) })), paragraphCount - 1, '');
  const body = [lead + opening, ...rest];

  const imageCount = rng.int(1, 2);
  const captions = rng.sample(cat.captions, imageCount);
  const images = captions.map((caption, i) => ({
    src: `${imageBase}_${i + 1}.jpg`,
    caption: fillTemplate(caption, slots) + (author ? `（记者 ${author} 摄）` : ''),
  }));

  return { title, body, author, source, editor: zhPersonName(rng), images, tags: topic.tags };
}
