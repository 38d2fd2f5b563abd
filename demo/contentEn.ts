/** Generates the text of one English article (headline, byline, paragraphs, captions). */
import { easternParts } from './dates.js';
import { fillTemplate, groupIntoParagraphs } from './fillTemplate.js';
import { EN_CATEGORIES, EN_FIRST_NAMES, EN_LAST_NAMES, EN_WIRE, type EnCategory } from './phrasesEn.js';
import type { Random } from './random.js';
import type { DemoImage } from './types.js';

export interface EnContent {
  title: string;
  body: string[];
  author?: string;
  source?: string;
  images: DemoImage[];
  tags: string[];
}

const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth'];

export function enCategory(index: number): EnCategory {
  return EN_CATEGORIES[index % EN_CATEGORIES.length];
}

export function enPersonName(rng: Random): string {
  return `${rng.pick(EN_FIRST_NAMES)} ${rng.pick(EN_LAST_NAMES)}`;
}

/** `Lisbon begins rebuilding…` → `lisbon-begins-rebuilding…` (ASCII only, at most 10 words). */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 10)
    .join('-');
}

export function generateEnContent(
  rng: Random,
  cat: EnCategory,
  publishedMs: number,
  imageBase: string,
  isTitleTaken: (title: string) => boolean,
): EnContent {
  const et = easternParts(publishedMs);
  const numbers = { n: rng.int(2, 60), n2: rng.int(2, 6), n3: rng.int(40, 900), ordinal: rng.pick(ORDINALS) };
  let topic = rng.pick(cat.topics);
  let place = rng.pick(cat.places);
  let title = fillTemplate(rng.pick(topic.titles), { place, ...numbers });
  for (let attempt = 0; isTitleTaken(title) && attempt < 50; attempt++) {
    topic = rng.pick(cat.topics);
    place = rng.pick(cat.places);
    title = fillTemplate(rng.pick(topic.titles), { place, ...numbers });
  }
  if (isTitleTaken(title)) title = `${title}, ${et.monthName} ${et.day}`;

  const [aspect, aspect2] = rng.sample(topic.aspects, 2);
  const slots = {
    ...numbers,
    place,
    topic: topic.noun,
    scene: topic.scene,
    people: topic.people,
    aspect,
    aspect2,
    name: enPersonName(rng),
    weekday: et.weekday,
    pct: rng.int(5, 60),
  };

  const isWire = rng.chance(0.25);
  const author = isWire ? undefined : enPersonName(rng);
  const paragraphCount = rng.int(4, 8);
  let opening = fillTemplate(rng.pick(cat.openings), slots);
  if (isWire) opening = `${place.toUpperCase()} (${EN_WIRE}) — ${opening}`;
  else if (rng.chance(0.4)) opening = `${place.toUpperCase()} — ${opening}`;
  const sentences = rng.sample(cat.sentences, Math.min(cat.sentences.length, paragraphCount - 1 + rng.int(0, 2)));
  // Each sentence quotes its own person.
  const rest = groupIntoParagraphs(sentences.map((s) => fillTemplate(s, { ...slots, name: enPersonName(rng) })), paragraphCount - 1, ' ');

  const imageCount = rng.int(1, 2);
  const images = rng.sample(cat.captions, imageCount).map((caption, i) => ({
    src: `${imageBase}_${i + 1}.jpg`,
    caption: fillTemplate(caption, slots),
  }));

  return { title, body: [opening, ...rest], author, source: isWire ? EN_WIRE : undefined, images, tags: topic.tags };
}
