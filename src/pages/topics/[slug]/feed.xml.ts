import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlasLookups } from '../../../data/atlas.ts';
import { topicFeedXml } from '../../../data/feeds.ts';
import type { AtlasTopic } from '../../../lib/topics/atlas-schema.ts';

/**
 * Every topic's feed, and at the old slug of a topic a later build no longer has (the atlas's `moved`, see
 * topics/[moved].astro) its successor's feed, whose `rel="self"` names the successor's URL: a subscription keeps
 * receiving papers, and readers that follow the self link move over. A vanished topic with no successor has no feed.
 */
export const getStaticPaths: GetStaticPaths = async () => {
  const { atlas } = await getAtlasLookups();
  const topicBySlug = new Map(atlas.topics.map((topic) => [topic.slug, topic]));
  const moved = (atlas.moved ?? []).flatMap((entry) => {
    const successor = entry.to === null ? undefined : topicBySlug.get(entry.to);
    return successor ? [{ params: { slug: entry.slug }, props: { topic: successor } }] : [];
  });
  return [...atlas.topics.map((topic) => ({ params: { slug: topic.slug }, props: { topic } })), ...moved];
};

/** `/topics/<slug>/feed.xml`: an Atom feed of the topic's newest papers. */
export const GET: APIRoute = async ({ props }) =>
  new Response(await topicFeedXml((props as { topic: AtlasTopic }).topic), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
