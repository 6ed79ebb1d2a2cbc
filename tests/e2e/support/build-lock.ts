import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How often a waiting build looks at the lock again. */
const POLL_MS = 250;
/** A lock folder with no owner written this long after it was made is left over from a crash. */
const OWNERLESS_STALE_MS = 60_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock's owner is gone (its process ended, or it never wrote its pid and long ago). */
async function isStale(lockDir: string): Promise<boolean> {
  const owner = await readFile(join(lockDir, 'pid'), 'utf8').catch(() => '');
  const pid = Number(owner);
  if (owner !== '' && Number.isInteger(pid) && pid > 0) return !isAlive(pid);
  const made = await stat(lockDir).catch(() => undefined);
  return made === undefined ? false : Date.now() - made.mtimeMs > OWNERLESS_STALE_MS;
}

/**
 * Remove a stale lock. Renaming first is atomic, so of two processes breaking it at once only one takes it; and
 * if in between a live process had already taken the lock afresh, the taken folder is put back.
 */
async function breakStaleLock(lockDir: string): Promise<void> {
  const taken = `${lockDir}.stale-${process.pid}`;
  try {
    await rename(lockDir, taken);
  } catch {
    return;
  }
  if (await isStale(taken)) await rm(taken, { recursive: true, force: true });
  else await rename(taken, lockDir).catch(() => rm(taken, { recursive: true, force: true }));
}

/**
 * Hold `lockDir` while `work` runs, across processes: Playwright runs specs in several worker processes, and two
 * `astro build`s at once on a small machine have failed with ERR_MODULE_NOT_FOUND. `mkdir` is atomic, so exactly one process makes the folder;
 * the others poll until it is gone. A lock whose owner process has ended is broken, so a killed run does not wedge
 * the next one. `onWaited` is told how long the wait took before `work` starts (a spec adds it to its timeout).
 * @example await withBuildLock('test-results/.fixture-build.lock', async () => build(), (ms) => extendTimeout(ms))
 */
export async function withBuildLock<T>(lockDir: string, work: () => Promise<T> | T, onWaited: (waitedMs: number) => void = () => {}): Promise<T> {
  const startedMs = Date.now();
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        await mkdir(join(lockDir, '..'), { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lockDir)) await breakStaleLock(lockDir);
      else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    await writeFile(join(lockDir, 'pid'), String(process.pid));
    onWaited(Date.now() - startedMs);
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
