/**
 * The 2D map, built top-down so it scales to 100k papers in linear time: topics become discs (area ∝ size) placed
 * by classical MDS of their centroid similarities (similar topics sit near each other) and pushed apart until no two
 * overlap; subtopics are laid out the same way inside their broad theme's disc; each paper sits inside its topic's
 * disc, its direction from the centre taken from the topic's two main axes of variation and its distance from the
 * centre from its rank of similarity to the centroid (outliers on the rim), with a small seeded jitter so that no two
 * points stack. refineLayout then runs UMAP's optimisation from that start on the similarity graph, so neighbours
 * gather and the map reads as a continuous semantic map rather than a set of discs.
 */
import { symmetricEigen } from './svd.ts';
import type { RandomSource } from './random.ts';
import type { DraftTopic } from './hierarchy.ts';

export interface LayoutGroup {
  /** Unit-length centroid of the group (dimensions long). */
  centroid: Float32Array;
  /** Number of papers, sets the disc area. */
  size: number;
}

/** A disc on the plane. */
export interface Disc {
  x: number;
  y: number;
  radius: number;
}

/**
 * Place groups as non-overlapping discs whose arrangement follows centroid similarity (classical MDS start,
 * then overlap removal that keeps discs near their start).
 * @returns one disc per group, in a frame centred on 0 with radii sqrt(size)
 * @example placeDiscs([{ centroid: Float32Array.of(1, 0), size: 4 }, { centroid: Float32Array.of(0, 1), size: 1 }], 2).length // => 2
 */
export function placeDiscs(groups: readonly LayoutGroup[], dimensions: number): Disc[] {
  const count = groups.length;
  if (count === 0) return [];
  const radii = groups.map((group) => Math.sqrt(Math.max(1, group.size)));
  if (count === 1) return [{ x: 0, y: 0, radius: radii[0]! }];
  const start = classicalMds(groups, dimensions);
  const totalArea = radii.reduce((sum, radius) => sum + radius * radius, 0);
  let spread = 0;
  for (const [x, y] of start) spread = Math.max(spread, Math.hypot(x, y));
  const scale = spread > 0 ? (1.2 * Math.sqrt(totalArea)) / spread : 1;
  const discs = start.map(([x, y], index) => ({ x: x * scale, y: y * scale, radius: radii[index]! }));
  if (spread === 0) {
    discs.forEach((disc, index) => {
      const angle = (2 * Math.PI * index) / count;
      disc.x = Math.cos(angle) * Math.sqrt(totalArea);
      disc.y = Math.sin(angle) * Math.sqrt(totalArea);
    });
  }
  const anchors = discs.map((disc) => [disc.x, disc.y] as const);
  const padding = 0.04 * Math.sqrt(totalArea / count);
  for (let iteration = 0; iteration < 300; iteration++) {
    let overlapping = false;
    for (let a = 0; a < count; a++) {
      for (let b = a + 1; b < count; b++) {
        const first = discs[a]!;
        const second = discs[b]!;
        let dx = second.x - first.x;
        let dy = second.y - first.y;
        let distance = Math.hypot(dx, dy);
        const wanted = first.radius + second.radius + padding;
        if (distance >= wanted) continue;
        overlapping = true;
        if (distance < 1e-9) {
          dx = Math.cos(a + b);
          dy = Math.sin(a + b);
          distance = 1;
        }
        const push = (wanted - distance) / distance;
        const firstShare = (second.radius * second.radius) / (first.radius * first.radius + second.radius * second.radius);
        first.x -= dx * push * firstShare;
        first.y -= dy * push * firstShare;
        second.x += dx * push * (1 - firstShare);
        second.y += dy * push * (1 - firstShare);
      }
    }
    if (!overlapping) break;
    if (iteration < 150) {
      discs.forEach((disc, index) => {
        disc.x += (anchors[index]![0] - disc.x) * 0.02;
        disc.y += (anchors[index]![1] - disc.y) * 0.02;
      });
    }
  }
  return discs;
}

