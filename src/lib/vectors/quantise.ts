/**
 * Int8 quantisation of vectors for the browser: each row gets its own scale (its largest absolute value / 127) and
 * each number becomes the nearest multiple of that scale. A unit vector of d numbers then costs d bytes + 4, and
 * every number is off by at most half a step (scale / 2), so a dot product with a unit query is off by at most
 * √d · scale / 2 (Cauchy–Schwarz), under 0.04 for d = 100 and far less in practice (errors cancel).
 */

export interface QuantisedRows {
  /** Row r's codes are codes[r * dimensions .. (r + 1) * dimensions), each in [-127, 127]. */
  codes: Int8Array;
  /** Row r's numbers are codes × scales[r]. */
  scales: Float32Array;
  dimensions: number;
}

/**
 * Quantise row-major vectors to int8 with one scale per row (all-zero rows get scale 0).
 * @example quantiseRows(Float32Array.of(0.5, -1, 0.25, 0), 2).codes // => Int8Array [64, -127, 127, 0]
 */
export function quantiseRows(values: Float32Array, dimensions: number): QuantisedRows {
  const rowCount = dimensions > 0 ? Math.floor(values.length / dimensions) : 0;
  const codes = new Int8Array(rowCount * dimensions);
  const scales = new Float32Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    let largest = 0;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(values[row * dimensions + d]!));
    if (largest === 0) continue;
    const scale = Math.fround(largest / 127);
    scales[row] = scale;
    for (let d = 0; d < dimensions; d++) {
      codes[row * dimensions + d] = Math.max(-127, Math.min(127, Math.round(values[row * dimensions + d]! / scale)));
    }
  }
  return { codes, scales, dimensions };
}

/**
 * The numbers of one quantised row (written into `out` when given).
 * @example dequantiseRow(quantiseRows(Float32Array.of(0.5, -1), 2), 0) // => Float32Array [0.5039…, -1]
 */
export function dequantiseRow(rows: QuantisedRows, row: number, out: Float32Array = new Float32Array(rows.dimensions)): Float32Array {
  const { codes, scales, dimensions } = rows;
  const scale = scales[row]!;
  for (let d = 0; d < dimensions; d++) out[d] = codes[row * dimensions + d]! * scale;
  return out;
}

/**
 * Every row dequantised, row-major.
 * @example dequantiseRows(quantiseRows(Float32Array.of(1, 0), 2)) // => Float32Array [1, 0]
 */
export function dequantiseRows(rows: QuantisedRows): Float32Array {
  const out = new Float32Array(rows.codes.length);
  for (let row = 0; row < rows.scales.length; row++) dequantiseRow(rows, row, out.subarray(row * rows.dimensions, (row + 1) * rows.dimensions));
  return out;
}

/**
 * Dot product of a float query with quantised row `row` (the row's numbers, not re-normalised).
 * @example dotQuantised(Float32Array.of(1, 0), quantiseRows(Float32Array.of(0.5, 0.5), 2), 0) // => 0.5
 */
export function dotQuantised(query: Float32Array, rows: QuantisedRows, row: number): number {
  const { codes, scales, dimensions } = rows;
  const base = row * dimensions;
  let sum = 0;
  for (let d = 0; d < dimensions; d++) sum += query[d]! * codes[base + d]!;
  return sum * scales[row]!;
}

/**
 * Dot products of a float query with every quantised row, written to `out` from `offset` (one tight loop over the
 * codes, nothing allocated: the similar-papers worker scores thousands of rows per question this way).
 * @example dotQuantisedRows(Float32Array.of(1, 0), quantiseRows(Float32Array.of(0.5, 0.5, 1, 0), 2), new Float64Array(2)) // => Float64Array [0.5, 1]
 */
export function dotQuantisedRows(query: Float32Array, rows: QuantisedRows, out: Float64Array, offset = 0): Float64Array {
  const { codes, scales, dimensions } = rows;
  const rowCount = scales.length;
  for (let row = 0, base = 0; row < rowCount; row++, base += dimensions) {
    let sum = 0;
    for (let d = 0; d < dimensions; d++) sum += query[d]! * codes[base + d]!;
    out[offset + row] = sum * scales[row]!;
  }
  return out;
}

/**
 * The most a dot product of a unit-length query with quantised row `row` can differ from the same dot product with
 * the row before quantisation: √d · scale / 2.
 * @example dotErrorBound(quantiseRows(Float32Array.of(1, 0), 2), 0) // => 0.00556…
 */
export function dotErrorBound(rows: QuantisedRows, row: number): number {
  return (Math.sqrt(rows.dimensions) * rows.scales[row]!) / 2;
}

/**
 * Weights in [0, 1] (TF-IDF row entries of a unit row) as bytes: round(w × 255); off by at most 1/510.
 * @example quantiseUnitWeights(Float32Array.of(1, 0.5, 0)) // => Uint8Array [255, 128, 0]
 */
export function quantiseUnitWeights(values: Float32Array): Uint8Array {
  return Uint8Array.from(values, (value) => Math.max(0, Math.min(255, Math.round(value * 255))));
}
