import { SearchEngine } from '../../lib/search/engine.ts';
import { joinBase } from '../../lib/site/paths.ts';

let engine: Promise<SearchEngine> | undefined;

/** The site's search engine, opened once per page on first use; `base` is the site base path (`data-base`). */
export function loadEngine(base: string): Promise<SearchEngine> {
  engine ??= SearchEngine.open(async (file) => {
    const response = await fetch(joinBase(base, `/search-index/${file}`));
    if (!response.ok) throw new Error(`search-index/${file}: HTTP ${response.status}`);
    // Bytes: shards and doc-store chunks are deflated (src/lib/search/manifest.ts); the engine inflates them.
    return new Uint8Array(await response.arrayBuffer());
  });
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/** The base path the layout renders on <html data-base>. */
export function siteBase(): string {
  return document.documentElement.dataset.base ?? '/';
}