/** 2D classical MDS of the groups' cosine distances (double-centred squared distances, top two eigenvectors). */
function classicalMds(groups: readonly LayoutGroup[], dimensions: number): Array<[number, number]> {
  const count = groups.length;
  const squared = new Float64Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      let dot = 0;
      for (let d = 0; d < dimensions; d++) dot += groups[a]!.centroid[d]! * groups[b]!.centroid[d]!;
      const distance = Math.max(0, 1 - dot);
      squared[a * count + b] = distance * distance;
      squared[b * count + a] = distance * distance;
    }
  }
  const rowMeans = new Float64Array(count);
  let mean = 0;
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) rowMeans[a]! += squared[a * count + b]! / count;
    mean += rowMeans[a]! / count;
  }
  const centred = new Float64Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) centred[a * count + b] = -0.5 * (squared[a * count + b]! - rowMeans[a]! - rowMeans[b]! + mean);
  }
  const { values, vectors } = symmetricEigen(centred, count);
  const axis = (column: number): number => Math.sqrt(Math.max(0, values[column] ?? 0));
  return Array.from({ length: count }, (_, row) => [
    vectors[row * count]! * axis(0),
    count > 1 ? vectors[row * count + 1]! * axis(1) : 0,
  ]);
}

/**
 * Positions of a topic's papers inside its disc.
 * @param vectors unit-length paper vectors, row-major
 * @param members the topic's rows
 * @param similarity each member's similarity to the centroid (same order as members)
 * @param disc where the topic sits
 * @returns x, y interleaved per member
 * @example placeMembers(vectors, 2, Int32Array.of(0, 1), Float32Array.of(0.9, 0.8), centroid, { x: 0, y: 0, radius: 1 }, createRandom(1)).length // => 4
 */
export function placeMembers(
  vectors: Float32Array,
  dimensions: number,
  members: Int32Array,
  similarity: Float32Array,
  centroid: Float32Array,
  disc: Disc,
  random: RandomSource,
): Float64Array {
  const count = members.length;
  const positions = new Float64Array(count * 2);
  if (count === 0) return positions;
  const axes = principalAxes(vectors, dimensions, members, centroid, random);
  const order = Array.from({ length: count }, (_, index) => index).sort(
    (a, b) => similarity[b]! - similarity[a]! || members[a]! - members[b]!,
  );
  const usable = disc.radius * 0.92;
  order.forEach((memberIndex, rank) => {
    const row = members[memberIndex]!;
    let first = 0;
    let second = 0;
    for (let d = 0; d < dimensions; d++) {
      const residual = vectors[row * dimensions + d]! - centroid[d]!;
      first += residual * axes[d]!;
      second += residual * axes[dimensions + d]!;
    }
    const angle = first === 0 && second === 0 ? 2 * Math.PI * random() : Math.atan2(second, first) + (random() - 0.5) * 0.35;
    const radius = usable * Math.sqrt((rank + 0.5) / count) * (1 + (random() - 0.5) * 0.08);
    positions[memberIndex * 2] = disc.x + Math.cos(angle) * radius;
    positions[memberIndex * 2 + 1] = disc.y + Math.sin(angle) * radius;
  });
  return positions;
}

/** Top two principal directions of the members' residuals from the centroid, by power iteration with deflation. */
function principalAxes(vectors: Float32Array, dimensions: number, members: Int32Array, centroid: Float32Array, random: RandomSource): Float64Array {
  const axes = new Float64Array(2 * dimensions);
  const projections = new Float64Array(members.length);
  for (let axis = 0; axis < 2; axis++) {
    const direction = new Float64Array(dimensions);
    for (let d = 0; d < dimensions; d++) direction[d] = random() - 0.5;
    for (let iteration = 0; iteration < 25; iteration++) {
      for (let index = 0; index < members.length; index++) {
        const base = members[index]! * dimensions;
        let dot = 0;
        for (let d = 0; d < dimensions; d++) dot += (vectors[base + d]! - centroid[d]!) * direction[d]!;
        projections[index] = dot;
      }
      const next = new Float64Array(dimensions);
      for (let index = 0; index < members.length; index++) {
        const base = members[index]! * dimensions;
        const weight = projections[index]!;
        for (let d = 0; d < dimensions; d++) next[d]! += (vectors[base + d]! - centroid[d]!) * weight;
      }
      if (axis === 1) {
        let overlap = 0;
        for (let d = 0; d < dimensions; d++) overlap += next[d]! * axes[d]!;
        for (let d = 0; d < dimensions; d++) next[d]! -= overlap * axes[d]!;
      }
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += next[d]! * next[d]!;
      if (norm === 0) break;
      norm = Math.sqrt(norm);
      for (let d = 0; d < dimensions; d++) direction[d] = next[d]! / norm;
    }
    axes.set(direction, axis * dimensions);
  }
  return axes;
}

