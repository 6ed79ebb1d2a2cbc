import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializeMapData } from '../../../src/lib/map/map-data.ts';
import type { AtlasData } from '../../../src/lib/topics/atlas-schema.ts';

const atlas: AtlasData = {
  version: 1,
  levels: 1,
  topics: [{ id: 0, slug: 't', label: 'graphs · networks', keywords: ['graphs'], size: 1, centroid: [0.123456, 0.5], parent: null, level: 0 }],
  papers: [{ slug: 'a-1', sourceId: '2401.00001', title: 'A', topic: 0, weak: false, x: 0.123456, y: 0.654321, related: [{ slug: 'b-2', similarity: 0.5, shared: ['graphs'] }] }],
};

test('serializeMapData keeps what the map draws and drops related lists, source ids and the weak flag', () => {
  const data = JSON.parse(serializeMapData(atlas));
  assert.deepEqual(data.papers[0], { slug: 'a-1', title: 'A', topic: 0, x: 0.1235, y: 0.6543 });
  assert.deepEqual(Object.keys(data), ['version', 'levels', 'topics', 'papers', 'fine']);
  assert.deepEqual(data.topics[0].centroid, [0.1235, 0.5]);
});

test('serializeMapData gives the same bytes for the same atlas', () => {
  assert.equal(serializeMapData(atlas), serializeMapData(structuredClone(atlas)));
});

test('serializeMapData leaves out the moved topic URLs, which the map never draws', () => {
  const data = JSON.parse(serializeMapData({ ...atlas, moved: [{ slug: 'old-topic', to: 't' }] }));
  assert.equal(data.moved, undefined);
  assert.equal(data.topics.length, 1);
});

test('serializeMapData adds the fine clusters of the third label level (none for a one-paper atlas)', () => {
  assert.deepEqual(JSON.parse(serializeMapData(atlas)).fine, []);
});
