/**
 * Truncated SVD of a sparse matrix by the randomized range finder of Halko, Martinsson & Tropp (2011,
 * "Finding structure with randomness", Algorithms 4.4 and 5.1), the LSA step of the topic pipeline.
 * Dense blocks are row-major Float64Array; the small (width × width) eigenproblems use cyclic Jacobi rotations.
 */
import { randomNormal, type RandomSource } from './random.ts';
import type { SparseMatrix } from './tfidf.ts';
import { normalizeRows } from './cluster.ts';

export interface SvdResult {
  /** Number of singular triplets returned. */
  rank: number;
  /** Singular values, largest first. */
  singularValues: Float64Array;
  /** Left singular vectors, rowCount × rank, row-major. */
  left: Float64Array;
  /** Right singular vectors, columnCount × rank, row-major. */
  right: Float64Array;
}

export interface SvdOptions {
  /** Extra random directions beyond the rank (better accuracy for the last triplets). Default 10. */
  oversample?: number;
  /** Power iterations (sharpen a slowly decaying spectrum, as text has). Default 2. */
  powerIterations?: number;
}

/**
 * Sparse × dense: A (n × m) times X (m × width) → n × width.
 * @example multiplySparseDense(diagonalOneTwo, Float64Array.of(1, 2, 3, 4), 2) // => Float64Array [1, 2, 6, 8] (diagonalOneTwo: CSR of [[1, 0], [0, 2]])
 */
export function multiplySparseDense(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const result = new Float64Array(matrix.rowCount * width);
  const { rowStart, colIndex, values } = matrix;
  // Four output columns summed in registers over the row's entries, in entry order: the same sums as adding each
  // entry's term into the output row, without loading and storing that row once per entry.
  for (let row = 0; row < matrix.rowCount; row++) {
    const out = row * width;
    const first = rowStart[row]!;
    const end = rowStart[row + 1]!;
    let column = 0;
    for (; column + 3 < width; column += 4) {
      let sum0 = 0;
      let sum1 = 0;
      let sum2 = 0;
      let sum3 = 0;
      for (let entry = first; entry < end; entry++) {
        const weight = values[entry]!;
        const source = colIndex[entry]! * width + column;
        sum0 += weight * dense[source]!;
        sum1 += weight * dense[source + 1]!;
        sum2 += weight * dense[source + 2]!;
        sum3 += weight * dense[source + 3]!;
      }
      result[out + column] = sum0;
      result[out + column + 1] = sum1;
      result[out + column + 2] = sum2;
      result[out + column + 3] = sum3;
    }
    for (; column < width; column++) {
      let sum = 0;
      for (let entry = first; entry < end; entry++) sum += values[entry]! * dense[colIndex[entry]! * width + column]!;
      result[out + column] = sum;
    }
  }
  return result;
}

/**
 * Sparse-transpose × dense: Aᵀ (m × n) times Y (n × width) → m × width, without forming Aᵀ.
 * @example multiplySparseTransposedDense(diagonalOneTwo, Float64Array.of(1, 2, 3, 4), 2) // => Float64Array [1, 2, 6, 8] (diagonalOneTwo: CSR of [[1, 0], [0, 2]])
 */
export function multiplySparseTransposedDense(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const result = new Float64Array(matrix.columnCount * width);
  const { rowStart, colIndex, values } = matrix;
  for (let row = 0; row < matrix.rowCount; row++) {
    const source = row * width;
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) {
      const weight = values[entry]!;
      const out = colIndex[entry]! * width;
      for (let column = 0; column < width; column++) result[out + column]! += weight * dense[source + column]!;
    }
  }
  return result;
}

/**
 * Gram matrix XᵀX (width × width) of a row-major block. Rows are taken two at a time where both values of a column
 * are non-zero, each output entry still receiving the first row's term and then the second's (the same bits as one
 * row at a time, with half the loads and stores of the output).
 */
