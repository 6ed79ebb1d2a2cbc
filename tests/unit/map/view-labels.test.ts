import { test } from 'node:test';
import assert from 'node:assert/strict';
import { papersInViewByTopic, titleCandidates, shortTitle, titleLimit, topicAnchorsInView } from '../../../src/lib/map/view-labels.ts';

const view = { minX: 0, minY: 0, maxX: 1, maxY: 1 };

test('a topic seen only in part is anchored on its in-view paper nearest their mean', () => {
  // Topic 1 (a subtopic of theme 0) has three papers in view and one far away; its centroid would be off screen.
  const xs = [0.1, 0.2, 0.9, 50];
  const ys = [0.1, 0.2, 0.9, 50];
  const anchors = topicAnchorsInView(xs, ys, [1, 1, 1, 1], [null, 0], view, 3);
  assert.deepEqual(anchors.get(1), { x: 0.2, y: 0.2, count: 3 });
  assert.deepEqual(anchors.get(0), { x: 0.2, y: 0.2, count: 3 }, 'the theme counts its subtopic');
});

test('a topic with fewer papers in view than the minimum gets no anchor', () => {
  const anchors = topicAnchorsInView([0.5, 0.6, 5], [0.5, 0.6, 5], [0, 0, 0], [null], view, 3);
  assert.equal(anchors.size, 0);
});

test('every paper in view may show its title when few enough are in view', () => {
  const xs = [0.1, 0.5, 2, 0.7];
  const ys = [0.1, 0.5, 2, 0.7];
  assert.deepEqual(titleCandidates(xs, ys, null, view, 3, 0.5, 0.5).map((c) => c.index), [0, 1, 3]);
  assert.deepEqual(titleCandidates(xs, ys, [0, 1, 1, 0], view, 2, 0.5, 0.5), [{ index: 1, weight: 1 }], 'only highlighted papers when some are dimmed');
});

test('with too many papers in view, each crowded cell is named by its most central paper', () => {
  // Cell [0, 0.5) holds papers 0–3 (paper 1 sits at their mean); cell [0.5, 1) holds papers 4–5 only, too few.
  const xs = [0.1, 0.2, 0.3, 0.2, 0.7, 0.8];
  const ys = [0.2, 0.2, 0.2, 0.3, 0.7, 0.8];
  assert.deepEqual(titleCandidates(xs, ys, null, view, 3, 0.5, 0.5), [{ index: 1, weight: 4 }]);
});

test('the number of titles grows with the map area and is capped', () => {
  assert.equal(titleLimit(1280, 800), 93);
  assert.equal(titleLimit(390, 600), 21);
  assert.equal(titleLimit(4000, 3000), 120);
});

test('long titles are cut at a word with an ellipsis; short ones are kept whole', () => {
  assert.equal(shortTitle('Attention Is All You Need for Graph Transformers', 24), 'Attention Is All You…');
  assert.equal(shortTitle('Graph  Nets\n', 24), 'Graph Nets');
  assert.ok(shortTitle('x'.repeat(60), 24).length <= 24);
});

test('papers in view are counted per topic, a theme through its subtopics', () => {
  const counts = papersInViewByTopic([0.5, 0.6, 3], [0.5, 0.6, 3], [1, 2, 1], [null, 0, 0], null, view);
  assert.deepEqual([...counts].sort((a, b) => a[0] - b[0]), [
    [0, 2],
    [1, 1],
    [2, 1],
  ]);
});
