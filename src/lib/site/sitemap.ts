import { compareCodeUnits } from '../text/compare.ts';
import { absoluteUrl, escapeXml } from './xml.ts';

// The sitemaps.org limit: at most 50,000 URLs (and 50 MB) per sitemap file; larger sites need a sitemap index.
export const SITEMAP_MAX_URLS = 50_000;

/**
 * The indexable pages among a build's output paths (Astro's `astro:build:done` pathnames: `''`, `papers/x/`,
 * `feed.xml`, …): directory pages only, not the 404 and 500 pages, data files nor the `noindexPaths` (site paths of
 * pages that ask not to be indexed, such as a moved topic's redirect); as site paths, sorted.
 * @example indexablePagePaths(['', 'papers/a/', '404/', 'feed.xml', 'search-index/manifest.json']) // => ['/', '/papers/a/']
 * @example indexablePagePaths(['topics/a/', 'topics/old/'], new Set(['/topics/old/'])) // => ['/topics/a/']
 */
export function indexablePagePaths(pathnames: readonly string[], noindexPaths: ReadonlySet<string> = new Set()): string[] {
  const paths = pathnames
    .map((pathname) => `/${pathname.replace(/^\/+/, '')}`)
    .filter((path) => path.endsWith('/') && path !== '/404/' && path !== '/500/' && !noindexPaths.has(path));
  return [...new Set(paths)].sort(compareCodeUnits);
}

/**
 * Output paths of pages that may hold a `noindex` page: only the topic pages do (a moved topic's URL redirects,
 * src/pages/topics/[moved].astro), so the sitemap reads those few pages instead of every paper page.
 * @example mayBeNoindex('topics/old-slug/') // => true
 * @example mayBeNoindex('papers/x/') // => false
 */
export function mayBeNoindex(pathname: string): boolean {
  return /^\/?topics\/[^/]+\/$/.test(pathname);
}

/**
 * True when a page's HTML carries a robots meta tag with `noindex`.
 * @example isNoindexHtml('<meta name="robots" content="noindex">') // => true
 * @example isNoindexHtml('<meta name="description" content="noindex is a word">') // => false
 */
export function isNoindexHtml(html: string): boolean {
  return /<meta\s[^>]*name=["']?robots["']?[^>]*content=["'][^"']*\bnoindex\b/i.test(html);
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

/**
 * The sitemap files of a site: `sitemap.xml` alone while the pages fit in one file, else `sitemap.xml` as an index
 * of `sitemap-1.xml`, `sitemap-2.xml`, … URLs are absolute: `site`, then `base`, then the page path.
 * @example sitemapFiles(['/', '/papers/a/'], 'https://x.org', '/atlas/').map((file) => file.name) // => ['sitemap.xml']
 */
export function sitemapFiles(paths: readonly string[], site: string | URL, base: string, maxUrls = SITEMAP_MAX_URLS): { name: string; xml: string }[] {
  const chunks = chunkSitemapUrls(
    paths.map((path) => absoluteUrl(site, base, path)),
    maxUrls,
  );
  if (chunks.length === 1) return [{ name: 'sitemap.xml', xml: buildSitemapXml(chunks[0] ?? []) }];
  const names = chunks.map((_, index) => `sitemap-${index + 1}.xml`);
  return [
    { name: 'sitemap.xml', xml: buildSitemapIndexXml(names.map((name) => absoluteUrl(site, base, `/${name}`))) },
    ...chunks.map((urls, index) => ({ name: names[index]!, xml: buildSitemapXml(urls) })),
  ];
}
