import type { AtlasData } from '../topics/atlas-schema.ts';
import { round, serializeAtlas } from '../topics/atlas-json.ts';
import { fineClusters, type FineCluster } from '../topics/fine-clusters.ts';

/** What the map fetches: the atlas it draws plus the fine clusters of its third label level. */
export interface MapData extends AtlasData {
  /** Small groups of papers within the finest topics, labelled between the subtopics and the paper titles. */
  fine?: FineCluster[];
}

/**
 * The part of the atlas the map draws, as JSON: the atlas without the related-paper lists and source ids that
 * make `/atlas.json` ten times larger (10 MB at 10k papers), plus its fine clusters (fine-clusters.ts). Same input,
 * same bytes.
 * @example JSON.parse(serializeMapData(atlas)).papers[0] // => { slug: 'a-1x2y3z', title: 'A', topic: 0, weak: false, x: 0.1, y: 0.2, related: [] }
 */
export function serializeMapData(atlas: AtlasData): string {
  // The moved topic URLs are for the pages and the next build; the map draws only live topics.
  const { moved: _moved, ...drawn } = atlas;
  const body = serializeAtlas({
    ...drawn,
    papers: atlas.papers.map(({ sourceId: _sourceId, ...paper }) => ({ ...paper, related: [] })),
  });
  const fine = fineClusters(atlas).map((cluster) => ({ ...cluster, x: round(cluster.x, 4), y: round(cluster.y, 4) }));
  return `${body.slice(0, -1)},"fine":${JSON.stringify(fine)}}`;
}
