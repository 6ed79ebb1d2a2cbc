import { getPapers, getPaperBySlug } from './papers.ts';
import { getAtlasLookups } from './atlas.ts';
import { atlasConfig } from '../lib/config.ts';
import { buildDate, formatCount, pluralize } from '../lib/site/build-info.ts';
import { buildAtomFeed, buildOpml, FEED_ENTRIES, type AtomFeedOptions } from '../lib/site/feed.ts';
import { absoluteUrl } from '../lib/site/xml.ts';
import type { AtlasTopic } from '../lib/topics/atlas-schema.ts';

/** The absolute URL of a site path for this build (ATLAS_SITE, then the base path). */
function siteUrl(path: string): string {
  return absoluteUrl(atlasConfig().site, import.meta.env.BASE_URL, path);
}

/** What every feed of the site shares: paper links, the build date as the fallback `<updated>`, the entry limit. */
function feedOptions(title: string, subtitle: string, feedPath: string, pagePath: string): AtomFeedOptions {
  return {
    title,
    subtitle,
    feedUrl: siteUrl(feedPath),
    homeUrl: siteUrl(pagePath),
    paperUrl: (slug) => siteUrl(`/papers/${slug}/`),
    fallbackDate: buildDate(process.env),
    limit: FEED_ENTRIES,
  };
}

/** `/feed.xml`: the newest papers of the whole atlas (source order when papers have no dates). */
export async function siteFeedXml(): Promise<string> {
  const papers = await getPapers();
  return buildAtomFeed(papers, feedOptions('Research Atlas', `The newest of ${formatCount(papers.length)} papers in the atlas.`, '/feed.xml', '/'));
}

/** Site path of a topic's Atom feed. */
export function topicFeedPath(topic: Pick<AtlasTopic, 'slug'>): string {
  return `/topics/${topic.slug}/feed.xml`;
}

/** `/topics/<slug>/feed.xml`: the newest papers of one topic (a theme's include its subtopics' papers). */
export async function topicFeedXml(topic: AtlasTopic): Promise<string> {
  const { membersOfTopic } = await getAtlasLookups();
  const paperBySlug = await getPaperBySlug();
  const papers = membersOfTopic(topic.id).flatMap((slug) => {
    const paper = paperBySlug.get(slug);
    return paper ? [paper] : [];
  });
  const subtitle = `The newest of ${pluralize(papers.length, 'paper')} on ${topic.keywords.slice(0, 5).join(', ')}.`;
  return buildAtomFeed(papers, feedOptions(`Research Atlas: ${topic.label}`, subtitle, topicFeedPath(topic), `/topics/${topic.slug}/`));
}

/** Site path of the OPML list of every topic feed. */
export const TOPIC_FEEDS_OPML_PATH = '/topics/feeds.opml';

/** `/topics/feeds.opml`: every topic's feed, themes first then subtopics, each level largest first (ties by id). */
export async function topicFeedsOpml(): Promise<string> {
  const { atlas } = await getAtlasLookups();
  const topics = [...atlas.topics].sort((a, b) => a.level - b.level || b.size - a.size || a.id - b.id);
  return buildOpml(
    'Research Atlas: topic feeds',
    buildDate(process.env),
    topics.map((topic) => ({ title: `Research Atlas: ${topic.label}`, feedUrl: siteUrl(topicFeedPath(topic)), pageUrl: siteUrl(`/topics/${topic.slug}/`) })),
  );
}