/**
 * Fit points into the unit square: scaled uniformly (aspect kept) and centred, with a 2 % margin.
 * @example fitToUnitSquare(Float64Array.of(0, 0, 10, 5)) // => Float64Array [0.02, 0.26, 0.98, 0.74]
 */
export function fitToUnitSquare(positions: Float64Array): Float64Array {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let index = 0; index < positions.length; index += 2) {
    minX = Math.min(minX, positions[index]!);
    maxX = Math.max(maxX, positions[index]!);
    minY = Math.min(minY, positions[index + 1]!);
    maxY = Math.max(maxY, positions[index + 1]!);
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  const scale = extent > 0 ? 0.96 / extent : 0;
  const offsetX = 0.5 - ((maxX + minX) / 2) * scale;
  const offsetY = 0.5 - ((maxY + minY) / 2) * scale;
  const fitted = new Float64Array(positions.length);
  for (let index = 0; index < positions.length; index += 2) {
    fitted[index] = extent > 0 ? positions[index]! * scale + offsetX : 0.5;
    fitted[index + 1] = extent > 0 ? positions[index + 1]! * scale + offsetY : 0.5;
  }
  return fitted;
}

export interface LayoutGraph {
  nodeCount: number;
  rowStart: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
}

/**
 * UMAP's low-dimensional similarity 1 / (1 + a d^2b) (McInnes, Healy & Melville 2018) with b = 1, which needs no
 * power per edge (a 100k map measured too slow with b = 0.895); a = 1.577 is UMAP's value for min_dist 0.1.
 */
const CURVE_A = 1.577;
/** Negative samples per edge and epoch, and the gradient clip, as in UMAP. */
const NEGATIVE_SAMPLES = 5;
const GRADIENT_CLIP = 4;

/**
 * Refine a map with UMAP's optimisation (attraction along the similarity graph's edges, repulsion from random
 * points) started from the given positions, so the start's global arrangement (similar topics near each other) is
 * kept while papers gather with their graph neighbours and spread out instead of stacking. Linear in edges × epochs.
 * @param positions x, y interleaved per node, refined in place (any scale; rescaled to a 20-unit box first)
 * @param graph symmetric weighted similarity graph over the same nodes
 * @param random seeded source (negative samples)
 * @param epochs passes over all edges; default 60 up to 10,000 nodes, fewer above (60·√(10,000 / N), at least 15)
 * @example refineLayout(Float64Array.of(0, 0, 1, 0, 5, 5), graph, createRandom(1)).length // => 6
 */
