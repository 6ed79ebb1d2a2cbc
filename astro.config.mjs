// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { atlasSitemap } from './src/integrations/sitemap.ts';
import { atlasStaleOutput } from './src/integrations/stale-output.ts';
import { readAtlasEnv } from './src/lib/site/env.ts';

/**
 * Where the atlas is hosted. ATLAS_SITE is the absolute origin (canonical URLs, feeds, sitemap);
 * ATLAS_BASE the sub-path, e.g. `/my-atlas/` for GitHub Pages project sites.
 */
const outDir = process.env.ATLAS_OUT_DIR || './dist';
const site = process.env.ATLAS_SITE || 'http://localhost:4321';
const rawBase = process.env.ATLAS_BASE || '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

export default defineConfig({
  site,
  outDir,
  // ATLAS_CACHE_DIR, default node_modules/.astro: read in one place, as the topic step's stored fit lives there too.
  cacheDir: readAtlasEnv(process.env, process.argv).cacheDir,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [atlasSitemap(), atlasStaleOutput()],
  // Pages whose getStaticPaths() entry has a `cacheKey` (paper and author pages) are copied from the cache
  // (under cacheDir) when the key and the page's code are unchanged: a rebuild with one paper added re-renders
  // only the pages that paper changes. `astro build --force` renders everything.
  experimental: { incrementalBuild: true },
  vite: {
    plugins: [tailwindcss()],
    // The output folder is kept between builds, so a skipped page stays in place instead of being copied back from
    // the cache (10k copies cost ~10 s, emptying the folder ~3 s); atlasStaleOutput deletes what this build did not make.
    // No script or asset inlined into the HTML: the theme toggle and copy buttons (a few hundred bytes each) would
    // otherwise be repeated in every one of 100,000 paper pages instead of fetched once and cached.
    build: { emptyOutDir: false, assetsInlineLimit: 0 },
  },
});
