import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializePublishedAtlas } from '../../../src/lib/site/published-atlas.ts';
import { serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';
import { parsePreviousAtlas } from '../../../src/lib/topics/topic-url-store.ts';
import type { AtlasData } from '../../../src/lib/topics/atlas-schema.ts';

const atlas: AtlasData = {
  version: 1,
  levels: 1,
  topics: [{ id: 0, slug: 'graphs', label: 'graphs', keywords: ['graph'], size: 2, centroid: [0.5, 0.5], parent: null, level: 0 }],
  papers: [
    { slug: 'a-1', title: 'A', topic: 0, weak: false, x: 0.25, y: 0.5, related: [{ slug: 'b-2', similarity: 0.41234, shared: ['graph'] }] },
    { slug: 'b-2', title: 'B', year: 2016, topic: 0, weak: true, x: 0.75, y: 0.5, related: [{ slug: 'a-1', similarity: 0.41234, shared: ['graph'] }] },
  ],
};

test('the published atlas names each related paper by its index in papers, with its similarity', () => {
  const published = JSON.parse(serializePublishedAtlas(atlas));
  assert.equal(published.version, 3);
  assert.deepEqual(published.papers[0].related, [[1, 0.412]]);
  assert.deepEqual(published.papers[1].related, [[0, 0.412]]);
  assert.equal(published.papers[published.papers[0].related[0][0]].slug, 'b-2');
});

test('the published atlas keeps every other field of the stored one, in the same order', () => {
  const stored = JSON.parse(serializeAtlas(atlas));
  const published = JSON.parse(serializePublishedAtlas(atlas));
  assert.deepEqual(Object.keys(published), Object.keys(stored));
  assert.deepEqual(published.topics, stored.topics);
  assert.ok(published.papers.length > 0);
  for (const [index, paper] of published.papers.entries()) {
    assert.deepEqual(Object.keys(paper), Object.keys(stored.papers[index]));
    assert.deepEqual({ ...paper, related: [] }, { ...stored.papers[index], related: [] });
  }
});

test('a published atlas.json is a previous atlas ATLAS_PREVIOUS_ATLAS can read', () => {
  const previous = parsePreviousAtlas(serializePublishedAtlas(atlas), 'atlas.json');
  assert.deepEqual(previous.papers.map((paper) => [paper.slug, paper.topic]), [['a-1', 0], ['b-2', 0]]);
});

test('the same atlas gives the same bytes, and a related slug missing from the atlas is an error', () => {
  assert.equal(serializePublishedAtlas(atlas), serializePublishedAtlas(structuredClone(atlas)));
  const broken = structuredClone(atlas);
  broken.papers[0]!.related[0]!.slug = 'gone-9';
  assert.throws(() => serializePublishedAtlas(broken), /related paper "gone-9" is not in the atlas/);
});
