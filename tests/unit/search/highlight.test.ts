import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightRanges, makeSnippet } from '../../../src/lib/search/highlight.ts';

test('matched words are highlighted through diacritics and case', () => {
  assert.deepEqual(highlightRanges('TÜLU 3: Post-Training', new Set(['tulu', 'training'])), [
    [0, 4],
    [13, 21],
  ]);
});

test('a whole compound is highlighted once when it matched whole', () => {
  assert.deepEqual(highlightRanges('We extend tau-Bench here', new Set(['tau-bench', 'tau', 'bench'])), [[10, 19]]);
});

test('a short text is its own snippet', () => {
  assert.deepEqual(makeSnippet('We study tulu models.', new Set(['tulu']), 80), { text: 'We study tulu models.', ranges: [[9, 13]] });
});

test('a long text is cut around the first match with ellipses', () => {
  const text = `${'filler words '.repeat(20)}the feynman integral appears ${'and more text '.repeat(20)}`;
  const snippet = makeSnippet(text, new Set(['feynman']), 100);
  assert.ok(snippet.text.startsWith('…'));
  assert.ok(snippet.text.endsWith('…'));
  assert.ok(snippet.text.length <= 102);
  const [range] = snippet.ranges;
  assert.equal(snippet.text.slice(range?.[0], range?.[1]), 'feynman');
});

test('a snippet without matches starts at the beginning', () => {
  const snippet = makeSnippet('a '.repeat(100), new Set(['zzz']), 20);
  assert.ok(snippet.text.startsWith('a a'));
  assert.deepEqual(snippet.ranges, []);
});
