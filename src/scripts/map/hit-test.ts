import { quadtree, type Quadtree } from 'd3-quadtree';

/** Finds the paper under the pointer among up to 100k points in O(log n). */
export interface HitTester {
  /** The index of the nearest point within `radius` (data units) of (x, y), or -1. */
  find(x: number, y: number, radius: number): number;
}

/** Build a quadtree of paper indices over data coordinates. */
export function createHitTester(xs: Float64Array, ys: Float64Array): HitTester {
  const indices = Array.from({ length: xs.length }, (_, index) => index);
  const tree: Quadtree<number> = quadtree<number>()
    .x((index) => xs[index] as number)
    .y((index) => ys[index] as number)
    .addAll(indices);
  return {
    find(x, y, radius) {
      return tree.find(x, y, radius) ?? -1;
    },
  };
}
