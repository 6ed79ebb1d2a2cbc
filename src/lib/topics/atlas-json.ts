/**
 * The atlas as the site publishes it (atlas.json, the map data, the stored model): fixed key order and fixed
 * precision, so the same papers and seed always give the same bytes.
 */
import type { AtlasData } from './atlas-schema.ts';

/**
 * A number rounded to `digits` decimals, never -0 (the atlas's fixed precision).
 * @example round(-0.00004, 4) // => 0
 */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * The atlas as JSON with a fixed key order and fixed precision (4 decimals for coordinates, 3 for similarities),
 * so the same papers and seed always give the same bytes. A paper's `year` and a topic's `years` are written when set, `moved` when it lists any slug.
 * @example serializeAtlas({ version: 1, levels: 1, topics: [], papers: [] }) // => '{"version":1,"levels":1,"topics":[],"papers":[]}'
 */
export function serializeAtlas(atlas: AtlasData): string {
  return JSON.stringify({
    version: atlas.version,
    levels: atlas.levels,
    topics: atlas.topics.map((topic) => ({
      id: topic.id,
      slug: topic.slug,
      label: topic.label,
      keywords: topic.keywords,
      size: topic.size,
      ...(topic.years === undefined ? {} : { years: topic.years }),
      centroid: [round(topic.centroid[0], 4), round(topic.centroid[1], 4)],
      parent: topic.parent,
      level: topic.level,
    })),
    papers: atlas.papers.map((paper) => ({
      slug: paper.slug,
      ...(paper.sourceId === undefined ? {} : { sourceId: paper.sourceId }),
      title: paper.title,
      ...(paper.year === undefined ? {} : { year: paper.year }),
      topic: paper.topic,
      weak: paper.weak,
      x: round(paper.x, 4),
      y: round(paper.y, 4),
      related: paper.related.map((related) => ({ slug: related.slug, similarity: round(related.similarity, 3), shared: related.shared })),
    })),
    ...(atlas.moved === undefined || atlas.moved.length === 0 ? {} : { moved: atlas.moved.map((moved) => ({ slug: moved.slug, to: moved.to })) }),
  });
}
