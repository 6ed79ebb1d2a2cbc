import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dequantiseRow, dotErrorBound, dotQuantised, dotQuantisedRows, quantiseRows, quantiseUnitWeights } from '../../../src/lib/vectors/quantise.ts';
import { createRandom } from '../../../src/lib/topics/random.ts';

function randomUnitRows(rowCount: number, dimensions: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const values = new Float32Array(rowCount * dimensions);
  for (let row = 0; row < rowCount; row++) {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) {
      const value = random() * 2 - 1;
      values[row * dimensions + d] = value;
      norm += value * value;
    }
    for (let d = 0; d < dimensions; d++) values[row * dimensions + d]! /= Math.sqrt(norm);
  }
  return values;
}

test('every quantised number is within half a step of the original', () => {
  const dimensions = 100;
  const values = randomUnitRows(200, dimensions, 3);
  const rows = quantiseRows(values, dimensions);
  for (let row = 0; row < 200; row++) {
    const restored = dequantiseRow(rows, row);
    for (let d = 0; d < dimensions; d++) {
      assert.ok(Math.abs(restored[d]! - values[row * dimensions + d]!) <= rows.scales[row]! / 2 + 1e-7, `row ${row} dimension ${d}`);
    }
  }
});

test('a dot product with a quantised row stays within the stated bound, and the bound is below 0.04 at 100 dimensions', () => {
  const dimensions = 100;
  const values = randomUnitRows(300, dimensions, 5);
  const queries = randomUnitRows(20, dimensions, 7);
  const rows = quantiseRows(values, dimensions);
  let largestError = 0;
  for (let q = 0; q < 20; q++) {
    const query = queries.subarray(q * dimensions, (q + 1) * dimensions);
    for (let row = 0; row < 300; row++) {
      let exact = 0;
      for (let d = 0; d < dimensions; d++) exact += query[d]! * values[row * dimensions + d]!;
      const error = Math.abs(dotQuantised(query, rows, row) - exact);
      assert.ok(error <= dotErrorBound(rows, row) + 1e-6);
      assert.ok(dotErrorBound(rows, row) < 0.04);
      largestError = Math.max(largestError, error);
    }
  }
  // Errors cancel: the worst of 6,000 dot products is far under the bound.
  assert.ok(largestError < 0.01, `largest error ${largestError}`);
});

test('the largest number of a row becomes ±127 and a zero row stays zero', () => {
  const rows = quantiseRows(Float32Array.of(0.5, -1, 0.25, 0, 0, 0), 2);
  assert.deepEqual([...rows.codes], [64, -127, 127, 0, 0, 0]);
  assert.equal(rows.scales[2], 0);
  assert.deepEqual([...dequantiseRow(rows, 2)], [0, 0]);
});

test('unit weights become bytes off by at most 1/510', () => {
  const weights = Float32Array.from({ length: 1000 }, (_, index) => index / 999);
  const bytes = quantiseUnitWeights(weights);
  bytes.forEach((byte, index) => assert.ok(Math.abs(byte / 255 - weights[index]!) <= 1 / 510 + 1e-9));
});

test("dotQuantisedRows writes each row's dot product at the offset, equal to dotQuantised row by row", () => {
  const random = createRandom(4);
  const values = Float32Array.from({ length: 7 * 5 }, () => random() * 2 - 1);
  const rows = quantiseRows(values, 5);
  const query = Float32Array.from({ length: 5 }, () => random() - 0.5);
  const out = new Float64Array(10).fill(-9);
  dotQuantisedRows(query, rows, out, 2);
  assert.deepEqual([...out.subarray(0, 2)], [-9, -9]);
  for (let row = 0; row < 7; row++) assert.equal(out[2 + row], dotQuantised(query, rows, row));
  assert.equal(out[9], -9);
});