function gram(block: Float64Array, rowCount: number, width: number): Float64Array {
  const result = new Float64Array(width * width);
  let row = 0;
  for (; row + 1 < rowCount; row += 2) {
    const base = row * width;
    const nextBase = base + width;
    for (let a = 0; a < width; a++) {
      const value = block[base + a]!;
      const nextValue = block[nextBase + a]!;
      const out = a * width;
      if (value !== 0 && nextValue !== 0) {
        for (let b = a; b < width; b++) result[out + b] = result[out + b]! + value * block[base + b]! + nextValue * block[nextBase + b]!;
      } else {
        if (value !== 0) for (let b = a; b < width; b++) result[out + b]! += value * block[base + b]!;
        if (nextValue !== 0) for (let b = a; b < width; b++) result[out + b]! += nextValue * block[nextBase + b]!;
      }
    }
  }
  for (; row < rowCount; row++) {
    const base = row * width;
    for (let a = 0; a < width; a++) {
      const value = block[base + a]!;
      if (value === 0) continue;
      const out = a * width;
      for (let b = a; b < width; b++) result[out + b]! += value * block[base + b]!;
    }
  }
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) result[a * width + b] = result[b * width + a]!;
  return result;
}

/**
 * X (rows × width) times M (width × outWidth), both row-major. Four output columns at a time are summed in
 * registers over k (the same terms in the same order as adding each `X[row][k] · M[k][column]` into the output, so
 * the same bits), instead of loading and storing the output row once per k: most of the SVD's dense work.
 */
function multiplyDense(block: Float64Array, rowCount: number, width: number, small: Float64Array, outWidth: number): Float64Array {
  const result = new Float64Array(rowCount * outWidth);
  for (let row = 0; row < rowCount; row++) {
    const base = row * width;
    const out = row * outWidth;
    let column = 0;
    for (; column + 3 < outWidth; column += 4) {
      let sum0 = 0;
      let sum1 = 0;
      let sum2 = 0;
      let sum3 = 0;
      for (let k = 0; k < width; k++) {
        const value = block[base + k]!;
        if (value === 0) continue;
        const smallAt = k * outWidth + column;
        sum0 += value * small[smallAt]!;
        sum1 += value * small[smallAt + 1]!;
        sum2 += value * small[smallAt + 2]!;
        sum3 += value * small[smallAt + 3]!;
      }
      result[out + column] = sum0;
      result[out + column + 1] = sum1;
      result[out + column + 2] = sum2;
      result[out + column + 3] = sum3;
    }
    for (; column < outWidth; column++) {
      let sum = 0;
      for (let k = 0; k < width; k++) {
        const value = block[base + k]!;
        if (value !== 0) sum += value * small[k * outWidth + column]!;
      }
      result[out + column] = sum;
    }
  }
  return result;
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
 * @returns eigenvalues largest first and the matching eigenvectors as the columns of a row-major size × size matrix
 * @example symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values // => Float64Array [3, 1]
 */
export function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let index = 0; index < size; index++) v[index * size + index] = 1;
  let scale = 0;
  for (let index = 0; index < a.length; index++) scale += a[index]! * a[index]!;
  for (let sweep = 0; sweep < 60; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p * size + q]! ** 2;
    if (offDiagonal <= 1e-30 * scale || offDiagonal === 0) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * size + q]! - a[p * size + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p]!;
          const akq = a[k * size + q]!;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k]!;
          const aqk = a[q * size + k]!;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p]!;
          const vkq = v[k * size + q]!;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, index) => index).sort(
    (x, y) => a[y * size + y]! - a[x * size + x]! || x - y,
  );
  const values = Float64Array.from(order, (index) => a[index * size + index]!);
  const vectors = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) vectors[row * size + column] = v[row * size + order[column]!]!;
  }
  return { values, vectors };
}

/**
 * Orthonormal basis of a block's column space (eigen-decomposition of its Gram matrix; directions with negligible
 * energy become zero columns, so a rank-deficient block is handled).
 */
function orthonormalize(block: Float64Array, rowCount: number, width: number): Float64Array {
  const { values, vectors } = symmetricEigen(gram(block, rowCount, width), width);
  const largest = Math.max(values[0] ?? 0, 0);
  const scaled = new Float64Array(width * width);
  for (let column = 0; column < width; column++) {
    const value = values[column]!;
    if (value <= largest * 1e-12 || value <= 0) continue;
    const factor = 1 / Math.sqrt(value);
    for (let row = 0; row < width; row++) scaled[row * width + column] = vectors[row * width + column]! * factor;
  }
  return multiplyDense(block, rowCount, width, scaled, width);
}

