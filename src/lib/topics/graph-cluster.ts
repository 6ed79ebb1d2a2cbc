/**
 * Community detection on the paper similarity graph: the Louvain method (Blondel et al. 2008, "Fast unfolding of
 * communities in large networks") with a resolution parameter γ (Reichardt & Bornholdt 2006), modularity
 * Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), and a final pass of local moving on the original graph (the
 * multi-level refinement of Rotta & Noack 2011), which can only raise Q. Larger γ gives more, smaller communities.
 * Graphs are symmetric CSR adjacency lists with float weights; node order comes from a seeded source.
 */
import type { NeighbourGraph } from './knn.ts';
import type { RandomSource } from './random.ts';

/** An undirected weighted graph: node n's neighbours are neighbour/weight[rowStart[n] .. rowStart[n + 1]). */
export interface WeightedGraph {
  nodeCount: number;
  rowStart: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
}

/**
 * The symmetric graph behind a k-nearest-neighbour list, as in PhenoGraph (Levine et al. 2015) and Seurat: an edge
 * joins two rows when either lists the other, weighted by the share of neighbours they have in common (shared
 * nearest neighbours, counting each other), times their cosine similarity. Shared-neighbour weights cut the hub
 * edges that plain kNN graphs have between unrelated dense regions.
 * @example similarityGraph(nearestNeighbourGraph(vectors, 2, 1, createRandom(1))).nodeCount // => 3
 */
export function similarityGraph(neighbours: NeighbourGraph): WeightedGraph {
  const { rowCount: nodeCount, neighbourCount: count, indices, similarities } = neighbours;
  const listed = (row: number, other: number): boolean => {
    for (let slot = 0; slot < count; slot++) if (indices[row * count + slot] === other) return true;
    return false;
  };
  const shared = (a: number, b: number): number => {
    let together = 0;
    for (let x = 0; x < count; x++) {
      const first = indices[a * count + x]!;
      if (first < 0) continue;
      if (first === b) together++;
      for (let y = 0; y < count; y++) if (indices[b * count + y] === first) together++;
    }
    if (listed(b, a)) together++;
    return together / (count + 1);
  };
  const degree = new Int32Array(nodeCount);
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeWeight: number[] = [];
  for (let row = 0; row < nodeCount; row++) {
    for (let slot = 0; slot < count; slot++) {
      const other = indices[row * count + slot]!;
      if (other < 0) continue;
      if (other < row && listed(other, row)) continue;
      const weight = shared(row, other) * Math.max(0, similarities[row * count + slot]!);
      if (weight <= 0) continue;
      edgeFrom.push(row);
      edgeTo.push(other);
      edgeWeight.push(weight);
      degree[row]!++;
      degree[other]!++;
    }
  }
  const rowStart = new Int32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) rowStart[node + 1] = rowStart[node]! + degree[node]!;
  const fill = rowStart.slice(0, nodeCount);
  const neighbour = new Int32Array(rowStart[nodeCount]!);
  const weight = new Float64Array(rowStart[nodeCount]!);
  for (let edge = 0; edge < edgeFrom.length; edge++) {
    const from = edgeFrom[edge]!;
    const to = edgeTo[edge]!;
    neighbour[fill[from]!] = to;
    weight[fill[from]!++] = edgeWeight[edge]!;
    neighbour[fill[to]!] = from;
    weight[fill[to]!++] = edgeWeight[edge]!;
  }
  return { nodeCount, rowStart, neighbour, weight };
}

/**
 * Modularity of a partition at resolution γ (self-loops count once per endpoint, as in the aggregated graphs).
 * @example modularity(twoTriangles, Int32Array.of(0, 0, 0, 1, 1, 1), 1) // => 0.357 (two triangles joined by one edge)
 */
