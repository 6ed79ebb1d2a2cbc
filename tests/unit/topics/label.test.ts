import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelTopics, slugifyLabels, topicKeywords } from '../../../src/lib/topics/label.ts';
import { tokenizeCorpus } from '../../../src/lib/topics/tokenize.ts';
import { buildFeatures } from '../../../src/lib/topics/phrases.ts';
import { buildTfidf } from '../../../src/lib/topics/tfidf.ts';
import { isStopWord } from '../../../src/lib/topics/stop-words.ts';

const rlWords = ['policy', 'reward', 'agent', 'episode', 'exploration', 'value', 'actor', 'critic'];
const graphWords = ['nodes', 'edges', 'message', 'passing', 'neighbours', 'adjacency', 'spectral', 'pooling'];
/** Sixteen abstracts, each with its topic's phrase and three of its topic's words, varied by position. */
const texts = Array.from({ length: 16 }, (_, index) => {
  const words = index < 8 ? rlWords : graphWords;
  const picked = [words[index % 8]!, words[(index + 3) % 8]!, words[(index + 5) % 8]!].join(', ');
  return index < 8
    ? `We propose a novel reinforcement learning method. It studies ${picked} in this paper.`
    : `In this paper, graph neural networks are studied. Results show ${picked} matter.`;
});
const features = buildFeatures(tokenizeCorpus(texts), { minCount: 3 });
const model = buildTfidf(features.docOffsets, features.featureIds, features.featureDisplay.length, { minDf: 2, maxDfRatio: 0.9 });
const classes = Int32Array.from(texts, (_, index) => (index < 8 ? 0 : 1));
const terms = topicKeywords(model, features, classes, 2);

test('topicKeywords finds each class its own terms', () => {
  assert.ok(terms[0]!.keywords.includes('reinforcement learning'));
  assert.ok(terms[0]!.keywords.includes('policy'));
  assert.ok(terms[1]!.keywords.includes('graph neural networks'));
  assert.ok(terms[1]!.keywords.some((keyword) => keyword.includes('graph')));
  assert.ok(!terms[0]!.keywords.some((keyword) => terms[1]!.keywords.includes(keyword)));
});

test('topicKeywords holds no stop word, no number and no word inside a chosen phrase', () => {
  for (const { keywords } of terms) {
    for (const keyword of keywords) {
      assert.ok(!keyword.split(' ').some((word) => isStopWord(word)), keyword);
      assert.ok(!/^\d+$/.test(keyword), keyword);
    }
    assert.ok(!keywords.includes('reinforcement') && !keywords.includes('learning'));
  }
});

test('labelTopics prefers phrases and never repeats a word inside a label', () => {
  assert.deepEqual(labelTopics([['policy', 'reinforcement learning', 'reward', 'learning'], ['graph', 'nodes', 'graph nodes', 'edges']]), [
    'reinforcement learning · policy',
    'graph nodes · edges',
  ]);
  assert.deepEqual(labelTopics([['graph', 'nodes', 'edges', 'pooling']]), ['graph · nodes · edges']);
});

test('labelTopics makes labels distinct across topics', () => {
  const labels = labelTopics([
    ['graph', 'nodes', 'edges'],
    ['graph', 'nodes', 'edges'],
    ['graph', 'nodes', 'edges'],
  ]);
  assert.equal(new Set(labels).size, 3);
});

test('slugifyLabels gives unique ASCII slugs', () => {
  assert.deepEqual(slugifyLabels(['Graph · Nœuds', 'Graph · Nœuds', '']), ['graph-noeuds', 'graph-noeuds-2', 'topic']);
});

test('labelTopics gives sibling topics different first terms when their keywords allow it', () => {
  const labels = labelTopics([
    ['large language models', 'code generation', 'program'],
    ['large language models', 'agents', 'environment'],
  ]);
  assert.notEqual(labels[0]!.split(' · ')[0], labels[1]!.split(' · ')[0]);
  assert.ok(labels[1]!.startsWith('agents'), labels[1]);
});

test('labelTopics skips a follower that only echoes a word of the label', () => {
  assert.deepEqual(labelTopics([['generative models', 'generation', 'human feedback']]), ['generative models · human feedback']);
});

test('topicKeywords holds a shared term back in topics where it is weaker', () => {
  const shared = topicKeywords(model, features, classes, 2, { distinctness: 0 });
  const distinct = topicKeywords(model, features, classes, 2);
  assert.equal(shared.length, distinct.length);
  assert.ok(distinct.every((terms) => terms.keywords.length > 0));
});

test('labelTopics tries a keyword a sibling label already shows last', () => {
  const labels = labelTopics([
    ['code generation', 'large language models', 'unit tests'],
    ['continual learning', 'large language models', 'catastrophic forgetting'],
  ]);
  assert.equal(labels[1], 'continual learning · catastrophic forgetting');
});

test('labelTopics puts single-word adjectives after nouns', () => {
  assert.deepEqual(labelTopics([['convolutional', 'CNN', 'pooling']]), ['CNN · pooling · convolutional']);
});

test('topicKeywords never returns a generic single word', () => {
  const generic = ['model', 'method', 'results', 'data', 'tasks'];
  for (const { keywords } of terms) assert.ok(!keywords.some((keyword) => generic.includes(keyword)), keywords.join(', '));
});

test('labelTopics names a subtopic by what sets it apart from its theme, not the theme terms swapped', () => {
  const [label] = labelTopics([['compressed sensing', 'sparse signal', 'restricted isometry', 'measurements']], new Set(), [0], ['sparse signal · compressed sensing']);
  assert.ok(label !== undefined);
  assert.ok(label.startsWith('restricted isometry'), label);
  assert.ok(!label.includes('sparse signal'), label);
});

test('labelTopics falls back to the theme terms when a subtopic has nothing else', () => {
  assert.deepEqual(labelTopics([['compressed sensing', 'sparse signal']], new Set(), [0], ['sparse signal · compressed sensing']), ['compressed sensing · sparse signal']);
});

test('topicKeywords never shows the front matter of proceedings', () => {
  const volumes = Array.from({ length: 8 }, (_, index) =>
    `This volume contains the proceedings of the international workshop on ${index % 2 ? 'concurrency theory' : 'process calculi'}, held in Paris. The volume contains invited talks on concurrency theory and process calculi.`,
  );
  const volumeFeatures = buildFeatures(tokenizeCorpus([...volumes, ...texts.slice(0, 8)]), { minCount: 3 });
  const volumeModel = buildTfidf(volumeFeatures.docOffsets, volumeFeatures.featureIds, volumeFeatures.featureDisplay.length, { minDf: 2, maxDfRatio: 0.9 });
  const [volumeTerms] = topicKeywords(volumeModel, volumeFeatures, Int32Array.from({ length: 16 }, (_, index) => (index < 8 ? 0 : 1)), 2);
  assert.ok(volumeTerms !== undefined && volumeTerms.keywords.length > 0);
  assert.ok(volumeTerms.keywords.some((keyword) => keyword.includes('concurrency')), volumeTerms.keywords.join(', '));
  for (const keyword of volumeTerms.keywords) assert.ok(!/volume|proceedings|workshop|held|invited/.test(keyword), keyword);
});
