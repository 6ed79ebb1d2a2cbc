import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlasLookups } from '../../../data/atlas.ts';
import { topicFeedXml } from '../../../data/feeds.ts';
import type { AtlasTopic } from '../../../lib/topics/atlas-schema.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { atlas } = await getAtlasLookups();
  return atlas.topics.map((topic) => ({ params: { slug: topic.slug }, props: { topic } }));
};

/** `/topics/<slug>/feed.xml`: an Atom feed of the topic's newest papers. */
export const GET: APIRoute = async ({ props }) =>
  new Response(await topicFeedXml((props as { topic: AtlasTopic }).topic), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
