import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTopicModel } from '../../../src/lib/topics/pipeline.ts';
import { serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';
import { foldIntoModel, mergeRelated, paperDigest, placement, topRows, votedTopic, type FittedTopicModel } from '../../../src/lib/topics/fold-in.ts';
import { bundledTopicInputs } from '../bundled-corpus.ts';

const papers = bundledTopicInputs();
const fittedPapers = papers.slice(0, 110);
const fit = buildTopicModel(fittedPapers);
const model: FittedTopicModel = { atlas: fit.atlas, paperDigests: fittedPapers.map(paperDigest), vectors: fit.vectors, dimensions: fit.dimensions, termKeys: fit.termKeys, termBasis: fit.termBasis };
const lenient = { minFittedPapers: 50, maxChangeRatio: 0.1 };

test('folding papers in keeps every fitted paper where it was and places the new ones', () => {
  const current = [...fittedPapers, ...papers.slice(110, 115)];
  const fold = foldIntoModel(model, current, lenient);
  assert.ok(fold.folded, fold.folded ? '' : fold.reason);
  assert.deepEqual([fold.added, fold.removed, fold.kept], [5, 0, 110]);
  assert.deepEqual(fold.atlas.papers.map((paper) => paper.slug), current.map((paper) => paper.slug));
  fold.atlas.papers.slice(0, 110).forEach((paper, row) => {
    const fitted = model.atlas.papers[row]!;
    assert.deepEqual([paper.topic, paper.x, paper.y, paper.weak], [fitted.topic, fitted.x, fitted.y, fitted.weak]);
  });
  const slugs = new Set(current.map((paper) => paper.slug));
  for (const paper of fold.atlas.papers) {
    assert.ok(paper.topic >= 0 && paper.topic < model.atlas.topics.length);
    assert.ok(Number.isFinite(paper.x) && Number.isFinite(paper.y));
    assert.equal(paper.related.length, 5);
    assert.ok(paper.related.every((related) => slugs.has(related.slug) && related.slug !== paper.slug));
    assert.ok(paper.related.every((related, index) => index === 0 || related.similarity <= paper.related[index - 1]!.similarity));
  }
  assert.equal(fold.atlas.topics.reduce((sum, topic) => sum + topic.size, 0), 115);
  assert.deepEqual(fold.atlas.topics.map((topic) => topic.label), model.atlas.topics.map((topic) => topic.label));
});

test('a new copy of a fitted paper joins its topic and lists it first among related papers', () => {
  const original = fittedPapers[7]!;
  const copy = { ...original, slug: 'copy-of-paper-7' };
  const fold = foldIntoModel(model, [...fittedPapers, copy], lenient);
  assert.ok(fold.folded);
  const placed = fold.atlas.papers.at(-1)!;
  assert.equal(placed.topic, model.atlas.papers[7]!.topic);
  assert.equal(placed.related[0]!.slug, original.slug);
  assert.equal(placed.related[0]!.similarity, 1);
  assert.ok(Math.hypot(placed.x - model.atlas.papers[7]!.x, placed.y - model.atlas.papers[7]!.y) < 0.05);
  // and the original now lists its copy first
  assert.equal(fold.atlas.papers[7]!.related[0]!.slug, 'copy-of-paper-7');
});

test('removing a paper drops it everywhere and refills the related lists that named it', () => {
  const gone = fittedPapers[3]!.slug;
  const current = fittedPapers.filter((paper) => paper.slug !== gone);
  const fold = foldIntoModel(model, current, lenient);
  assert.ok(fold.folded);
  assert.equal(fold.removed, 1);
  for (const paper of fold.atlas.papers) {
    assert.ok(paper.related.every((related) => related.slug !== gone));
    assert.equal(paper.related.length, 5);
  }
});

test('a fold is deterministic and says when a fresh fit is needed', () => {
  const current = [...fittedPapers, ...papers.slice(110, 113)];
  const first = foldIntoModel(model, current, lenient);
  const second = foldIntoModel(model, current, lenient);
  assert.ok(first.folded && second.folded);
  assert.equal(serializeAtlas(first.atlas), serializeAtlas(second.atlas));
  const tooMany = foldIntoModel(model, papers, { minFittedPapers: 50, maxChangeRatio: 0.05 });
  assert.deepEqual(tooMany, { folded: false, reason: '9 papers new or changed and 0 gone since the fit (more than 5)' });
  const small = foldIntoModel(model, current);
  assert.equal(small.folded, false);
  assert.match(small.folded ? '' : small.reason, /110 papers \(< 1000\)/);
});

test('votedTopic sums weights per topic and breaks ties by the lower id', () => {
  assert.equal(votedTopic([{ topic: 2, weight: 0.5 }, { topic: 1, weight: 0.3 }, { topic: 1, weight: 0.3 }], () => 0), 1);
  assert.equal(votedTopic([{ topic: 4, weight: 0.5 }, { topic: 3, weight: 0.5 }], () => 0), 3);
  assert.equal(votedTopic([], () => 9), 9);
});

test('placement sits a fixed small distance from the neighbours\' weighted centre, the same for the same slug', () => {
  const [x, y] = placement([{ x: 0.2, y: 0.2, weight: 1 }, { x: 0.4, y: 0.2, weight: 3 }], [0.9, 0.9], 'some-paper');
  assert.ok(Math.abs(Math.hypot(x - 0.35, y - 0.2) - 0.004) < 0.0002);
  assert.deepEqual(placement([{ x: 0.2, y: 0.2, weight: 1 }], [0, 0], 'some-paper'), placement([{ x: 0.2, y: 0.2, weight: 1 }], [0, 0], 'some-paper'));
  const [cx, cy] = placement([], [0.5, 0.6], 'other');
  assert.ok(Math.abs(Math.hypot(cx - 0.5, cy - 0.6) - 0.004) < 0.0002);
});

test('mergeRelated lets closer papers in, keeps an existing entry ahead of an equal new one and keeps five', () => {
  const entry = (slug: string, similarity: number) => ({ slug, similarity, shared: [] });
  const existing = [entry('a', 0.9), entry('b', 0.8), entry('c', 0.7), entry('d', 0.6), entry('e', 0.5)];
  assert.deepEqual(mergeRelated(existing, [entry('n', 0.8), entry('m', 0.95)]).map((r) => r.slug), ['m', 'a', 'b', 'n', 'c']);
  assert.deepEqual(mergeRelated([entry('a', 0.9)], [entry('n', 0.1)]).map((r) => r.slug), ['a', 'n']);
});

test('topRows returns the best rows, lower index first on ties, skipping -Infinity and rejected rows', () => {
  assert.deepEqual(topRows(Float32Array.of(0.2, 0.9, -Infinity, 0.5), 2), [1, 3]);
  assert.deepEqual(topRows(Float32Array.of(0.5, 0.5, 0.5), 2), [0, 1]);
  assert.deepEqual(topRows(Float32Array.of(0.2, 0.9, 0.4), 2, (row) => row !== 1), [2, 0]);
});
