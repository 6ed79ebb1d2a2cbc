import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBuildLock } from '../../e2e/support/build-lock.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('withBuildLock runs one holder at a time and tells the second how long it waited', async () => {
  const lockDir = join(await mkdtemp(join(tmpdir(), 'build-lock-')), 'sub', '.lock');
  const spans: [number, number][] = [];
  const waits: number[] = [];
  const hold = () =>
    withBuildLock(
      lockDir,
      async () => {
        const start = Date.now();
        await pause(400);
        spans.push([start, Date.now()]);
      },
      (ms) => waits.push(ms),
    );
  await Promise.all([hold(), hold()]);
  assert.equal(spans.length, 2);
  const [first, second] = [...spans].sort((a, b) => a[0] - b[0]);
  assert.ok(second![0] >= first![1], `the second build started at ${second![0]}, before the first ended at ${first![1]}`);
  assert.ok(Math.max(...waits) >= 300, `waits ${waits.join(', ')} ms`);
  assert.equal(existsSync(lockDir), false, 'the lock is released');
});

test('withBuildLock breaks a lock left by a process that has ended, and releases it when the work throws', async () => {
  const lockDir = join(await mkdtemp(join(tmpdir(), 'build-lock-')), '.lock');
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  await mkdir(lockDir);
  await writeFile(join(lockDir, 'pid'), ended.stdout);
  const startedMs = Date.now();
  await assert.rejects(withBuildLock(lockDir, () => Promise.reject(new Error('build failed'))), /build failed/);
  assert.ok(Date.now() - startedMs < 5000);
  assert.equal(existsSync(lockDir), false);
});
