import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitFreeArea, fitMap, mapGrids, pointGrid, pointsInBox } from '../../../src/lib/map/free-area-fit.ts';
import { dataToWorld, worldToData } from '../../../src/lib/map/view-transform.ts';

test('a point grid counts the points in a box, never fewer than there are', () => {
  const grid = pointGrid([0, 0.5, 1, 1], [0, 0.5, 1, 1]);
  assert.equal(pointsInBox(grid, { minX: -1, minY: -1, maxX: 2, maxY: 2 }), 4);
  assert.equal(pointsInBox(grid, { minX: 0.9, minY: 0.9, maxX: 2, maxY: 2 }), 2);
  assert.equal(pointsInBox(grid, { minX: 0.2, minY: 0.2, maxX: 0.3, maxY: 0.3 }), 0);
  assert.equal(pointsInBox(grid, { minX: 3, minY: 3, maxX: 4, maxY: 4 }), 0);
});

test('without overlays the points fill the whole stage, centred', () => {
  const fit = fitFreeArea(pointGrid([0, 1], [0, 1]), 200, 100, 10, []);
  assert.deepEqual(fit, { scale: 80, offsetX: 60, offsetY: 10 });
});

test('points keep clear of a panel: they slide beside it at full scale when the room allows', () => {
  const fit = fitFreeArea(pointGrid([0, 1], [0, 1]), 200, 100, 0, [{ left: 150, top: 0, width: 50, height: 100 }]);
  assert.equal(fit.scale, 100);
  const [x] = dataToWorld(fit, 1, 1);
  assert.ok(x < 144, `the right point at ${x} is left of the panel and its margin`);
});

test('an empty corner of the map may go under a short panel: larger than the fit beside the panel', () => {
  // An L of points: the top-right corner of their box is empty, as under a short topics panel at the top right.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 20; i++) {
    xs.push(i / 20, 0);
    ys.push(1, i / 20);
  }
  const panel = { left: 500, top: 0, width: 780, height: 300 };
  const fit = fitFreeArea(pointGrid(xs, ys), 1280, 800, 20, [panel]);
  const beside = Math.min(500 - 40, 760);
  assert.ok(fit.scale > beside, `scale ${fit.scale} beats ${beside}, the fit left of the panel`);
  xs.forEach((x, i) => {
    const [wx, wy] = dataToWorld(fit, x, ys[i]!);
    assert.ok(!(wx > panel.left - 6 && wy < panel.top + panel.height + 6), `point ${i} at ${wx},${wy} is under the panel`);
    assert.ok(wx >= 20 - 1e-9 && wx <= 1260 + 1e-9 && wy >= 20 - 1e-9 && wy <= 780 + 1e-9);
  });
});

test('an overlay over nearly all of the stage gives the whole-stage fit rather than a speck', () => {
  const fit = fitFreeArea(pointGrid([0, 1], [0, 1]), 100, 100, 0, [{ left: 0, top: 0, width: 100, height: 100 }]);
  assert.equal(fit.scale, 100);
});

test('a wide map on a tall phone is turned a quarter, a square one is not', () => {
  assert.equal(fitMap(mapGrids([0, 2], [0, 1]), 390, 700, 20, []).turned, true);
  assert.equal(fitMap(mapGrids([0, 1], [0, 1]), 390, 700, 20, []).turned, undefined);
  assert.equal(fitMap(mapGrids([0, 2], [0, 1]), 1280, 800, 20, []).turned, undefined);
});

test('a map whose empty corner is opposite a short side panel is mirrored to put that corner under it', () => {
  // Points along the top and the right edge: the empty corner is at the bottom left, the panel at the top right.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 20; i++) {
    xs.push(i / 20, 1);
    ys.push(0, i / 20);
  }
  const fit = fitMap(mapGrids(xs, ys), 1280, 800, 20, [{ left: 500, top: 0, width: 780, height: 300 }]);
  assert.equal(fit.flipX, true);
  assert.equal(fit.flipY, true);
  assert.equal(fit.scale, 760);
});

test('a mirrored fit maps screen points back to the same data', () => {
  const fit = { scale: 100, offsetX: 300, offsetY: 200, flipX: true, flipY: true };
  const [wx, wy] = dataToWorld(fit, 1, 0.5);
  assert.deepEqual([wx, wy], [200, 150]);
  assert.deepEqual(worldToData(fit, wx, wy), [1, 0.5]);
});
