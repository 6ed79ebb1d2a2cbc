import type { AtlasData, AtlasTopic } from '../topics/atlas-schema.ts';
import { compareCodeUnits } from '../text/compare.ts';
import { yearSeries, type YearValue } from '../trends/chart.ts';

/** A topic as a badge shows it. */
export interface TopicBadge {
  id: number;
  slug: string;
  label: string;
  color: string;
}

/**
 * The badge of each paper's topic, keyed by paper slug. `colorOf` is the map's palette so badges and map agree.
 * @example topicBadgesBySlug(atlas, (id) => colors[id]).get('some-paper-abc123')?.label // => 'continual learning · forgetting'
 */
export function topicBadgesBySlug(atlas: AtlasData, colorOf: (topicId: number) => string): Map<string, TopicBadge> {
  const badgeById = new Map(atlas.topics.map((topic) => [topic.id, toBadge(topic, colorOf)]));
  const badges = new Map<string, TopicBadge>();
  for (const paper of atlas.papers) {
    const badge = badgeById.get(paper.topic);
    if (badge) badges.set(paper.slug, badge);
  }
  return badges;
}

/**
 * A topic as a badge: `colorOf` gives the map's colour for a topic id, so badges and map agree.
 * @example toBadge(atlas.topics[0], (id) => colors[id]).color // => '#0072B2'
 */
export function toBadge(topic: AtlasTopic, colorOf: (topicId: number) => string): TopicBadge {
  return { id: topic.id, slug: topic.slug, label: topic.label, color: colorOf(topic.id) };
}

/**
 * The topics a visitor browses first: broad themes when there are two levels, else every topic; largest first.
 * @example browsableTopics(atlas).map((t) => t.label) // => ['language model · reasoning', …]
 */
export function browsableTopics(atlas: AtlasData): AtlasTopic[] {
  const level = atlas.levels === 2 ? 0 : atlas.topics[0]?.level ?? 0;
  return atlas.topics.filter((topic) => topic.level === level).sort((a, b) => b.size - a.size || a.id - b.id);
}

/**
 * Slugs of a topic's papers, closest to the topic's centre first (representative papers).
 * For a broad theme, its subtopics' papers are included.
 * @example papersOfTopic(atlas, 3).slice(0, 3) // => ['paper-a-1x2y3z', 'paper-b-4k5l6m', 'paper-c-7n8o9p']
 */
export function papersOfTopic(atlas: AtlasData, topicId: number): string[] {
  const topic = atlas.topics.find((candidate) => candidate.id === topicId);
  if (!topic) return [];
  const memberTopicIds = new Set([topicId, ...atlas.topics.filter((t) => t.parent === topicId).map((t) => t.id)]);
  const [cx, cy] = topic.centroid;
  return atlas.papers
    .filter((paper) => memberTopicIds.has(paper.topic))
    .map((paper) => ({ slug: paper.slug, weak: paper.weak, distance: (paper.x - cx) ** 2 + (paper.y - cy) ** 2 }))
    .sort((a, b) => Number(a.weak) - Number(b.weak) || a.distance - b.distance || compareCodeUnits(a.slug, b.slug))
    .map((paper) => paper.slug);
}

/** A theme as a card of the theme grid shows it (src/components/ThemeGrid.astro, TopicCard.astro). */
export interface ThemeCard {
  topic: AtlasTopic;
  color: string;
  /** Representative papers, closest to the centre first. */
  papers: { slug: string; title: string }[];
  /** The theme's subtopics, largest first (ties by id). */
  subtopics: AtlasTopic[];
  /** Its papers per year over the atlas's span, for the card's sparkline; empty when the atlas has no dates. */
  perYear: YearValue[];
}

/** What `themeCards` needs of the atlas lookups (src/data/atlas.ts). */
export interface ThemeCardLookups {
  atlas: AtlasData;
  titleBySlug: ReadonlyMap<string, string>;
  colorOfTopic: (topicId: number) => string;
  /** Slugs of a topic's papers, representative first (`papersOfTopic`). */
  membersOfTopic: (topicId: number) => string[];
}

/**
 * The cards of the theme grid: every browsable topic (`browsableTopics`) with its colour, its first
 * `papersPerTopic` representative papers (a missing title falls back to the slug), its subtopics and its papers per
 * year from `span.firstYear` to `span.lastYear` (none without a span: an atlas with no dated paper).
 * @example themeCards(lookups, 3, { firstYear: 2014, lastYear: 2016 })[0] // => { topic: { label: 'language model · reasoning', … }, color: '#0072B2',
 * //   papers: [{ slug: 'paper-a-1x2y3z', title: 'Paper A' }, …], subtopics: [{ label: 'chain of thought', … }, …],
 * //   perYear: [{ year: 2014, value: 3 }, { year: 2015, value: 0 }, { year: 2016, value: 12 }] }
 */
export function themeCards(lookups: ThemeCardLookups, papersPerTopic: number, span?: { firstYear: number; lastYear: number }): ThemeCard[] {
  const { atlas, titleBySlug, colorOfTopic, membersOfTopic } = lookups;
  return browsableTopics(atlas).map((topic) => ({
    topic,
    color: colorOfTopic(topic.id),
    papers: membersOfTopic(topic.id)
      .slice(0, papersPerTopic)
      .map((slug) => ({ slug, title: titleBySlug.get(slug) ?? slug })),
    subtopics: atlas.topics.filter((sub) => sub.parent === topic.id).sort((a, b) => b.size - a.size || a.id - b.id),
    perYear: span ? yearSeries(topic.years, span.firstYear, span.lastYear) : [],
  }));
}
