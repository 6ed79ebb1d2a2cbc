import { getAtlas } from '../data/atlas.ts';
import { getPapers } from '../data/papers.ts';
import { PAPERS_PER_PAGE } from '../lib/site/pagination.ts';
import { chunkSitemapUrls, sitePagePaths } from '../lib/site/sitemap.ts';
import { absoluteUrl } from '../lib/site/xml.ts';

/** The site's absolute URL of a path, base included (`import.meta.env.SITE` is `ATLAS_SITE`). */
export function siteUrl(path: string): string {
  return absoluteUrl(import.meta.env.SITE ?? 'http://localhost:4321', import.meta.env.BASE_URL, path);
}

let chunksOfBuild: Promise<string[][]> | undefined;

/** Every page's absolute URL, split into sitemap files of at most 50,000 URLs; computed once per build. */
export function sitemapChunks(): Promise<string[][]> {
  chunksOfBuild ??= Promise.all([getPapers(), getAtlas()]).then(([papers, atlas]) => {
    const paths = sitePagePaths({
      paperSlugs: papers.map((paper) => paper.slug),
      topicSlugs: atlas.topics.map((topic) => topic.slug),
      paperListPages: Math.ceil(papers.length / PAPERS_PER_PAGE),
    });
    return chunkSitemapUrls(paths.map(siteUrl));
  });
  return chunksOfBuild;
}
