/**
 * Dense rows reduced to their principal directions before the neighbour search: the vectors the sources bring
 * (256 numbers after ingest's random projection) cost the k-nearest-neighbour search, clustering and layout in
 * proportion to their length, and 100 directions hold nearly all of what separates papers. The directions are the
 * top eigenvectors of the uncentred Gram matrix XᵀX (a truncated SVD of X, as LSA is of the TF-IDF matrix), so
 * dot products, which the neighbour search ranks by, are what the reduction keeps best (Eckart–Young); centring
 * would change them. The Gram matrix is exact (no sampling) and its eigenvectors come from cyclic Jacobi
 * (svd.ts), so the same rows always give the same reduced rows: no seed is needed.
 */
import { normalizeRows } from './cluster.ts';
import { symmetricEigen } from './svd.ts';

export interface ReducedRows {
  /** Unit-length reduced rows, row-major (rowCount × dimensions). */
  vectors: Float32Array;
  dimensions: number;
  /** Share of the rows' squared length (their "energy") the kept directions hold, in [0, 1]. */
  varianceKept: number;
}

/** Rows summed into the Gram matrix at a time, so each row is read once while its products stay in cache. */
const GRAM_BLOCK = 64;

/**
 * Unit rows projected onto their `dimensions` strongest directions (the top right singular vectors of the row
 * matrix) and scaled to unit length again; rows already no longer than `dimensions` are returned as they are.
 * Directions are signed so that their largest component is positive, so the result does not depend on the
 * eigen-solver's sign choice.
 * @param vectors row-major rows (unit length, as embeddings are stored)
 * @param width numbers per row
 * @param dimensions directions kept
 * @example reduceDimensions(Float32Array.of(1, 0, 0, 0.8, 0.6, 0), 3, 2).varianceKept // => 1 (two rows span two directions)
 */
export function reduceDimensions(vectors: Float32Array, width: number, dimensions: number): ReducedRows {
  const rowCount = width > 0 ? vectors.length / width : 0;
  if (width <= dimensions || rowCount === 0) return { vectors, dimensions: width, varianceKept: 1 };
  const gram = new Float64Array(width * width);
  for (let start = 0; start < rowCount; start += GRAM_BLOCK) {
    const end = Math.min(rowCount, start + GRAM_BLOCK);
    for (let a = 0; a < width; a++) {
      const out = a * width;
      for (let row = start; row < end; row++) {
        const base = row * width;
        const value = vectors[base + a]!;
        if (value === 0) continue;
        for (let b = a; b < width; b++) gram[out + b]! += value * vectors[base + b]!;
      }
    }
  }
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) gram[a * width + b] = gram[b * width + a]!;
  const { values, vectors: directions } = symmetricEigen(gram, width);
  let total = 0;
  let kept = 0;
  for (let index = 0; index < width; index++) {
    const value = Math.max(0, values[index]!);
    total += value;
    if (index < dimensions) kept += value;
  }
  // Column k of `directions` is direction k; copied as rows (dimensions × width) with a fixed sign.
  const basis = new Float64Array(dimensions * width);
  for (let k = 0; k < dimensions; k++) {
    let largest = 0;
    for (let d = 0; d < width; d++) {
      const component = directions[d * width + k]!;
      if (Math.abs(component) > Math.abs(largest)) largest = component;
    }
    const sign = largest < 0 ? -1 : 1;
    for (let d = 0; d < width; d++) basis[k * width + d] = sign * directions[d * width + k]!;
  }
  const reduced = new Float32Array(rowCount * dimensions);
  for (let row = 0; row < rowCount; row++) {
    const base = row * width;
    for (let k = 0; k < dimensions; k++) {
      const direction = k * width;
      let dot = 0;
      for (let d = 0; d < width; d++) dot += vectors[base + d]! * basis[direction + d]!;
      reduced[row * dimensions + k] = dot;
    }
  }
  normalizeRows(reduced, dimensions);
  return { vectors: reduced, dimensions, varianceKept: total > 0 ? kept / total : 1 };
}
