import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureFit, type DraftTopic } from '../../../src/lib/topics/hierarchy.ts';
import { labelDrafts, orderTopics } from '../../../src/lib/topics/topic-order.ts';
import { buildFeatures } from '../../../src/lib/topics/phrases.ts';
import { buildTfidf } from '../../../src/lib/topics/tfidf.ts';
import { tokenizeCorpus } from '../../../src/lib/topics/tokenize.ts';

const draft = (level: 0 | 1, parentDraft: number | null, members: number[], label = ''): DraftTopic => ({
  level,
  parentDraft,
  members: Int32Array.from(members),
  centroid: new Float32Array(2),
  keywords: [],
  keywordTerms: [],
  label,
});

test('measureFit marks a paper far from its topic centroid as weak and keeps the close ones', () => {
  // Rows 0–8 point along x; row 9 points along y, so it barely belongs to the topic of all ten.
  const vectors = Float32Array.from({ length: 20 }, (_, index) => (index < 18 ? (index % 2 === 0 ? 1 : 0) : index === 19 ? 1 : 0));
  const drafts = [draft(0, null, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])];
  const { similarity, weak } = measureFit(vectors, 2, drafts, new Int32Array(10));
  assert.deepEqual([...weak], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.ok(similarity[0]! > 0.9 && similarity[9]! < 0.2, `similarities ${[...similarity]}`);
});

test('orderTopics puts themes largest first, each followed by its subtopics largest first', () => {
  const drafts = [draft(0, null, [0, 1], 'small'), draft(0, null, [2, 3, 4, 5], 'large'), draft(1, 1, [2], 'b'), draft(1, 1, [3, 4, 5], 'a')];
  const { ordered, idOfDraft } = orderTopics(drafts);
  assert.deepEqual(ordered, [1, 0, 3, 2]);
  assert.deepEqual([...idOfDraft], [1, 0, 3, 2]);
});

test('orderTopics breaks a tie in size by label, in code-unit order', () => {
  const { ordered } = orderTopics([draft(0, null, [0], 'beta'), draft(0, null, [1], 'Alpha')]);
  assert.deepEqual(ordered, [1, 0]);
});

test('labelDrafts names every draft, and two themes never get the same label', () => {
  const texts = [
    'graph neural networks message passing on graphs',
    'graph neural networks for molecules message passing',
    'graph neural networks node classification message passing',
    'protein folding structure prediction with alphafold',
    'protein folding energy landscapes structure prediction',
    'protein folding dynamics structure prediction',
  ];
  const features = buildFeatures(tokenizeCorpus(texts));
  const tfidf = buildTfidf(features.docOffsets, features.featureIds, features.featureDisplay.length);
  const canonical = Int32Array.from({ length: tfidf.matrix.columnCount }, (_, term) => term);
  const drafts = [draft(0, null, [0, 1, 2]), draft(0, null, [3, 4, 5])];
  labelDrafts(drafts, tfidf, features, canonical, texts.length);
  assert.ok(drafts.every((topic) => topic.label.length > 0 && topic.keywords.length > 0), JSON.stringify(drafts.map((d) => d.label)));
  assert.notEqual(drafts[0]!.label, drafts[1]!.label);
  assert.match(drafts[0]!.label, /graph|message/);
  assert.match(drafts[1]!.label, /protein|folding|structure/);
});