export function modularity(graph: WeightedGraph, community: Int32Array, resolution: number): number {
  const degree = nodeDegrees(graph);
  let total = 0;
  for (const value of degree) total += value;
  if (total === 0) return 0;
  const communityCount = countOf(community);
  const inside = new Float64Array(communityCount);
  const degreeSum = new Float64Array(communityCount);
  for (let node = 0; node < graph.nodeCount; node++) {
    degreeSum[community[node]!]! += degree[node]!;
    for (let entry = graph.rowStart[node]!; entry < graph.rowStart[node + 1]!; entry++) {
      if (community[graph.neighbour[entry]!] === community[node]) inside[community[node]!]! += graph.weight[entry]!;
    }
  }
  let quality = 0;
  for (let cls = 0; cls < communityCount; cls++) quality += inside[cls]! / total - resolution * (degreeSum[cls]! / total) ** 2;
  return quality;
}

function nodeDegrees(graph: WeightedGraph): Float64Array {
  const degree = new Float64Array(graph.nodeCount);
  for (let node = 0; node < graph.nodeCount; node++) {
    for (let entry = graph.rowStart[node]!; entry < graph.rowStart[node + 1]!; entry++) degree[node]! += graph.weight[entry]!;
  }
  return degree;
}

export interface LouvainOptions {
  /** Start from this partition instead of singletons (community per node); the result is a coarsening of it. */
  initial?: Int32Array;
}

/**
 * Communities of a graph by Louvain at resolution γ, numbered 0.. in order of each community's lowest node.
 * @param graph symmetric weighted graph
 * @param resolution γ; 1 is classic modularity, larger gives smaller communities
 * @param random seeded source for the node visiting order
 * @example louvain(twoTriangles, 1, createRandom(1)) // => Int32Array [0, 0, 0, 1, 1, 1]
 */
export function louvain(graph: WeightedGraph, resolution: number, random: RandomSource, options: LouvainOptions = {}): Int32Array {
  const nodeCount = graph.nodeCount;
  let membership = options.initial ? renumber(options.initial) : Int32Array.from({ length: nodeCount }, (_, node) => node);
  let current = options.initial ? aggregate(graph, membership) : graph;
  for (let level = 0; level < 30; level++) {
    const moved = localMoving(current, Int32Array.from({ length: current.nodeCount }, (_, node) => node), resolution, random);
    const merged = renumber(moved);
    const communityCount = countOf(merged);
    for (let node = 0; node < nodeCount; node++) membership[node] = merged[membership[node]!]!;
    if (communityCount === current.nodeCount) break;
    current = aggregate(current, merged);
  }
  if (!options.initial) membership = renumber(localMoving(graph, membership, resolution, random));
  return membership;
}

/** Number of communities of a dense labelling (largest id + 1). */
function countOf(community: Int32Array): number {
  let largest = -1;
  for (const value of community) if (value > largest) largest = value;
  return largest + 1;
}

/** Dense community ids in order of first appearance. */
function renumber(community: Int32Array): Int32Array {
  const idOf = new Map<number, number>();
  return Int32Array.from(community, (value) => {
    let id = idOf.get(value);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(value, id);
    }
    return id;
  });
}

/**
 * Move single nodes to the neighbouring community with the best modularity gain until a pass moves (almost) none.
 * Gain of joining C for node i: k_i,C − γ k_i Σ_C / 2m (Σ_C without i).
 */