/**
 * Truncated SVD A ≈ U Σ Vᵀ of a sparse matrix by randomized range finding.
 * @param matrix the sparse matrix (n × m)
 * @param rank number of triplets wanted; capped at min(n, m)
 * @param random seeded source for the Gaussian test matrix
 * @example randomizedSvd(matrixOf([[3, 0], [4, 5]]), 2, createRandom(1)).singularValues // => Float64Array [6.708…, 2.236…] (√45, √5)
 */
export function randomizedSvd(matrix: SparseMatrix, rank: number, random: RandomSource, options: SvdOptions = {}): SvdResult {
  const limit = Math.min(matrix.rowCount, matrix.columnCount);
  const wanted = Math.max(0, Math.min(rank, limit));
  const width = Math.min(limit, wanted + (options.oversample ?? 10));
  const powerIterations = options.powerIterations ?? 2;
  const { rowCount, columnCount } = matrix;

  const test = new Float64Array(columnCount * width);
  for (let index = 0; index < test.length; index++) test[index] = randomNormal(random);
  let basis = orthonormalize(multiplySparseDense(matrix, test, width), rowCount, width);
  for (let iteration = 0; iteration < powerIterations; iteration++) {
    const back = orthonormalize(multiplySparseTransposedDense(matrix, basis, width), columnCount, width);
    basis = orthonormalize(multiplySparseDense(matrix, back, width), rowCount, width);
  }
  basis = orthonormalize(basis, rowCount, width);

  const projected = multiplySparseTransposedDense(matrix, basis, width);
  const { values, vectors } = symmetricEigen(gram(projected, columnCount, width), width);
  const singularValues = new Float64Array(wanted);
  const leftRotation = new Float64Array(width * wanted);
  const rightRotation = new Float64Array(width * wanted);
  for (let column = 0; column < wanted; column++) {
    const singular = Math.sqrt(Math.max(values[column]!, 0));
    singularValues[column] = singular;
    for (let row = 0; row < width; row++) {
      const component = vectors[row * width + column]!;
      leftRotation[row * wanted + column] = component;
      rightRotation[row * wanted + column] = singular > 0 ? component / singular : 0;
    }
  }
  return {
    rank: wanted,
    singularValues,
    left: multiplyDense(basis, rowCount, width, leftRotation, wanted),
    right: multiplyDense(projected, columnCount, width, rightRotation, wanted),
  };
}

/** The LSA space of a corpus: paper vectors and the basis that maps a TF-IDF row into that space. */
export interface LsaSpace {
  /** Unit-length paper vectors U·S (rowCount × dimensions, row-major). */
  vectors: Float32Array;
  dimensions: number;
  /** The basis V: row t (`dimensions` numbers) maps TF-IDF column t into the space (columnCount × dimensions). */
  termBasis: Float32Array;
}

/**
 * Latent semantic analysis of a TF-IDF matrix: its truncated SVD, the rows as unit-length U·S vectors, and V kept so
 * that a later paper's vector is its TF-IDF row times V (U·S = X·V; see fold-in.ts). At least one dimension, so a
 * tiny corpus still has a (zero) space.
 * @param maxDimensions the most dimensions kept (fewer when the matrix is smaller)
 * @example latentSemanticSpace(matrixOf([[3, 0], [4, 5]]), 100, createRandom(1)).dimensions // => 1 (rank capped at rows − 1)
 */
export function latentSemanticSpace(matrix: SparseMatrix, maxDimensions: number, random: RandomSource, options: SvdOptions = {}): LsaSpace {
  const { rowCount, columnCount } = matrix;
  const rank = Math.max(0, Math.min(maxDimensions, rowCount - 1, columnCount - 1));
  const dimensions = Math.max(1, rank);
  const vectors = new Float32Array(rowCount * dimensions);
  const termBasis = new Float32Array(columnCount * dimensions);
  if (rank > 0) {
    const svd = randomizedSvd(matrix, rank, random, options);
    for (let row = 0; row < rowCount; row++) {
      for (let k = 0; k < rank; k++) vectors[row * dimensions + k] = svd.left[row * rank + k]! * svd.singularValues[k]!;
    }
    for (let term = 0; term < columnCount; term++) {
      for (let k = 0; k < rank; k++) termBasis[term * dimensions + k] = svd.right[term * rank + k]!;
    }
  }
  normalizeRows(vectors, dimensions);
  return { vectors, dimensions, termBasis };
}
