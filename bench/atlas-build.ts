import { appendFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runMeasured, type ProcessRun } from './measure.ts';

/** The project the benchmarks build. */
export const projectRoot = resolve(import.meta.dirname, '..');
const ASTRO_BIN = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

// The build script's own Node options (package.json "build"), so the bench builds the way `npm run build` does.
async function buildNodeOptions(): Promise<string> {
  const scripts = (JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const match = /--max-old-space-size=\d+/.exec(scripts['build'] ?? '');
  return [process.env['NODE_OPTIONS'] ?? '', match?.[0] ?? ''].join(' ').trim();
}

/**
 * `astro build` in `cwd` with extra environment (ATLAS_CONTENT, ATLAS_OUT_DIR, …), timed and memory-sampled. The
 * whole output goes to `logFile`; the atlas's own stage lines are echoed to stdout with `label` in front.
 * Throws with the last 30 lines when the build fails.
 */
export async function astroBuild(cwd: string, env: Record<string, string>, label: string, logFile: string): Promise<ProcessRun> {
  await appendFile(logFile, `\n===== ${label} =====\n`);
  const nodeOptions = await buildNodeOptions();
  const run = await runMeasured(process.execPath, [ASTRO_BIN, 'build'], {
    cwd,
    env: { ...process.env, ...env, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
    echo: (line) => {
      void appendFile(logFile, `${line}\n`);
      const plain = line.replace(/\u001b\[[0-9;]*m/g, '').trim();
      if (/^\[atlas\]|Synced content|page\(s\) built|^\S*Error|heap out of memory/.test(plain)) process.stdout.write(`  ${label} | ${plain}\n`);
    },
  });
  if (run.exitCode !== 0) {
    const tail = run.lines.slice(-30).map((line) => line.text).join('\n');
    throw new Error(`${label}: astro build exited with ${run.exitCode}\n${tail}`);
  }
  return run;
}

/**
 * A fresh folder for a benchmark's builds (dist and cache). Astro puts its prerender chunks in
 * `<outDir>/.prerender/` only when outDir is inside the project; otherwise in the project's shared `.astro/`, where
 * a concurrent build would overwrite them. So builds stay inside the project, in the git-ignored `.astro/`.
 */
export async function makeBuildDir(): Promise<string> {
  await mkdir(join(projectRoot, '.astro'), { recursive: true });
  return mkdtemp(join(projectRoot, '.astro', 'bench-'));
}
