import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateBytes, deflateText } from '../../../src/lib/bytes/deflate.ts';
import { inflateBytes, inflateText } from '../../../src/lib/bytes/inflate.ts';

test('deflated text and bytes inflate back exactly, and the same input gives the same bytes', async () => {
  const text = 'Graph neural networks — naïve 数 '.repeat(50);
  const deflated = deflateText(text);
  assert.ok(deflated.length > 0 && deflated.length < Buffer.byteLength(text) / 5);
  assert.equal(await inflateText(deflated), text);
  assert.deepEqual(deflateText(text), deflated);
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 251);
  assert.deepEqual(await inflateBytes(deflateBytes(bytes)), bytes);
  // A view into a larger buffer (as a fetch or a Node Buffer may give) inflates the same.
  const padded = new Uint8Array(deflated.length + 20);
  padded.set(deflated, 10);
  assert.equal(await inflateText(padded.subarray(10, 10 + deflated.length)), text);
});

test('bytes that are not a deflate stream are refused', async () => {
  await assert.rejects(() => inflateText(new TextEncoder().encode('{"plain": "json"}')));
});
