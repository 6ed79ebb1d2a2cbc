import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextScans, writeTextScans } from '../../../src/lib/topics/text-scans.ts';
import { textScansToKeep, tokenizeTexts, useTextScans } from '../../../src/lib/topics/corpus-terms.ts';
import { SurfaceTable, tokenizeCorpus } from '../../../src/lib/topics/tokenize.ts';

const texts = ['Graph neural networks for molecules.', 'A graph network, of neural units.', '', 'Sparse matrix methods.'];

test('stored scans read back whole and tokenise as the texts do, and not under another key or when their files disagree', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-scans-'));
  try {
    useTextScans({ table: new SurfaceTable(), scanOfDigest: new Map() });
    tokenizeTexts(texts);
    const kept = textScansToKeep(texts);
    assert.ok(kept);
    await writeTextScans(dir, kept, 'key-1');
    const read = await readTextScans(dir, 'key-1');
    assert.ok(read);
    assert.deepEqual(read.table.surfaces, kept.table.surfaces);
    assert.deepEqual(read.table.keys, kept.table.keys);
    assert.equal(read.table.keys.length, read.table.surfaces.length);
    assert.deepEqual([...read.scanOfDigest.keys()], [...kept.scanOfDigest.keys()]);
    for (const [digest, scan] of kept.scanOfDigest) assert.deepEqual([...read.scanOfDigest.get(digest)!], [...scan]);
    useTextScans(read);
    assert.deepEqual(tokenizeTexts(texts), tokenizeCorpus(texts));
    assert.equal(textScansToKeep(texts), undefined, 'every text was read from the store');
    assert.equal(await readTextScans(dir, 'key-2'), undefined);
    writeFileSync(join(dir, 'text-scans.bin'), new Uint8Array(12));
    assert.equal(await readTextScans(dir, 'key-1'), undefined);
    assert.equal(await readTextScans(join(dir, 'absent'), 'key-1'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
