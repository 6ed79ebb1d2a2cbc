import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from '@playwright/test';
import { serveStatic } from '../../../tools/static-server.ts';
import { withBuildLock } from './build-lock.ts';

/** One fixture build at a time across Playwright's workers (see withBuildLock). */
const BUILD_LOCK = resolve('test-results/.fixture-build.lock');

/** Give the calling test or hook the time it spent waiting for another worker's build, on top of its own budget. */
function extendTimeout(waitedMs: number): void {
  if (waitedMs < 1000) return;
  try {
    test.info().setTimeout(test.info().timeout + waitedMs);
  } catch {
    // Called outside a test (a script): there is no timeout to extend.
  }
}

/**
 * Run `astro build` with extra environment, never two at once across Playwright's workers: two builds side by side
 * have failed under load (ERR_MODULE_NOT_FOUND in trends.spec's fixture build). The time spent waiting for another
 * worker's build is added to the caller's timeout. Resolves with the exit status and the output (stdout, stderr).
 * @example const { status, output } = await runAstroBuild({ ATLAS_CONTENT: 'tests/fixtures/mixed-strict', ATLAS_STRICT: '1' })
 */
export function runAstroBuild(env: Record<string, string>): Promise<{ status: number; output: string }> {
  return withBuildLock(
    BUILD_LOCK,
    () =>
      new Promise((done, fail) => {
        const child = spawn('astro', ['build'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.on('error', fail);
        child.on('close', (code) => done({ status: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
      }),
    extendTimeout,
  );
}

/**
 * Build the atlas into `test-results/<name>-dist` with extra environment (ATLAS_CONTENT, ATLAS_BASE, …) and its own
 * cache folder, then serve it like a static host under `basePath`. Always rebuilt: a stale build would test old code.
 * Throws with the build's last output when it fails.
 */
export async function buildAndServeSite(
  name: string,
  env: Record<string, string>,
  basePath = '/',
): Promise<{ outDir: string; url: string; close: () => Promise<void> }> {
  const outDir = resolve(`test-results/${name}-dist`);
  const { status, output } = await runAstroBuild({ ...env, ATLAS_OUT_DIR: outDir, ATLAS_CACHE_DIR: resolve(`test-results/${name}-cache`) });
  if (status !== 0) throw new Error(`astro build of ${name} exited with ${status}:\n${output.slice(-4000)}`);
  const server = await serveStatic(outDir, basePath);
  return { outDir, ...server };
}
