import { escapeXml } from './xml.ts';
import { papersPagePath } from './pagination.ts';

// The sitemaps.org limit: at most 50,000 URLs (and 50 MB) per sitemap file; larger sites need a sitemap index.
export const SITEMAP_MAX_URLS = 50_000;

export interface SiteRoutes {
  paperSlugs: readonly string[];
  topicSlugs: readonly string[];
  /** Number of pages of the papers list (`/papers/`, `/papers/page/2/`, …). */
  paperListPages: number;
}

/**
 * Every indexable page of the atlas as a site path (without the base), in a fixed order: the fixed pages,
 * the papers list pages, topics, then papers. The 404 page is left out.
 * @example sitePagePaths({ paperSlugs: ['a'], topicSlugs: ['t'], paperListPages: 2 })
 * // => ['/', '/papers/', '/papers/page/2/', '/topics/', '/map/', '/search/', '/topics/t/', '/papers/a/']
 */
export function sitePagePaths(routes: SiteRoutes): string[] {
  const listPages = Array.from({ length: Math.max(1, routes.paperListPages) }, (_, index) => papersPagePath(index + 1));
  return [
    '/',
    ...listPages,
    '/topics/',
    '/map/',
    '/search/',
    ...routes.topicSlugs.map((slug) => `/topics/${slug}/`),
    ...routes.paperSlugs.map((slug) => `/papers/${slug}/`),
  ];
}

/**
 * Split URLs into sitemap files of at most `maxUrls` each; an empty list gives one empty file.
 * @example chunkSitemapUrls(['a', 'b', 'c'], 2) // => [['a', 'b'], ['c']]
 */
export function chunkSitemapUrls(urls: readonly string[], maxUrls = SITEMAP_MAX_URLS): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < urls.length; start += maxUrls) chunks.push(urls.slice(start, start + maxUrls));
  return chunks.length > 0 ? chunks : [[]];
}

/**
 * A sitemaps.org `<urlset>` of absolute URLs.
 * @example buildSitemapXml(['https://x.org/']) // => '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>https://x.org/</loc></url>\n</urlset>\n'
 */
export function buildSitemapXml(urls: readonly string[]): string {
  const body = urls.map((url) => `<url><loc>${escapeXml(url)}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</urlset>\n`;
}

/**
 * A sitemaps.org `<sitemapindex>` pointing to sitemap files by absolute URL.
 * @example buildSitemapIndexXml(['https://x.org/sitemap-1.xml'])
 * // => '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>https://x.org/sitemap-1.xml</loc></sitemap>\n</sitemapindex>\n'
 */
export function buildSitemapIndexXml(sitemapUrls: readonly string[]): string {
  const body = sitemapUrls.map((url) => `<sitemap><loc>${escapeXml(url)}</loc></sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</sitemapindex>\n`;
}

/**
 * robots.txt allowing every crawler and naming the sitemap.
 * @example buildRobotsTxt('https://x.org/sitemap.xml') // => 'User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap.xml\n'
 */
export function buildRobotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
