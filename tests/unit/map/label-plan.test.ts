import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLabelDimmed, labelBox, labelFont, labelFontScale, leaderOffsets, planLabels, shortLabel } from '../../../src/lib/map/label-plan.ts';
import type { AtlasTopic } from '../../../src/lib/topics/atlas-schema.ts';

function topic(id: number, size: number, parent: number | null): AtlasTopic {
  return { id, slug: `t${id}`, label: `topic ${id}`, keywords: [], size, centroid: [0.5, 0.5], parent, level: parent === null ? 0 : 1 };
}

const twoLevels = [topic(0, 30, null), topic(1, 20, null), topic(2, 18, 0), topic(3, 12, 0), topic(4, 20, 1)];

test('zoomed out, a two-level map labels only its broad themes', () => {
  const plans = planLabels(twoLevels, 2, 1, null);
  assert.deepEqual(
    plans.map((plan) => [plan.topicId, plan.isTheme]),
    [
      [0, true],
      [1, true],
    ],
  );
});

test('in between, themes and subtopics are both candidates, themes first by priority', () => {
  const plans = planLabels(twoLevels, 2, 2, null);
  assert.equal(plans.length, 5);
  const themePriority = Math.min(...plans.filter((plan) => plan.isTheme).map((plan) => plan.priority));
  const subtopicPriority = Math.max(...plans.filter((plan) => !plan.isTheme).map((plan) => plan.priority));
  assert.ok(themePriority > subtopicPriority);
});

test('zoomed in, subtopics replace the themes except the focused one', () => {
  assert.deepEqual(
    planLabels(twoLevels, 2, 4, null).map((plan) => plan.topicId),
    [2, 3, 4],
  );
  const focused = planLabels(twoLevels, 2, 4, 0);
  assert.deepEqual(
    focused.map((plan) => plan.topicId),
    [0, 2, 3, 4],
  );
  const top = [...focused].sort((a, b) => b.priority - a.priority).slice(0, 3).map((plan) => plan.topicId);
  assert.deepEqual(top.sort(), [0, 2, 3], 'the focused theme and its subtopics outrank the rest');
});

test('a one-level map labels every topic as a theme at any zoom', () => {
  const flat = [topic(0, 5, null), topic(1, 9, null)];
  for (const zoom of [1, 5]) {
    assert.deepEqual(
      planLabels(flat, 1, zoom, null).map((plan) => [plan.topicId, plan.isTheme, plan.priority]),
      [
        [0, true, 1e6 + 5],
        [1, true, 1e6 + 9],
      ],
    );
  }
});

test('with a focus, only labels outside the topic and its subtopics are dimmed', () => {
  assert.equal(isLabelDimmed({ id: 0, parent: null }, null), false);
  assert.equal(isLabelDimmed({ id: 0, parent: null }, 0), false);
  assert.equal(isLabelDimmed({ id: 2, parent: 0 }, 0), false);
  assert.equal(isLabelDimmed({ id: 4, parent: 1 }, 0), true);
});

test('labels shrink on narrow maps, in steps of 0.05', () => {
  assert.equal(labelFontScale(1280), 1);
  assert.equal(labelFontScale(720), 0.8);
  assert.equal(labelFontScale(390), 0.7);
});

test('the largest theme gets the largest bold label, subtopics smaller semibold ones', () => {
  assert.deepEqual(labelFont(100, 100, true, 1), { fontSizePx: 18, fontWeight: 700 });
  assert.deepEqual(labelFont(0, 100, true, 1), { fontSizePx: 12.5, fontWeight: 700 });
  assert.deepEqual(labelFont(100, 100, false, 1), { fontSizePx: 13.5, fontWeight: 600 });
  assert.equal(labelFont(100, 100, true, 0.7).fontSizePx, 12.5);
});

test('a label box fits its widest line and every line', () => {
  assert.deepEqual(labelBox(80.3, 2, 14), { width: 85, height: 35 });
  assert.deepEqual(labelBox(40, 1, 12), { width: 44, height: 16 });
});

test("a topic label's short form is its first key phrase", () => {
  assert.equal(shortLabel('continual learning · catastrophic forgetting'), 'continual learning');
  assert.equal(shortLabel('robotics'), 'robotics');
});

test('leader-line positions ring the anchor, nearest first', () => {
  const offsets = leaderOffsets();
  assert.equal(offsets.length, 32);
  const distances = offsets.map(([dx, dy]) => Math.round(Math.hypot(dx, dy)));
  assert.deepEqual([distances[0], distances[8], distances[16], distances[31]], [48, 80, 120, 170]);
});

test('zoomed in, a theme without subtopics keeps its name: nothing else would say what its papers are', () => {
  const withLoneTheme = [...twoLevels, topic(5, 25, null)];
  assert.deepEqual(
    planLabels(withLoneTheme, 2, 4, null).map((plan) => [plan.topicId, plan.isTheme]),
    [
      [2, false],
      [3, false],
      [4, false],
      [5, true],
    ],
  );
});
