/**
 * Which files of the output folder an earlier build left behind. The build keeps the output folder between builds
 * (so pages Astro's incremental build skips stay where they are instead of being copied back from the cache), so a
 * page whose paper was removed, or a bundle renamed by a new hash, must be deleted once the build is done.
 */

/** One file of the output folder: its path relative to the folder (`/` separators) and when it was last written. */
export interface OutputFile {
  path: string;
  mtimeMs: number;
}

/**
 * Files that are neither an output of this build's routes (`routeOutputs`, written now or kept from the last
 * build) nor written since the build started (bundles, public files, the sitemap).
 * @example staleOutputFiles([{ path: 'papers/gone/index.html', mtimeMs: 5 }, { path: '_astro/app.js', mtimeMs: 20 }], new Set(), 10)
 * // => ['papers/gone/index.html']
 */
export function staleOutputFiles(files: readonly OutputFile[], routeOutputs: ReadonlySet<string>, buildStartMs: number): string[] {
  return files
    .filter((file) => !routeOutputs.has(file.path) && file.mtimeMs < buildStartMs)
    .map((file) => file.path)
    .sort();
}
