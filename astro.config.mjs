// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { atlasSitemap } from './src/integrations/sitemap.ts';
import { atlasStaleOutput } from './src/integrations/stale-output.ts';
import { atlasSiteOrigin } from './src/integrations/site-origin.ts';
import { atlasConfig } from './src/lib/config.ts';

// Every ATLAS_* setting (site origin, base path, output and cache folders…) and its default: src/lib/config.ts.
const config = atlasConfig();

/** `SaveButton.astro_astro_type_script_index_0_lang` → `SaveButton`; any other chunk name, made file-safe as Astro does. */
function shortScriptName(name) {
  return name.replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, index) => (index === '0' ? '' : `-${index}`)).replace(/[^\w.-]/g, '_');
}

export default defineConfig({
  site: config.site,
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  base: config.base,
  trailingSlash: 'ignore',
  // Pages render eight at a time: each page's write waits on the file system, and one at a time the main thread sat
  // idle ~12 s of a 10k build (CPU profile); 8 at a time the 10k build took 40 s instead of 51 s, the same bytes
  // (`diff -r`). Each page is rendered from its own props, so the order they finish in changes nothing.
  build: { format: 'directory', concurrency: 8 },
  integrations: [atlasSiteOrigin(config), atlasSitemap(), atlasStaleOutput()],
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
    environments: {
      client: {
        build: {
          rolldownOptions: {
            // A component's script is named `SaveButton.astro_astro_type_script_index_0_lang.<hash>.js` by default;
            // every page links five of them, so the 37-character tail costs ~185 bytes a paper page (19 MB at 102k).
            // `SaveButton.<hash>.js` names the same file; a second script of one component keeps its index.
            output: {
              entryFileNames: (chunk) => `_astro/${shortScriptName(chunk.name)}.[hash].js`,
              chunkFileNames: (chunk) => `_astro/${shortScriptName(chunk.name)}.[hash].js`,
            },
          },
        },
      },
    },
  },
});
