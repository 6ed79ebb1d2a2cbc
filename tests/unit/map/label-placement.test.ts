import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestPointOfBox, overlaps, placeLabels, segmentCrossesBox, splitLabel, type LabelCandidate } from '../../../src/lib/map/label-placement.ts';

const viewport = { width: 400, height: 300 };

function label(id: number, x: number, y: number, priority: number, width = 60, height = 14): LabelCandidate {
  return { id, x, y, width, height, priority };
}

test('a lone label is centred on its anchor', () => {
  assert.deepEqual(placeLabels([label(0, 100, 100, 1)], viewport), [{ id: 0, left: 70, top: 93, width: 60, height: 14, form: 0 }]);
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
  assert.deepEqual(placed[1], { id: 1, left: 70, top: 79, width: 60, height: 14, form: 0 });
});

test('a label whose anchor is off screen is left out', () => {
  assert.deepEqual(placeLabels([label(0, -5, 100, 1)], viewport), []);
});

test('a label near the edge slides inside the viewport', () => {
  assert.deepEqual(placeLabels([label(0, 5, 100, 1)], viewport), [{ id: 0, left: 2, top: 93, width: 60, height: 14, form: 0 }]);
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

test('a label that fits nowhere in its own form takes its first fallback form that fits, after the others had theirs', () => {
  const big = { ...label(0, 100, 100, 2), width: 180 };
  const crowded = {
    ...label(1, 100, 100, 1),
    width: 180,
    fallbacks: [
      { width: 40, height: 10, shifts: [[0, 0]] as const },
      { width: 40, height: 10, shifts: [[0, 3]] as const },
    ],
  };
  const placed = placeLabels([crowded, big], viewport);
  assert.deepEqual(placed.map((p) => [p.id, p.form]), [[0, 0], [1, 2]]);
  assert.equal(placed[1]!.top, 100 - 5 + 30);
});

test('a leader line never crosses another label: the label goes where its line is clear', () => {
  assert.equal(segmentCrossesBox(0, 5, 20, 5, { left: 8, top: 0, width: 4, height: 10 }), true);
  assert.equal(segmentCrossesBox(0, 20, 20, 20, { left: 8, top: 0, width: 4, height: 10 }), false);
  assert.deepEqual(nearestPointOfBox({ left: 10, top: 10, width: 20, height: 10 }, 0, 15), [10, 15]);
  const blocker = label(0, 200, 70, 2, 40, 10);
  const led = {
    ...label(1, 200, 100, 1, 500, 14),
    fallbacks: [{ width: 30, height: 10, leader: true, shifts: [[0, -8], [0, 4]] as const }],
  };
  // Straight up, the label is clear of the blocker (65–75) but its line would pass through it; it goes down instead.
  const placed = placeLabels([blocker, led], viewport).find((p) => p.id === 1)!;
  assert.equal(placed.form, 1);
  assert.ok(placed.top > 100);
});
