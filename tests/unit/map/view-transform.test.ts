import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dataToScreen,
  easeInOutCubic,
  fitBounds,
  isHomeTransform,
  screenToData,
  interpolateView,
  transformForView,
  viewForBounds,
  viewForTransform,
} from '../../../src/lib/map/view-transform.ts';

const unit = { minX: 0, minY: 0, maxX: 1, maxY: 1 };

test('fitting a square into a wide viewport centres it horizontally', () => {
  assert.deepEqual(fitBounds(unit, 200, 100, 0), { scale: 100, offsetX: 50, offsetY: 0 });
});

test('padding shrinks the fitted scale', () => {
  assert.equal(fitBounds(unit, 120, 120, 10).scale, 100);
});

test('a single point is fitted as a unit square', () => {
  const fit = fitBounds({ minX: 3, minY: 3, maxX: 3, maxY: 3 }, 100, 100, 0);
  assert.equal(fit.scale, 100);
  assert.equal(3 * fit.scale + fit.offsetX, 50);
});

test('a view round-trips through a transform', () => {
  const fit = fitBounds(unit, 800, 600, 24);
  const view = { zoom: 3.5, centerX: 0.31, centerY: 0.72 };
  const back = viewForTransform(fit, transformForView(fit, view, 800, 600), 800, 600);
  assert.ok(Math.abs(back.zoom - view.zoom) < 1e-12);
  assert.ok(Math.abs(back.centerX - view.centerX) < 1e-12);
  assert.ok(Math.abs(back.centerY - view.centerY) < 1e-12);
});

test('the view centre lands in the middle of the screen', () => {
  const fit = { scale: 100, offsetX: 0, offsetY: 0 };
  assert.deepEqual(transformForView(fit, { zoom: 2, centerX: 0.5, centerY: 0.5 }, 100, 100), { k: 2, x: -50, y: -50 });
});

test('framing a quarter of the data zooms in by two', () => {
  const fit = { scale: 100, offsetX: 0, offsetY: 0 };
  const view = viewForBounds(fit, { minX: 0, minY: 0, maxX: 0.5, maxY: 0.5 }, 100, 100, 0, 1, 8);
  assert.deepEqual(view, { zoom: 2, centerX: 0.25, centerY: 0.25 });
});

test('framing a tiny region respects the maximum zoom', () => {
  const fit = { scale: 100, offsetX: 0, offsetY: 0 };
  assert.equal(viewForBounds(fit, { minX: 0, minY: 0, maxX: 1e-6, maxY: 1e-6 }, 100, 100, 0, 1, 8).zoom, 8);
});

test('interpolating views moves the zoom geometrically', () => {
  const middle = interpolateView({ zoom: 1, centerX: 0, centerY: 0 }, { zoom: 4, centerX: 1, centerY: 1 }, 0.5);
  assert.deepEqual(middle, { zoom: 2, centerX: 0.5, centerY: 0.5 });
});

test('screen and data coordinates convert both ways', () => {
  const fit = { scale: 100, offsetX: 10, offsetY: 0 };
  const transform = { k: 2, x: 5, y: 0 };
  assert.deepEqual(dataToScreen(fit, transform, 0.5, 0.25), [125, 50]);
  assert.deepEqual(screenToData(fit, transform, 125, 50), [0.5, 0.25]);
});

test('the home transform is zoom 1 with no pan, within half a pixel', () => {
  assert.equal(isHomeTransform({ k: 1, x: 0.2, y: -0.3 }), true);
  assert.equal(isHomeTransform({ k: 1, x: 2, y: 0 }), false);
  assert.equal(isHomeTransform({ k: 1.5, x: 0, y: 0 }), false);
});

test('the animation eases in and out and lands exactly', () => {
  assert.equal(easeInOutCubic(0), 0);
  assert.equal(easeInOutCubic(0.25), 0.0625);
  assert.equal(easeInOutCubic(0.5), 0.5);
  assert.equal(easeInOutCubic(1), 1);
});

test('a turned fit draws data a quarter turn clockwise and maps screen points back to the same data', async () => {
  const { dataToScreen, fitBounds, screenToData, transformForView, viewForTransform } = await import('../../../src/lib/map/view-transform.ts');
  const bounds = { minX: 0, minY: 0, maxX: 2, maxY: 1 };
  const fit = fitBounds(bounds, 390, 700, 20, true);
  assert.equal(fit.turned, true);
  const identity = { k: 1, x: 0, y: 0 };
  // Turned, the long x axis runs down the screen: the corners (0,0) and (2,1) are further apart vertically.
  const [ax, ay] = dataToScreen(fit, identity, 0, 0);
  const [bx, by] = dataToScreen(fit, identity, 2, 1);
  assert.ok(Math.abs(by - ay) > Math.abs(bx - ax));
  for (const sx of [ax, bx]) assert.ok(sx >= 20 - 1e-9 && sx <= 370 + 1e-9);
  const [x, y] = screenToData(fit, { k: 3, x: 10, y: -40 }, ...dataToScreen(fit, { k: 3, x: 10, y: -40 }, 1.25, 0.4));
  assert.ok(Math.abs(x - 1.25) < 1e-9 && Math.abs(y - 0.4) < 1e-9);
  const view = { zoom: 2.5, centerX: 1.5, centerY: 0.25 };
  const back = viewForTransform(fit, transformForView(fit, view, 390, 700), 390, 700);
  assert.ok(Math.abs(back.centerX - 1.5) < 1e-9 && Math.abs(back.centerY - 0.25) < 1e-9 && back.zoom === 2.5);
});
