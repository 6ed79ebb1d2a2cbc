import type { APIRoute } from 'astro';
import { getPapers } from '../data/papers.ts';
import { buildDate } from '../lib/site/build-info.ts';
import { buildAtomFeed } from '../lib/site/feed.ts';
import { absoluteUrl } from '../lib/site/xml.ts';
import { atlasConfig } from '../lib/config.ts';

// Feed readers show the newest few dozen entries; a feed of every paper would be megabytes at 100k papers.
const FEED_ENTRIES = 50;

/** `/feed.xml`: an Atom feed of the newest papers (source order when papers have no dates). */
export const GET: APIRoute = async () => {
  const papers = await getPapers();
  const siteUrl = (path: string) => absoluteUrl(atlasConfig().site, import.meta.env.BASE_URL, path);
  const body = buildAtomFeed(papers, {
    title: 'Research Atlas',
    subtitle: `The newest of ${papers.length.toLocaleString('en-US')} papers in the atlas.`,
    feedUrl: siteUrl('/feed.xml'),
    homeUrl: siteUrl('/'),
    paperUrl: (slug) => siteUrl(`/papers/${slug}/`),
    fallbackDate: buildDate(process.env),
    limit: FEED_ENTRIES,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
