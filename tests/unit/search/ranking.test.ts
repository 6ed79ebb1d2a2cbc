import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchIndex } from '../../../src/lib/search/build-index.ts';
import { SearchEngine } from '../../../src/lib/search/engine.ts';
import { bundledSearchInput } from '../bundled-corpus.ts';

/** Query → the title (start) that must come first, or be in the top 3. Typos and half-typed words included. */
const FIRST: [string, string][] = [
  ['tulu', 'TÜLU 3: Pushing Frontiers'],
  ['tau-bench', 'Impatient Users Confuse AI Agents'],
  ['tau bench', 'Impatient Users Confuse AI Agents'],
  ['qwen2.5-math', 'Qwen2.5-Math Technical Report'],
  ['CTF-Dojo', 'Training Language Model Agents to Find Vulnerabilities'],
  ['metaicl', 'MetaICL: Learning to Learn In Context'],
  ['feynman integrls', 'Learning Feynman integrals'],
  ['catastrophic forgeting', 'Mitigating Catastrophic Forgetting'],
  ['traitbasis', 'Impatient Users Confuse AI Agents'],
  ['rlhf harmless', 'Training a Helpful and Harmless Assistant'],
  ['stack-lstm pars', 'Training with Exploration Improves a Greedy Stack-LSTM Parser'],
  ['model-agnostic meta-learning', 'Model-Agnostic Meta-Learning for Fast Adaptation'],
  ['coffe gym', 'Coffee-Gym'],
];
const TOP_3: [string, string][] = [
  ['looped transf', 'Looped Transformers as Programmable Computers'],
  ['transfomer loop', 'Parallel Loop Transformer'],
  ['self-consuming', 'Self-Consuming Generative Models Go MAD'],
  ['learning rate schedul', 'The Surprising Agreement Between Convex Optimization Theory'],
];

const { files } = buildSearchIndex(bundledSearchInput());
const engine = await SearchEngine.open(async (file) => files.get(file) ?? '');

async function topTitles(query: string, count: number): Promise<string[]> {
  const ids = (await engine.search(query)).hits.slice(0, count).map((hit) => hit.id);
  const docs = await engine.docs(ids);
  return ids.map((id) => docs.get(id)?.[0] ?? '');
}

for (const [query, title] of FIRST) {
  test(`"${query}" ranks "${title}" first`, async () => {
    const [first] = await topTitles(query, 1);
    assert.ok(first?.startsWith(title), `first was ${first}`);
  });
}

for (const [query, title] of TOP_3) {
  test(`"${query}" ranks "${title}" in the top 3`, async () => {
    const titles = await topTitles(query, 3);
    assert.ok(titles.some((candidate) => candidate.startsWith(title)), `top 3 were ${titles.join(' | ')}`);
  });
}
