import { readFile, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { indexablePagePaths, isNoindexHtml, mayBeNoindex, sitemapFiles } from '../lib/site/sitemap.ts';

/**
 * Writes `sitemap.xml` (and `sitemap-<n>.xml` past 50,000 pages) into the build output once every page is built,
 * from the pages Astro actually generated: a new route is listed without anyone updating a list of routes.
 */
export function atlasSitemap(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  return {
    name: 'research-atlas-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        if (!site) {
          logger.warn('no `site` configured (ATLAS_SITE): sitemap.xml not written');
          return;
        }
        const noindexPaths = new Set<string>();
        for (const { pathname } of pages.filter((page) => mayBeNoindex(page.pathname))) {
          const html = await readFile(new URL(`${pathname.replace(/^\/+/, '')}index.html`, dir), 'utf8').catch(() => '');
          if (isNoindexHtml(html)) noindexPaths.add(`/${pathname.replace(/^\/+/, '')}`);
        }
        const paths = indexablePagePaths(
          pages.map((page) => page.pathname),
          noindexPaths,
        );
        const files = sitemapFiles(paths, site, base);
        for (const file of files) await writeFile(new URL(file.name, dir), file.xml);
        logger.info(`${files.map((file) => file.name).join(', ')}: ${paths.length} pages`);
      },
    },
  };
}
