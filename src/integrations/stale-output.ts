import { readdir, rm, rmdir, stat } from 'node:fs/promises';
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
        const files = await listFiles(root, root);
        const stale = staleOutputFiles(files, routeOutputs, buildStartMs);
        for (const path of stale) await rm(join(root, path), { force: true });
        await removeEmptyFolders(root, root);
        if (stale.length > 0) logger.info(`removed ${stale.length} file(s) an earlier build left in the output folder`);
      },
    },
  };
}

function toRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Every file under `folder` with its modification time; a folder's entries are read in parallel (100k pages). */
async function listFiles(root: string, folder: string): Promise<OutputFile[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const listed = await Promise.all(
    entries.map(async (entry): Promise<OutputFile[]> => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return listFiles(root, path);
      return [{ path: toRelative(root, path), mtimeMs: (await stat(path)).mtimeMs }];
    }),
  );
  return listed.flat();
}

/** Remove folders left empty under `folder` (not `root` itself); true when `folder` itself is now empty. */
async function removeEmptyFolders(root: string, folder: string): Promise<boolean> {
  let empty = true;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && (await removeEmptyFolders(root, join(folder, entry.name)))) continue;
    empty = false;
  }
  if (empty && folder !== root) await rmdir(folder);
  return empty;
}
