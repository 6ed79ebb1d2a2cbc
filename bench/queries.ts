/**
 * The one query list of the search benchmarks (bench/search.ts, bench/search-compare/): typed as a visitor would,
 * with whole words, half-typed prefixes, typos (swaps, drops) and several words.
 */
export const QUERIES = [
  'neural network', 'neural netw', 'convolutonal', 'reinforcement learn', 'graph', 'compresed sensing', 'wireless',
  'byzantine', 'lattice codes', 'sat solver', 'markov decison', 'cryptograph', 'sparse recovery', 'social netwrok',
  'belief propagation', 'ldpc', 'mimo channel', 'bayesian optimisation', 'model checking', 'genetic algorithm',
  'image segmentaion', 'quantum', 'kernel methods', 'transl',
] as const;

/** The query a cold page answers first: what "bytes before the first result" and "first result ms" are timed on. */
export const FIRST_QUERY = 'compressed sens';

/** The typo and half-typed queries of `QUERIES`, with the spelling the visitor meant. */
export const INTENDED: Readonly<Record<string, string>> = {
  convolutonal: 'convolutional',
  'compresed sensing': 'compressed sensing',
  'markov decison': 'markov decision',
  'social netwrok': 'social network',
  'image segmentaion': 'image segmentation',
  'neural netw': 'neural network',
  'reinforcement learn': 'reinforcement learning',
  cryptograph: 'cryptography',
  transl: 'translation',
};

/**
 * The p-th percentile of ascending `sorted` values (nearest rank, lower), 0 for an empty list.
 * @example percentile([1, 2, 3, 4], 50) // => 3
 */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
