import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relatedPapers } from '../../../src/lib/topics/related.ts';
import { meanDirection } from '../../../src/lib/topics/cluster.ts';
import { round, serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';

test('relatedPapers lists the first graph neighbours, skips empty slots and clamps similarity to [0, 1]', () => {
  const graph = {
    rowCount: 2,
    neighbourCount: 3,
    indices: Int32Array.of(1, -1, 0, 0, 1, -1),
    similarities: Float32Array.of(1.2, 0, 0.5, 0.4, -0.1, 0),
  };
  assert.deepEqual(relatedPapers(graph, 2), [[{ row: 1, similarity: 1 }], [{ row: 0, similarity: 0.4000000059604645 }, { row: 1, similarity: 0 }]]);
});

test('meanDirection is the unit-length mean of the chosen rows only', () => {
  const mean = meanDirection(Float32Array.of(1, 0, 0, 1, 5, 5), 2, Int32Array.of(0, 1));
  assert.ok(Math.abs(mean[0]! - Math.SQRT1_2) < 1e-6 && Math.abs(mean[1]! - Math.SQRT1_2) < 1e-6, `${[...mean]}`);
});

test('round never gives -0', () => {
  assert.ok(Object.is(round(-0.00004, 4), 0));
  assert.equal(round(0.12345, 3), 0.123);
});

test('serializeAtlas writes keys in a fixed order with fixed precision', () => {
  const json = serializeAtlas({
    version: 1,
    levels: 1,
    topics: [{ level: 0, parent: null, centroid: [0.123456, -0.00001], size: 1, keywords: ['k'], label: 'l', slug: 's', id: 0 }],
    papers: [{ related: [{ shared: [], similarity: 0.98765, slug: 'b' }], y: 0.5, x: 0.25, weak: false, topic: 0, title: 'T', slug: 'a' }],
  });
  assert.equal(
    json,
    '{"version":1,"levels":1,"topics":[{"id":0,"slug":"s","label":"l","keywords":["k"],"size":1,"centroid":[0.1235,0],"parent":null,"level":0}],' +
      '"papers":[{"slug":"a","title":"T","topic":0,"weak":false,"x":0.25,"y":0.5,"related":[{"slug":"b","similarity":0.988,"shared":[]}]}]}',
  );
});
