import type { AtlasData } from '../topics/atlas-schema.ts';
import { round, serializeAtlas } from '../topics/atlas-json.ts';
import { fineClusters, type FineCluster } from '../topics/fine-clusters.ts';

/** A paper as the map draws it: where it sits, its topic and year, and the title its tooltip and label show. */
export interface MapPaper {
  slug: string;
  title: string;
  year?: number;
  topic: number;
  x: number;
  y: number;
}

/** What the map fetches: the atlas's topics and its papers as drawn, plus the fine clusters of its third label level. */
export interface MapData extends Omit<AtlasData, 'papers' | 'moved'> {
  papers: MapPaper[];
  /** Small groups of papers within the finest topics, labelled between the subtopics and the paper titles. */
  fine?: FineCluster[];
}

/**
 * The part of the atlas the map draws, as JSON: topics, and each paper's slug, title, year, topic and position
 * (`serializeAtlas`'s order and precision), plus the fine clusters (fine-clusters.ts). No related lists, source
 * ids or `weak` flags (nothing on the map reads them; an empty `related` and `weak` were 26 bytes a paper, 2.7 MB at
 * 102k papers) and no moved topic URLs. Same input, same bytes.
 * @example JSON.parse(serializeMapData(atlas)).papers[0] // => { slug: 'a-1x2y3z', title: 'A', topic: 0, x: 0.1, y: 0.2 }
 */
export function serializeMapData(atlas: AtlasData): string {
  const stored = JSON.parse(serializeAtlas({ ...atlas, moved: [] })) as { papers: Array<Record<string, unknown>> };
  const papers = stored.papers.map(({ sourceId: _sourceId, weak: _weak, related: _related, ...paper }) => paper);
  const fine = fineClusters(atlas).map((cluster) => ({ ...cluster, x: round(cluster.x, 4), y: round(cluster.y, 4) }));
  return JSON.stringify({ ...stored, papers, fine });
}
