import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapTopicColors, themeAdjacency, themeColorIndices } from '../../../src/lib/map/theme-coloring.ts';
import { hexToRgb, rgbToOklab, topicColor } from '../../../src/lib/map/palette.ts';

/** Themes 0..n-1 in a row of blobs along x; neighbours in the row touch. */
function row(n: number) {
  const topics = Array.from({ length: n }, (_, id) => ({ id, parent: null }));
  const papers = [];
  for (let id = 0; id < n; id++) for (let k = 0; k < 20; k++) papers.push({ topic: id, x: id + (k % 5) * 0.2, y: Math.floor(k / 5) * 0.2 });
  return { topics, papers };
}

function distance(a: string, b: string): number {
  const p = rgbToOklab(hexToRgb(a));
  const q = rgbToOklab(hexToRgb(b));
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

test('themes that touch on the map are adjacent; themes far apart are not', () => {
  const { topics, papers } = row(4);
  const adjacency = themeAdjacency(topics, papers);
  assert.ok((adjacency.get(0)?.get(1) ?? 0) > 0);
  assert.ok((adjacency.get(1)?.get(2) ?? 0) > 0);
  assert.equal(adjacency.get(0)?.get(3), undefined);
});

test('a subtopic counts for its theme', () => {
  const topics = [{ id: 0, parent: null }, { id: 1, parent: null }, { id: 2, parent: 1 }];
  const adjacency = themeAdjacency(topics, [{ topic: 0, x: 0, y: 0 }, { topic: 2, x: 0.01, y: 0 }, { topic: 0, x: 1, y: 1 }]);
  assert.ok((adjacency.get(0)?.get(1) ?? 0) > 0);
  assert.equal(adjacency.get(0)?.get(2), undefined);
});

test('30 themes: every pair of neighbours gets clearly different colours, and no two themes share one', () => {
  const { topics, papers } = row(30);
  const colors = mapTopicColors({ topics, papers });
  assert.equal(new Set(colors).size, 30);
  for (let id = 0; id + 1 < 30; id++) {
    assert.ok(distance(colors[id]!, colors[id + 1]!) > 0.12, `themes ${id} and ${id + 1}: ${colors[id]} vs ${colors[id + 1]}`);
  }
});

test('the colours come from the palette and the colouring is deterministic', () => {
  const { topics, papers } = row(12);
  const indices = themeColorIndices(topics, themeAdjacency(topics, papers));
  assert.deepEqual(indices, themeColorIndices(topics, themeAdjacency(topics, papers)));
  const colors = mapTopicColors({ topics, papers });
  for (const [theme, index] of indices) assert.equal(colors[theme], topicColor(index, 12));
});

test('with no papers (no adjacency) themes keep the palette order', () => {
  const topics = [{ id: 0, parent: null }, { id: 1, parent: null }, { id: 2, parent: 0 }];
  assert.deepEqual(mapTopicColors({ topics, papers: [] }).slice(0, 2), [topicColor(0, 2), topicColor(1, 2)]);
});
