import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedAtlas, topicCodeVersion } from '../../../src/lib/topics/cached-atlas.ts';
import { readTopicModel, writeTopicModel } from '../../../src/lib/topics/model-store.ts';
import { buildTopicModel } from '../../../src/lib/topics/pipeline.ts';
import { serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';
import { paperDigest } from '../../../src/lib/topics/fold-in.ts';
import { bundledTopicInputs } from '../bundled-corpus.ts';

const papers = bundledTopicInputs();

function withDir(run: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-model-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('a stored model reads back whole, and not under another key or when its files disagree', withDir(async (dir) => {
  const fit = buildTopicModel(papers.slice(0, 60));
  const model = { atlas: fit.atlas, paperDigests: papers.slice(0, 60).map(paperDigest), vectors: fit.vectors, dimensions: fit.dimensions, termKeys: fit.termKeys, termBasis: fit.termBasis };
  await writeTopicModel(dir, model, 'key-1');
  const read = await readTopicModel(dir, 'key-1');
  assert.ok(read);
  assert.equal(serializeAtlas(read.atlas), serializeAtlas(fit.atlas));
  assert.deepEqual(read.paperDigests, model.paperDigests);
  assert.deepEqual(read.termKeys, fit.termKeys);
  assert.deepEqual([...read.vectors], [...fit.vectors]);
  assert.deepEqual([...read.termBasis], [...fit.termBasis]);
  assert.equal(await readTopicModel(dir, 'key-2'), undefined);
  writeFileSync(join(dir, 'topic-model.bin'), new Uint8Array(12));
  assert.equal(await readTopicModel(dir, 'key-1'), undefined);
  assert.equal(await readTopicModel(join(dir, 'absent'), 'key-1'), undefined);
}));

test('cachedAtlas fits, reuses the fit byte for byte, fits afresh on a change, and folds only when incremental', withDir(async (dir) => {
  const base = { dir, fitKey: 'k', fold: { minFittedPapers: 50, maxChangeRatio: 0.1 } };
  const first = await cachedAtlas(papers.slice(0, 110), { ...base, incremental: false });
  assert.equal(first.source, 'fitted');
  const again = await cachedAtlas(papers.slice(0, 110), { ...base, incremental: false });
  assert.equal(again.source, 'reused');
  assert.equal(serializeAtlas(again.atlas), serializeAtlas(first.atlas));

  const grown = papers.slice(0, 112);
  const folded = await cachedAtlas(grown, { ...base, incremental: true });
  assert.equal(folded.source, 'folded');
  assert.equal(folded.atlas.papers.length, 112);
  // A fold is never stored: the stored fit is still the one of 110 papers, and a plain build fits afresh.
  const fresh = await cachedAtlas(grown, { ...base, incremental: false });
  assert.equal(fresh.source, 'fitted');
  assert.equal(serializeAtlas(fresh.atlas), serializeAtlas(buildTopicModel(grown).atlas));
  assert.equal((await cachedAtlas(grown, { ...base, incremental: true })).source, 'reused');
}));

test('cachedAtlas without a code version neither reuses nor stores', withDir(async (dir) => {
  const result = await cachedAtlas(papers.slice(0, 40), { dir, fitKey: undefined, incremental: true });
  assert.equal(result.source, 'fitted');
  assert.equal(existsSync(join(dir, 'topic-model.json')), false);
}));

test('topicCodeVersion changes with the seed and is undefined without the topic code', async () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const one = await topicCodeVersion(root, 1);
  assert.match(one ?? '', /^sha256:[0-9a-f]{64}$/);
  assert.notEqual(await topicCodeVersion(root, 2), one);
  assert.equal(await topicCodeVersion(tmpdir(), 1), undefined);
});
