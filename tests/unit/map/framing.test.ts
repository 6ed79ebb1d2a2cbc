import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampZoom, framePaddingPx, maxZoomForCount, MIN_ZOOM, revealView, sidePanelInset, topicView } from '../../../src/lib/map/framing.ts';
import { dataToScreen, fitBounds, transformForView } from '../../../src/lib/map/view-transform.ts';

const fit = { scale: 100, offsetX: 0, offsetY: 0 };

test('small maps can zoom 16×, large maps deeper, never past 200×', () => {
  assert.equal(maxZoomForCount(119), 16);
  assert.equal(maxZoomForCount(10_000), 50);
  assert.equal(maxZoomForCount(1_000_000), 200);
});

test('zoom is clamped between the minimum and the map maximum', () => {
  assert.equal(clampZoom(0.1, 16), MIN_ZOOM);
  assert.equal(clampZoom(40, 16), 16);
  assert.equal(clampZoom(3, 16), 3);
});

test('padding is 28 px on small stages and 4% of the short side on large ones', () => {
  assert.equal(framePaddingPx(390, 600), 28);
  assert.equal(framePaddingPx(1280, 800), 32);
});

test('an open legend in the right half of a wide stage insets the map by its width from the right edge', () => {
  assert.equal(sidePanelInset({ left: 0, right: 1280, width: 1280 }, { left: 980, right: 1268, width: 288 }), 300);
});

test('a legend on a narrow stage or in the left half is a sheet over the map, not an inset', () => {
  assert.equal(sidePanelInset({ left: 0, right: 390, width: 390 }, { left: 300, right: 380, width: 80 }), 0);
  assert.equal(sidePanelInset({ left: 0, right: 1280, width: 1280 }, { left: 12, right: 300, width: 288 }), 0);
});

test('a topic is framed in the free area left of the legend', () => {
  const bounds = { minX: 0.2, minY: 0.2, maxX: 0.4, maxY: 0.4 };
  const width = 1000;
  const height = 600;
  const view = topicView(fit, bounds, width, height, 300, 16);
  const [sx] = dataToScreen(fit, transformForView(fit, view, width, height), 0.3, 0.3);
  assert.ok(Math.abs(sx - (width - 300) / 2) < 1e-9, `topic centre at ${sx}, expected the middle of the free area`);
  assert.ok(view.zoom > 1 && view.zoom <= 12);
});

test('a topic is never zoomed past 12× even on a map allowed deeper', () => {
  const view = topicView(fit, { minX: 0.5, minY: 0.5, maxX: 0.5001, maxY: 0.5001 }, 800, 600, 0, 50);
  assert.equal(view.zoom, 12);
});

test('a selected paper well inside the free area needs no pan', () => {
  assert.equal(revealView(fit, 2, [100, 50], [0.3, 0.4], 200, 100, 0), null);
});

test('a selected paper near an edge is brought to the centre at the same zoom', () => {
  assert.deepEqual(revealView(fit, 2, [5, 50], [0.3, 0.4], 200, 100, 0), { zoom: 2, centerX: 0.3, centerY: 0.4 });
  const stage = fitBounds({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, 1000, 600, 0);
  const under = revealView(stage, 1, [900, 300], [0.9, 0.5], 1000, 600, 300);
  assert.ok(under, 'a paper under the legend is revealed');
  const [sx] = dataToScreen(stage, transformForView(stage, under, 1000, 600), 0.9, 0.5);
  assert.ok(Math.abs(sx - 350) < 1e-9, `revealed at ${sx}, expected the middle of the free 700 px`);
});
