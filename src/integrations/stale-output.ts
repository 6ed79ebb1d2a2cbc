import { readdirSync, rmdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { staleOutputFiles, type OutputFile } from '../lib/site/stale-output.ts';

/**
 * Deletes what earlier builds left in the output folder (see src/lib/site/stale-output.ts), so that keeping the
 * folder between builds (`vite.build.emptyOutDir: false`) never publishes a removed paper's page.
 */
export function atlasStaleOutput(): AstroIntegration {
  let buildStartMs = 0;
  return {
    name: 'research-atlas-stale-output',
    hooks: {
      'astro:build:start': () => {
        buildStartMs = Date.now();
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const routeOutputs = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) routeOutputs.add(toRelative(root, fileURLToPath(url)));
        const files = listFiles(root, '', routeOutputs);
        const stale = staleOutputFiles(files, routeOutputs, buildStartMs);
        for (const path of stale) await rm(join(root, path), { force: true });
        removeEmptyFolders(root, root);
        if (stale.length > 0) logger.info(`removed ${stale.length} file(s) an earlier build left in the output folder`);
      },
    },
  };
}

function toRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

// The output folder is read synchronously: it holds a folder per page (10k papers: 11k files in 10k folders), and
// through the promise API every stat and readdir is a thread-pool round trip (~0.3 ms of the main thread's time
// each, 1–2 s a 10k build), where the synchronous calls on folders just written cost microseconds.

/**
 * Every file under `root`/`relativeDir` but this build's route outputs, with its path relative to `root` (`/`
 * separators) and its modification time (a route output is kept whatever its time, so it is not stat-ed: 10k paper
 * pages are 10k calls saved).
 */
function listFiles(root: string, relativeDir: string, routeOutputs: ReadonlySet<string>): OutputFile[] {
  const files: OutputFile[] = [];
  for (const entry of readdirSync(join(root, relativeDir), { withFileTypes: true })) {
    const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listFiles(root, path, routeOutputs));
    else if (!routeOutputs.has(path)) files.push({ path, mtimeMs: statSync(join(root, path)).mtimeMs });
  }
  return files;
}

/** Remove folders left empty under `folder` (not `root` itself); true when `folder` itself is now empty. */
function removeEmptyFolders(root: string, folder: string): boolean {
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(root, join(folder, entry.name))) continue;
    empty = false;
  }
  if (empty && folder !== root) rmdirSync(folder);
  return empty;
}
