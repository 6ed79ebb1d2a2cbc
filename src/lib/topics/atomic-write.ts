import { rename, writeFile } from 'node:fs/promises';

/**
 * Write `data` to `path` under a temporary name first, then rename it into place, so an interrupted build leaves the
 * previous file whole (the stored fit, the kept text scans, the topic URLs in the cache folder).
 * @example await writeAtomically('node_modules/.astro/research-atlas/topic-urls.json', '{}')
 */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
