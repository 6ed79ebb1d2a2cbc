import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fineClusters, titleTerms } from '../../../src/lib/topics/fine-clusters.ts';
import type { AtlasData, AtlasPaper, AtlasTopic } from '../../../src/lib/topics/atlas-schema.ts';

/** One subtopic of "graph neural networks" with two groups of 20 papers apart on the map, one about molecules, one about traffic. */
function twoGroupAtlas(): Pick<AtlasData, 'topics' | 'papers'> {
  const topics: AtlasTopic[] = [
    { id: 0, slug: 'gnn', label: 'graph neural networks · message passing', keywords: ['graph neural networks'], size: 40, centroid: [0.5, 0.5], parent: null, level: 0 },
    { id: 1, slug: 'gnn-apps', label: 'graph neural networks · applications', keywords: ['applications'], size: 40, centroid: [0.5, 0.5], parent: 0, level: 1 },
  ];
  const papers: AtlasPaper[] = [];
  for (let i = 0; i < 20; i++) {
    papers.push({ slug: `m${i}`, title: `Graph neural networks for molecular property prediction ${i % 3 ? 'in drug discovery' : ''}`, topic: 1, weak: false, x: 0.1 + (i % 6) * 0.01, y: 0.1 + Math.floor(i / 6) * 0.01, related: [] });
    papers.push({ slug: `t${i}`, title: `Traffic forecasting with graph neural networks ${i % 2 ? 'on road networks' : ''}`, topic: 1, weak: false, x: 0.8 + (i % 6) * 0.01, y: 0.8 + Math.floor(i / 6) * 0.01, related: [] });
  }
  return { topics, papers };
}

test('a topic splits into its groups on the map, each named by what sets it apart, not by its topic words', () => {
  const clusters = fineClusters(twoGroupAtlas());
  assert.equal(clusters.length, 2);
  const labels = clusters.map((cluster) => cluster.label).sort();
  assert.match(labels[0]!, /molecular property|property prediction/);
  assert.match(labels[1]!, /traffic forecasting/);
  for (const { label } of clusters) assert.doesNotMatch(label, /graph|neural|applications/);
  for (const cluster of clusters) assert.equal(cluster.size, 20);
  const molecular = clusters.find((cluster) => /molecular/.test(cluster.label))!;
  assert.ok(molecular.x < 0.2 && molecular.y < 0.2, 'the label sits on its own group');
});

test('fine clusters are the same for the same atlas, and none for a topic too small to split', () => {
  const atlas = twoGroupAtlas();
  assert.deepEqual(fineClusters(atlas), fineClusters(structuredClone(atlas)));
  assert.deepEqual(fineClusters({ topics: atlas.topics, papers: atlas.papers.slice(0, 20) }), []);
});

test('title terms are words and phrases of words next to each other, never across a dropped word', () => {
  const terms = [...titleTerms('Sparse recovery from the point of view of phase transitions', new Map()).values()];
  assert.ok(terms.includes('sparse recovery'));
  assert.ok(terms.includes('phase transitions'));
  assert.ok(!terms.includes('point view'));
});

test('two chosen words that stand side by side in the titles are shown as that phrase', () => {
  const atlas = twoGroupAtlas();
  for (const paper of atlas.papers) if (paper.slug.startsWith('t')) paper.title = `Mean squared error of ${paper.slug.length > 2 ? 'kalman' : 'wiener'} filters for graph neural networks`;
  const labels = fineClusters(atlas).map((cluster) => cluster.label);
  assert.ok(labels.some((label) => /mean squared/.test(label)), labels.join(' | '));
  assert.ok(!labels.some((label) => /squared · mean|mean · squared/.test(label)));
});
