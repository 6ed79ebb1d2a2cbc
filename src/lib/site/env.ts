import { join, resolve } from 'node:path';

export interface AtlasEnv {
  /** Absolute path of the folder the papers are read from. */
  contentDir: string;
  /** Warnings and rejections fail the build. */
  strict: boolean;
  /** Fold added, changed or removed papers into the last build's topic fit instead of fitting again. */
  incremental: boolean;
  /** Absolute path of Astro's cache folder (content layer store, page cache, the stored topic fit). */
  cacheDir: string;
}

/**
 * Read the build's settings from the environment and command line.
 * `ATLAS_CONTENT` picks another folder of sources (relative to the working directory);
 * `ATLAS_STRICT=1` or `--strict` turns ingest warnings into a failed build;
 * `ATLAS_INCREMENTAL=1` or `--incremental` folds a few changed papers into the last topic fit (see cached-atlas.ts);
 * `ATLAS_CACHE_DIR` moves Astro's cache folder (default `node_modules/.astro`).
 * @example readAtlasEnv({ ATLAS_CONTENT: 'my-papers' }, ['astro', 'build', '--strict'])
 * // => { contentDir: '/abs/cwd/my-papers', strict: true, incremental: false, cacheDir: '/abs/cwd/node_modules/.astro' }
 */
export function readAtlasEnv(env: Record<string, string | undefined>, argv: readonly string[]): AtlasEnv {
  const contentDir = resolve(env['ATLAS_CONTENT'] || 'content');
  const strict = isOn(env['ATLAS_STRICT']) || argv.includes('--strict');
  const incremental = isOn(env['ATLAS_INCREMENTAL']) || argv.includes('--incremental');
  const cacheDir = resolve(env['ATLAS_CACHE_DIR'] || join('node_modules', '.astro'));
  return { contentDir, strict, incremental, cacheDir };
}

function isOn(value: string | undefined): boolean {
  return ['1', 'true', 'yes'].includes((value ?? '').toLowerCase());
}
