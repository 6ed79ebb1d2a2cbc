import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * The kinds of file a built atlas publishes, as the bench reports them: what a host stores and what grows with
 * the corpus. `papers` are the paper pages, `lists` the papers list's pages, `topics` everything under `topics/`
 * (pages and feeds), `pages` every other HTML page, `library` the library's papers list (`library/papers.deflate`);
 * `vectors` is the `vectors/` folder (0 when a build has none).
 */
export const DIST_KINDS = ['papers', 'lists', 'topics', 'pages', 'search', 'vectors', 'map', 'atlas', 'library', 'other'] as const;
export type DistKind = (typeof DIST_KINDS)[number];

/** Bytes and file count of one kind of file in a built site. */
export interface KindSize {
  bytes: number;
  files: number;
}

/**
 * The kind of a file of a built site, from its path relative to the output folder (forward slashes).
 * @example distKindOf('search-index/head-003.json') // => 'search'
 * @example distKindOf('papers/attention-is-all-you-need/index.html') // => 'papers'
 * @example distKindOf('papers/page/2/index.html') // => 'lists'
 * @example distKindOf('_astro/map.Bx1.js') // => 'other'
 */
export function distKindOf(path: string): DistKind {
  if (path === 'papers/index.html' || /^papers\/page\/[^/]+\/index\.html$/.test(path)) return 'lists';
  if (/^papers\/[^/]+\/index\.html$/.test(path)) return 'papers';
  if (path.startsWith('topics/')) return 'topics';
  if (path === 'library/papers.deflate') return 'library';
  if (path.startsWith('search-index/')) return 'search';
  if (path.startsWith('vectors/')) return 'vectors';
  if (path === 'atlas.json') return 'atlas';
  if (path === 'map-data.deflate') return 'map';
  if (path.endsWith('.html')) return 'pages';
  return 'other';
}

/**
 * Bytes and files of each kind under a built site's folder (every kind present, 0 when absent).
 * @example await distSizeByKind('dist') // => { pages: { bytes: 5204113, files: 131 }, search: { … }, vectors: { bytes: 0, files: 0 }, … }
 */
export async function distSizeByKind(distDir: string): Promise<Record<DistKind, KindSize>> {
  const sizes = Object.fromEntries(DIST_KINDS.map((kind) => [kind, { bytes: 0, files: 0 }])) as Record<DistKind, KindSize>;
  const entries = await readdir(distDir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = sizes[distKindOf(relative(distDir, path).split(sep).join('/'))];
    size.bytes += (await stat(path)).size;
    size.files += 1;
  }
  return sizes;
}

// `node bench/dist-kinds.ts <built site folder>`: the table for one build (what the README's tables record).
if (import.meta.main) {
  const distDir = process.argv[2];
  if (!distDir) throw new Error('usage: node bench/dist-kinds.ts <built site folder, e.g. dist>');
  const sizes = await distSizeByKind(distDir);
  const total = DIST_KINDS.reduce((sum, kind) => ({ bytes: sum.bytes + sizes[kind].bytes, files: sum.files + sizes[kind].files }), { bytes: 0, files: 0 });
  console.log('| kind | MB | files |\n| --- | --- | --- |');
  for (const kind of DIST_KINDS) console.log(`| ${kind} | ${(sizes[kind].bytes / 1e6).toFixed(1)} | ${sizes[kind].files} |`);
  console.log(`| total | ${(total.bytes / 1e6).toFixed(1)} | ${total.files} |`);
}
