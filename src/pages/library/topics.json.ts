import type { APIRoute } from 'astro';
import { getAtlas } from '../../data/atlas.ts';
import type { LibraryTopicIndex } from '../../lib/library/topic-moves.ts';

/** This atlas's topics and moved topic URLs for /library/ (src/lib/library/topic-moves.ts). */
export const GET: APIRoute = async () => {
  const atlas = await getAtlas();
  const index: LibraryTopicIndex = {
    topics: atlas.topics.map((topic) => [topic.slug, topic.label]),
    moved: (atlas.moved ?? []).map((move) => [move.slug, move.to]),
  };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
