import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file a built site publishes under `search-index/` (what a host stores and a browser fetches from), by
 * file name. Benchmarks measure these, the index as shipped, not one rebuilt beside the site.
 * @example (await readPublishedSearchIndex('dist')).has('manifest.json') // => true
 */
export async function readPublishedSearchIndex(distDir: string): Promise<Map<string, Buffer>> {
  const dir = join(distDir, 'search-index');
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}
