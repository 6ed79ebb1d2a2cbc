import type { AtlasData } from '../topics/atlas-schema.ts';

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * The part of the atlas the map draws, as JSON: topics and each paper's slug, title, topic and position, without
 * the related-paper lists that make `/atlas.json` ten times larger (10 MB at 10k papers). Same input, same bytes.
 * @example JSON.parse(serializeMapData(atlas)).papers[0] // => { slug: 'a-1x2y3z', title: 'A', topic: 0, weak: false, x: 0.1, y: 0.2 }
 */
export function serializeMapData(atlas: AtlasData): string {
  return JSON.stringify({
    version: atlas.version,
    levels: atlas.levels,
    topics: atlas.topics.map((topic) => ({
      id: topic.id,
      slug: topic.slug,
      label: topic.label,
      keywords: topic.keywords,
      size: topic.size,
      centroid: [round(topic.centroid[0], 4), round(topic.centroid[1], 4)],
      parent: topic.parent,
      level: topic.level,
    })),
    papers: atlas.papers.map((paper) => ({
      slug: paper.slug,
      title: paper.title,
      topic: paper.topic,
      weak: paper.weak,
      x: round(paper.x, 4),
      y: round(paper.y, 4),
      related: [],
    })),
  });
}
