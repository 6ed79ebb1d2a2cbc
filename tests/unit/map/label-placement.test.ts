import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overlaps, placeLabels, splitLabel, type LabelCandidate } from '../../../src/lib/map/label-placement.ts';

const viewport = { width: 400, height: 300 };

function label(id: number, x: number, y: number, priority: number, width = 60, height = 14): LabelCandidate {
  return { id, x, y, width, height, priority };
}

test('a lone label is centred on its anchor', () => {
  assert.deepEqual(placeLabels([label(0, 100, 100, 1)], viewport), [{ id: 0, left: 70, top: 93, width: 60, height: 14 }]);
});

test('placed labels never overlap each other', () => {
  const candidates: LabelCandidate[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let id = 0; id < 200; id++) candidates.push(label(id, random() * 400, random() * 300, random(), 30 + random() * 60));
  const placed = placeLabels(candidates, viewport);
  assert.ok(placed.length > 10);
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      assert.ok(!overlaps(placed[i]!, placed[j]!, 0), `labels ${placed[i]!.id} and ${placed[j]!.id} overlap`);
    }
  }
});

test('the more important label wins a contested spot', () => {
  const placed = placeLabels([label(0, 100, 100, 1), label(1, 100, 100, 5)], viewport, { shifts: [[0, 0]] });
  assert.deepEqual(placed.map((p) => p.id), [1]);
});

test('equal priorities are broken by id', () => {
  const placed = placeLabels([label(3, 100, 100, 1), label(2, 100, 100, 1)], viewport, { shifts: [[0, 0]] });
  assert.deepEqual(placed.map((p) => p.id), [2]);
});

test('a crowded label moves to its next position when that one is free', () => {
  const placed = placeLabels([label(0, 100, 100, 2), label(1, 100, 100, 1)], viewport, { gapPx: 0, shifts: [[0, 0], [0, -1]] });
  assert.deepEqual(placed[1], { id: 1, left: 70, top: 79, width: 60, height: 14 });
});

test('a label whose anchor is off screen is left out', () => {
  assert.deepEqual(placeLabels([label(0, -5, 100, 1)], viewport), []);
});

test('a label near the edge slides inside the viewport', () => {
  assert.deepEqual(placeLabels([label(0, 5, 100, 1)], viewport), [{ id: 0, left: 2, top: 93, width: 60, height: 14 }]);
});

test('a label wider than the viewport is left out', () => {
  assert.deepEqual(placeLabels([label(0, 200, 100, 1, 500)], viewport), []);
});

test('labels keep clear of obstacles', () => {
  const obstacles = [{ left: 60, top: 80, width: 100, height: 60 }];
  assert.deepEqual(placeLabels([label(0, 100, 100, 1)], viewport, { obstacles }), []);
});

test('a long label splits into two balanced lines at its separators', () => {
  assert.deepEqual(splitLabel('graph neural networks · message passing · over-smoothing', 24), [
    'graph neural networks ·',
    'message passing · over-smoothing',
  ]);
});

test('a short label or one without separators stays on one line', () => {
  assert.deepEqual(splitLabel('vision · images', 24), ['vision · images']);
  assert.deepEqual(splitLabel('a very long label without any separator at all', 10), ['a very long label without any separator at all']);
});
