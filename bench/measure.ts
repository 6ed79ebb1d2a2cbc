import { execFileSync, spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { TimedLine } from './build-log.ts';

export interface ProcessRun {
  exitCode: number;
  seconds: number;
  lines: TimedLine[];
  /** Highest sum of resident memory over the process and its descendants, sampled every 100 ms, in MB. */
  peakTreeRssMb: number;
  /** Highest single-process peak (VmHWM), in MB; catches spikes shorter than the sampling interval. */
  peakProcessHwmMb: number;
  /**
   * CPU seconds (user + system) of the command and the descendants it waited for, on every core; undefined off
   * Linux. Other work on a shared machine stretches wall time far more than CPU time, so ratios between builds of
   * one run are compared on both.
   */
  cpuSeconds?: number | undefined;
}

/** Linux clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds of this process's children that have ended and been waited for (cutime + cstime in /proc/self/stat);
 * undefined where there is no /proc.
 */
async function childrenCpuSeconds(): Promise<number | undefined> {
  try {
    const stat = await readFile('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of the line (cutime, cstime) are 13 and 14 after the command name.
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

async function statusField(pid: number, field: string): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pid and every descendant, from the parent pids in /proc/<pid>/stat. */
async function processTree(rootPid: number): Promise<number[]> {
  const childrenByParent = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its closing parenthesis do not.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const siblings = childrenByParent.get(parent) ?? [];
      siblings.push(Number(entry));
      childrenByParent.set(parent, siblings);
    } catch {
      // The process ended between readdir and readFile.
    }
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(childrenByParent.get(tree[index]!) ?? []));
  return tree;
}

/**
 * Run a command, time it, keep its output lines with their arrival times, and sample the memory of its process tree.
 * Output is also echoed to `echo` (the bench's log) so a long build shows progress.
 */
export async function runMeasured(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; echo?: (line: string) => void }): Promise<ProcessRun> {
  const cpuBefore = await childrenCpuSeconds();
  const startedMs = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (text) => {
      lines.push({ atMs: performance.now() - startedMs, text });
      options.echo?.(text);
    });
  }
  let peakTreeRssMb = 0;
  let peakProcessHwmMb = 0;
  let running = true;
  const sampler = (async () => {
    while (running && child.pid !== undefined) {
      const tree = await processTree(child.pid);
      const rss = await Promise.all(tree.map((pid) => statusField(pid, 'VmRSS')));
      const hwm = await Promise.all(tree.map((pid) => statusField(pid, 'VmHWM')));
      peakTreeRssMb = Math.max(peakTreeRssMb, rss.reduce((sum, value) => sum + value, 0));
      peakProcessHwmMb = Math.max(peakProcessHwmMb, ...hwm);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  running = false;
  await sampler;
  lines.sort((a, b) => a.atMs - b.atMs);
  const cpuAfter = await childrenCpuSeconds();
  return {
    exitCode,
    seconds: (performance.now() - startedMs) / 1000,
    cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : Math.round((cpuAfter - cpuBefore) * 100) / 100,
    lines,
    peakTreeRssMb: Math.round(peakTreeRssMb),
    peakProcessHwmMb: Math.round(peakProcessHwmMb),
  };
}

/** Total size in bytes and number of files under a folder. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/**
 * Run `script --one <size>` in a fresh Node process per size (so each size's peak memory is its own) and parse the
 * JSON result each prints on stdout; the child's stderr goes to ours. `nodeArgs` go before the script (heap size).
 * @example measureEachSizeInChild<{ papers: number }>(import.meta.url, [1000]) // => [{ papers: 1000, … }]
 */
export function measureEachSizeInChild<T>(scriptUrl: string, sizes: readonly number[], nodeArgs: readonly string[] = []): T[] {
  return sizes.map((size) => {
    const output = execFileSync(process.execPath, [...nodeArgs, fileURLToPath(scriptUrl), '--one', String(size)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    return JSON.parse(output) as T;
  });
}