export function refineLayout(positions: Float64Array, graph: LayoutGraph, random: RandomSource, epochs?: number): Float64Array {
  const count = graph.nodeCount;
  const passes = epochs ?? Math.max(15, Math.round(60 * Math.sqrt(Math.min(1, 10000 / Math.max(1, count)))));
  if (count < 3) return positions;
  const fitted = fitToUnitSquare(positions);
  for (let index = 0; index < positions.length; index++) positions[index] = fitted[index]! * 20;
  let largest = 0;
  for (const weight of graph.weight) largest = Math.max(largest, weight);
  if (largest <= 0) return positions;
  const clip = (value: number): number => (value > GRADIENT_CLIP ? GRADIENT_CLIP : value < -GRADIENT_CLIP ? -GRADIENT_CLIP : value);
  for (let epoch = 0; epoch < passes; epoch++) {
    const rate = 1 - epoch / passes;
    for (let node = 0; node < count; node++) {
      for (let entry = graph.rowStart[node]!; entry < graph.rowStart[node + 1]!; entry++) {
        const other = graph.neighbour[entry]!;
        if (other <= node) continue;
        const share = graph.weight[entry]! / largest;
        let dx = positions[node * 2]! - positions[other * 2]!;
        let dy = positions[node * 2 + 1]! - positions[other * 2 + 1]!;
        let squared = dx * dx + dy * dy;
        if (squared > 0) {
          const pull = (-2 * CURVE_A) / (1 + CURVE_A * squared);
          const moveX = clip(pull * dx) * rate * share;
          const moveY = clip(pull * dy) * rate * share;
          positions[node * 2]! += moveX;
          positions[node * 2 + 1]! += moveY;
          positions[other * 2]! -= moveX;
          positions[other * 2 + 1]! -= moveY;
        }
        for (let sample = 0; sample < NEGATIVE_SAMPLES; sample++) {
          const far = Math.min(count - 1, Math.floor(random() * count));
          if (far === node) continue;
          dx = positions[node * 2]! - positions[far * 2]!;
          dy = positions[node * 2 + 1]! - positions[far * 2 + 1]!;
          squared = dx * dx + dy * dy;
          const push = 2 / ((0.001 + squared) * (1 + CURVE_A * squared));
          positions[node * 2]! += clip(push * dx) * rate * share;
          positions[node * 2 + 1]! += clip(push * dy) * rate * share;
        }
      }
    }
  }
  return positions;
}

/**
 * The start of the map: discs for broad themes, subtopic discs inside them, papers inside their finest topic's disc
 * (by their similarity to its centroid, see measureFit in hierarchy.ts); then the unit square.
 * @param similarity each paper's similarity to its finest topic's centroid
 * @returns x, y of each paper, row-major, in [0, 1]
 * @example layoutPapers(vectors, 100, drafts, similarity, createRandom(1)).length // => 2 × the number of papers
 */
export function layoutPapers(
  vectors: Float32Array,
  dimensions: number,
  drafts: readonly DraftTopic[],
  similarity: Float32Array,
  random: RandomSource,
): Float64Array {
  const positions = new Float64Array(similarity.length * 2);
  const parents = drafts.map((_, index) => index).filter((index) => drafts[index]!.level === 0);
  const parentDiscs = placeDiscs(parents.map((index) => ({ centroid: drafts[index]!.centroid, size: drafts[index]!.members.length })), dimensions);
  const discOfDraft = new Map<number, Disc>();
  parents.forEach((draftIndex, position) => {
    const disc = parentDiscs[position]!;
    discOfDraft.set(draftIndex, disc);
    const children = drafts.map((_, index) => index).filter((index) => drafts[index]!.parentDraft === draftIndex);
    if (children.length === 0) return;
    const childDiscs = placeDiscs(children.map((index) => ({ centroid: drafts[index]!.centroid, size: drafts[index]!.members.length })), dimensions);
    let meanX = 0;
    let meanY = 0;
    for (const child of childDiscs) {
      meanX += child.x / childDiscs.length;
      meanY += child.y / childDiscs.length;
    }
    let bound = 0;
    for (const child of childDiscs) bound = Math.max(bound, Math.hypot(child.x - meanX, child.y - meanY) + child.radius);
    const scale = bound > 0 ? disc.radius / bound : 1;
    children.forEach((childIndex, position) => {
      const child = childDiscs[position]!;
      discOfDraft.set(childIndex, { x: disc.x + (child.x - meanX) * scale, y: disc.y + (child.y - meanY) * scale, radius: child.radius * scale });
    });
  });
  const hasChildren = new Set(drafts.filter((draft) => draft.parentDraft !== null).map((draft) => draft.parentDraft!));
  drafts.forEach((draft, draftIndex) => {
    if (hasChildren.has(draftIndex)) return;
    const memberSimilarity = Float32Array.from(draft.members, (row) => similarity[row]!);
    const placed = placeMembers(vectors, dimensions, draft.members, memberSimilarity, draft.centroid, discOfDraft.get(draftIndex)!, random);
    draft.members.forEach((row, index) => {
      positions[row * 2] = placed[index * 2]!;
      positions[row * 2 + 1] = placed[index * 2 + 1]!;
    });
  });
  return fitToUnitSquare(positions);
}
