import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexFileName, shardForTerm, shardsForPrefix } from '../../../src/lib/search/manifest.ts';

const firstTerms = ['aa', 'ma', 'mo', 'tr'];

test('a term falls in the last shard whose first term is not greater', () => {
  assert.deepEqual(['aa', 'lstm', 'ma', 'model', 'neural', 'zebra'].map((term) => shardForTerm(firstTerms, term)), [0, 0, 1, 2, 2, 3]);
});

test('a term below the first shard boundary falls in shard 0', () => {
  assert.equal(shardForTerm(firstTerms, '3d'), 0);
});

test('a prefix spans every shard that can hold its terms', () => {
  assert.deepEqual(shardsForPrefix(firstTerms, 'm'), [0, 1, 2]);
  assert.deepEqual(shardsForPrefix(firstTerms, 'mod'), [2]);
});

test('index file names are stable', () => {
  assert.equal(indexFileName('body', 12), 'body-12.deflate');
  assert.equal(indexFileName('docs', 12), 'docs-12.deflate');
});