function localMoving(graph: WeightedGraph, start: Int32Array, resolution: number, random: RandomSource): Int32Array {
  const { nodeCount, rowStart, neighbour, weight } = graph;
  const community = Int32Array.from(start);
  const degree = nodeDegrees(graph);
  let total = 0;
  for (const value of degree) total += value;
  if (total === 0) return community;
  const degreeSum = new Float64Array(nodeCount);
  const size = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    degreeSum[community[node]!]! += degree[node]!;
    size[community[node]!]!++;
  }
  const empty: number[] = [];
  for (let cls = nodeCount - 1; cls >= 0; cls--) if (size[cls] === 0) empty.push(cls);
  const linkWeight = new Float64Array(nodeCount);
  const touched = new Int32Array(nodeCount);
  const order = Int32Array.from({ length: nodeCount }, (_, node) => node);
  for (let index = nodeCount - 1; index > 0; index--) {
    const swap = Math.floor(random() * (index + 1));
    const held = order[index]!;
    order[index] = order[swap]!;
    order[swap] = held;
  }
  for (let pass = 0; pass < 50; pass++) {
    let moves = 0;
    for (const node of order) {
      const own = community[node]!;
      const nodeDegree = degree[node]!;
      let touchedCount = 0;
      for (let entry = rowStart[node]!; entry < rowStart[node + 1]!; entry++) {
        const other = neighbour[entry]!;
        if (other === node) continue;
        const cls = community[other]!;
        if (linkWeight[cls] === 0) touched[touchedCount++] = cls;
        linkWeight[cls]! += weight[entry]!;
      }
      degreeSum[own]! -= nodeDegree;
      size[own]!--;
      let best = own;
      let bestGain = linkWeight[own]! - (resolution * nodeDegree * degreeSum[own]!) / total;
      for (let index = 0; index < touchedCount; index++) {
        const cls = touched[index]!;
        const gain = linkWeight[cls]! - (resolution * nodeDegree * degreeSum[cls]!) / total;
        if (gain > bestGain + 1e-12) {
          best = cls;
          bestGain = gain;
        }
      }
      // Being alone gains 0: when every community around costs modularity, take an empty community.
      if (bestGain < -1e-12 && size[own]! > 0 && empty.length > 0) best = empty.pop()!;
      degreeSum[best]! += nodeDegree;
      size[best]!++;
      if (best !== own) {
        community[node] = best;
        moves++;
        if (size[own] === 0) empty.push(own);
      }
      for (let index = 0; index < touchedCount; index++) linkWeight[touched[index]!] = 0;
    }
    if (moves <= nodeCount * 1e-4) break;
  }
  return community;
}

/** The graph of communities: one node per community, edge weights summed, internal weight as a self-loop. */
function aggregate(graph: WeightedGraph, community: Int32Array): WeightedGraph {
  const communityCount = countOf(community);
  const membersOf: number[][] = Array.from({ length: communityCount }, () => []);
  for (let node = 0; node < graph.nodeCount; node++) membersOf[community[node]!]!.push(node);
  const rowStart = new Int32Array(communityCount + 1);
  const neighbours: number[] = [];
  const weights: number[] = [];
  const linkWeight = new Float64Array(communityCount);
  const touched: number[] = [];
  for (let cls = 0; cls < communityCount; cls++) {
    for (const node of membersOf[cls]!) {
      for (let entry = graph.rowStart[node]!; entry < graph.rowStart[node + 1]!; entry++) {
        const other = community[graph.neighbour[entry]!]!;
        if (linkWeight[other] === 0) touched.push(other);
        linkWeight[other]! += graph.weight[entry]!;
      }
    }
    touched.sort((a, b) => a - b);
    for (const other of touched) {
      neighbours.push(other);
      weights.push(linkWeight[other]!);
      linkWeight[other] = 0;
    }
    touched.length = 0;
    rowStart[cls + 1] = neighbours.length;
  }
  return { nodeCount: communityCount, rowStart, neighbour: Int32Array.from(neighbours), weight: Float64Array.from(weights) };
}

/**
 * The subgraph on some nodes (renumbered 0.. in the order given), keeping only edges between them.
 * @example inducedSubgraph(twoTriangles, Int32Array.of(0, 1, 2)).nodeCount // => 3
 */
export function inducedSubgraph(graph: WeightedGraph, nodes: Int32Array): WeightedGraph {
  const localOf = new Map<number, number>();
  nodes.forEach((node, local) => localOf.set(node, local));
  const rowStart = new Int32Array(nodes.length + 1);
  const neighbours: number[] = [];
  const weights: number[] = [];
  nodes.forEach((node, local) => {
    for (let entry = graph.rowStart[node]!; entry < graph.rowStart[node + 1]!; entry++) {
      const other = localOf.get(graph.neighbour[entry]!);
      if (other === undefined) continue;
      neighbours.push(other);
      weights.push(graph.weight[entry]!);
    }
    rowStart[local + 1] = neighbours.length;
  });
  return { nodeCount: nodes.length, rowStart, neighbour: Int32Array.from(neighbours), weight: Float64Array.from(weights) };
}
