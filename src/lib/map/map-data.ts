import type { AtlasData } from '../topics/atlas-schema.ts';
import { serializeAtlas } from '../topics/atlas-json.ts';

/**
 * The part of the atlas the map draws, as JSON: the atlas without the related-paper lists and source ids that
 * make `/atlas.json` ten times larger (10 MB at 10k papers). Same input, same bytes.
 * @example JSON.parse(serializeMapData(atlas)).papers[0] // => { slug: 'a-1x2y3z', title: 'A', topic: 0, weak: false, x: 0.1, y: 0.2, related: [] }
 */
export function serializeMapData(atlas: AtlasData): string {
  // The moved topic URLs are for the pages and the next build; the map draws only live topics.
  const { moved: _moved, ...drawn } = atlas;
  return serializeAtlas({
    ...drawn,
    papers: atlas.papers.map(({ sourceId: _sourceId, ...paper }) => ({ ...paper, related: [] })),
  });
}
