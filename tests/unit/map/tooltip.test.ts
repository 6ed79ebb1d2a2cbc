import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tooltipHint, tooltipPosition } from '../../../src/lib/map/tooltip.ts';

test('the hint says how this visitor opens the paper', () => {
  assert.equal(tooltipHint({ isInteractive: false, isTouch: true, isKeyboardSelection: false }), 'Open the full map');
  assert.equal(tooltipHint({ isInteractive: true, isTouch: true, isKeyboardSelection: true }), 'Tap again to open');
  assert.equal(tooltipHint({ isInteractive: true, isTouch: false, isKeyboardSelection: true }), 'Enter to open');
  assert.equal(tooltipHint({ isInteractive: true, isTouch: false, isKeyboardSelection: false }), 'Click to open');
});

test('the tooltip sits centred above the dot when there is room', () => {
  assert.deepEqual(tooltipPosition(100, 100, 120, 40, 800, 600), { left: 40, top: 46 });
});

test('near the top it drops below the dot', () => {
  assert.deepEqual(tooltipPosition(100, 20, 120, 40, 800, 600), { left: 40, top: 34 });
});

test('it stays 8 px inside the stage at the edges', () => {
  assert.equal(tooltipPosition(2, 300, 120, 40, 800, 600).left, 8);
  assert.equal(tooltipPosition(798, 300, 120, 40, 800, 600).left, 800 - 120 - 8);
  assert.equal(tooltipPosition(400, 30, 120, 590, 800, 600).top, 8);
});
