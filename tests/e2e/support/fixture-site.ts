import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { serveStatic } from '../../../tools/static-server.ts';

/**
 * Build the atlas into `test-results/<name>-dist` with extra environment (ATLAS_CONTENT, ATLAS_BASE, …) and its own
 * cache folder, then serve it like a static host under `basePath`. Always rebuilt: a stale build would test old code.
 */
export async function buildAndServeSite(
  name: string,
  env: Record<string, string>,
  basePath = '/',
): Promise<{ outDir: string; url: string; close: () => Promise<void> }> {
  const outDir = resolve(`test-results/${name}-dist`);
  execFileSync('astro', ['build'], {
    env: { ...process.env, ...env, ATLAS_OUT_DIR: outDir, ATLAS_CACHE_DIR: resolve(`test-results/${name}-cache`) },
    stdio: 'pipe',
  });
  const server = await serveStatic(outDir, basePath);
  return { outDir, ...server };
}
