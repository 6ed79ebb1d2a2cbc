import { resolve } from 'node:path';

export interface AtlasEnv {
  /** Absolute path of the folder the papers are read from. */
  contentDir: string;
  /** Warnings and rejections fail the build. */
  strict: boolean;
}

/**
 * Read the build's settings from the environment and command line.
 * `ATLAS_CONTENT` picks another folder of sources (relative to the working directory);
 * `ATLAS_STRICT=1` or `--strict` turns ingest warnings into a failed build.
 * @example readAtlasEnv({ ATLAS_CONTENT: 'my-papers' }, ['astro', 'build', '--strict'])
 * // => { contentDir: '/abs/cwd/my-papers', strict: true }
 */
export function readAtlasEnv(env: Record<string, string | undefined>, argv: readonly string[]): AtlasEnv {
  const contentDir = resolve(env['ATLAS_CONTENT'] || 'content');
  const strictValue = (env['ATLAS_STRICT'] ?? '').toLowerCase();
  const strict = ['1', 'true', 'yes'].includes(strictValue) || argv.includes('--strict');
  return { contentDir, strict };
}
