import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latentSemanticSpace, multiplySparseDense, multiplySparseTransposedDense, randomizedSvd, symmetricEigen } from '../../../src/lib/topics/svd.ts';
import { createRandom } from '../../../src/lib/topics/random.ts';
import type { SparseMatrix } from '../../../src/lib/topics/tfidf.ts';

/** CSR form of a small dense matrix. */
function sparseOf(rows: number[][]): SparseMatrix {
  const rowStart = [0];
  const colIndex: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.forEach((value, column) => {
      if (value !== 0) {
        colIndex.push(column);
        values.push(value);
      }
    });
    rowStart.push(colIndex.length);
  }
  return { rowCount: rows.length, columnCount: rows[0]!.length, rowStart: Int32Array.from(rowStart), colIndex: Int32Array.from(colIndex), values: Float32Array.from(values) };
}

test('sparse kernels multiply by a dense block and by the transpose', () => {
  const matrix = sparseOf([[1, 0, 2], [0, 3, 0]]);
  assert.deepEqual([...multiplySparseDense(matrix, Float64Array.of(1, 1, 2, 0, 0, 3), 2)], [1, 7, 6, 0]);
  assert.deepEqual([...multiplySparseTransposedDense(matrix, Float64Array.of(1, 2, 3, 4), 2)], [1, 2, 9, 12, 2, 4]);
});

test('symmetricEigen finds the eigenvalues of a 2 × 2 matrix', () => {
  const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
  assert.ok(Math.abs(values[0]! - 3) < 1e-12 && Math.abs(values[1]! - 1) < 1e-12);
  assert.ok(Math.abs(Math.abs(vectors[0]!) - Math.SQRT1_2) < 1e-12);
});

test('randomizedSvd recovers the known SVD of [[3, 0], [4, 5]]', () => {
  const result = randomizedSvd(sparseOf([[3, 0], [4, 5]]), 2, createRandom(1));
  assert.ok(Math.abs(result.singularValues[0]! - Math.sqrt(45)) < 1e-9);
  assert.ok(Math.abs(result.singularValues[1]! - Math.sqrt(5)) < 1e-9);
  // First left singular vector is ±(1, 3)/√10, first right one ±(1, 1)/√2.
  assert.ok(Math.abs(Math.abs(result.left[0]!) - 1 / Math.sqrt(10)) < 1e-9);
  assert.ok(Math.abs(Math.abs(result.left[2]!) - 3 / Math.sqrt(10)) < 1e-9);
  assert.ok(Math.abs(Math.abs(result.right[0]!) - Math.SQRT1_2) < 1e-9);
});

test('randomizedSvd truncates a diagonal matrix to its largest values', () => {
  const result = randomizedSvd(sparseOf([[5, 0, 0, 0], [0, 1, 0, 0], [0, 0, 3, 0], [0, 0, 0, 2]]), 2, createRandom(4));
  assert.deepEqual([...result.singularValues].map((value) => Number(value.toFixed(9))), [5, 3]);
});

test('latentSemanticSpace gives unit-length paper vectors equal to their TF-IDF rows times the term basis', () => {
  const matrix = sparseOf([
    [1, 2, 0, 0],
    [2, 1, 0, 1],
    [0, 0, 3, 1],
    [0, 1, 2, 2],
  ]);
  const { vectors, dimensions, termBasis } = latentSemanticSpace(matrix, 2, createRandom(3));
  assert.equal(dimensions, 2);
  for (let row = 0; row < 4; row++) {
    const projected = [0, 0];
    for (let index = matrix.rowStart[row]!; index < matrix.rowStart[row + 1]!; index++) {
      for (let k = 0; k < 2; k++) projected[k]! += matrix.values[index]! * termBasis[matrix.colIndex[index]! * 2 + k]!;
    }
    const length = Math.hypot(projected[0]!, projected[1]!);
    assert.ok(Math.abs(Math.hypot(vectors[row * 2]!, vectors[row * 2 + 1]!) - 1) < 1e-5);
    for (let k = 0; k < 2; k++) assert.ok(Math.abs(vectors[row * 2 + k]! - projected[k]! / length) < 1e-4, `row ${row}`);
  }
});

test('latentSemanticSpace of a single paper keeps one zero dimension', () => {
  const { vectors, dimensions } = latentSemanticSpace(sparseOf([[1, 1]]), 100, createRandom(1));
  assert.equal(dimensions, 1);
  assert.deepEqual([...vectors], [0]);
});
