import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHighlightSlugs } from '../../../src/lib/map/url-state.ts';

test('a ?papers= link gives the slugs to highlight, empty and overlong ones dropped', () => {
  assert.deepEqual(decodeHighlightSlugs('?papers=graph-nets,,attention&z=2'), ['graph-nets', 'attention']);
  assert.deepEqual(decodeHighlightSlugs(`?papers=${'x'.repeat(301)},ok`), ['ok']);
  assert.equal(decodeHighlightSlugs('?z=2'), null);
});
