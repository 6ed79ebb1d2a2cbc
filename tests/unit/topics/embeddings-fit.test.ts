import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedAtlas } from '../../../src/lib/topics/cached-atlas.ts';
import { buildTopicModel } from '../../../src/lib/topics/pipeline.ts';
import { embeddingRule, parseEmbedding, type StoredEmbedding } from '../../../src/lib/vectors/embedding.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';
import { bundledTopicInputs } from '../bundled-corpus.ts';

const papers = bundledTopicInputs().slice(0, 120);

/** Embeddings that split the papers by the parity of their row, whatever their text says: 3 groups of 16 dims. */
function groupEmbeddings(seed: number): StoredEmbedding[] {
  const random = createRandom(seed);
  return papers.map((_, row) => {
    const vector = Array.from({ length: 16 }, () => randomNormal(random) * 0.15);
    vector[row % 3]! += 1;
    const parsed = parseEmbedding(vector);
    assert.ok(parsed && 'embedding' in parsed);
    return parsed.embedding;
  });
}

function embeddingsOf(seed: number) {
  const rule = embeddingRule(groupEmbeddings(seed).map((embedding, line) => ({ embedding, source: { path: 'e.jsonl', line: line + 1 } })));
  assert.ok(rule.embeddings);
  return rule.embeddings;
}

test('with embeddings, related papers and topics follow the embeddings; labels still come from the words', () => {
  const embeddings = embeddingsOf(1);
  const model = buildTopicModel(papers, { embeddings });
  const rowOfSlug = new Map(papers.map((paper, row) => [paper.slug, row]));
  let checked = 0;
  model.atlas.papers.forEach((paper, row) => {
    assert.ok(paper.related.length > 0, `${paper.slug} has related papers`);
    for (const related of paper.related) {
      assert.equal(rowOfSlug.get(related.slug)! % 3, row % 3, `${paper.slug}'s related ${related.slug} is of its embedding group`);
      checked++;
    }
  });
  assert.ok(checked >= papers.length * 3);
  // Each topic holds papers of one group: the embeddings made the clusters.
  const groupsOfTopic = new Map<number, Set<number>>();
  model.atlas.papers.forEach((paper, row) => groupsOfTopic.set(paper.topic, (groupsOfTopic.get(paper.topic) ?? new Set()).add(row % 3)));
  assert.ok(groupsOfTopic.size >= 3);
  for (const groups of groupsOfTopic.values()) assert.equal(groups.size, 1);
  const words = new Set(papers.flatMap((paper) => `${paper.title} ${paper.abstract}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)));
  for (const topic of model.atlas.topics) {
    assert.ok(topic.keywords.length > 0);
    assert.ok(words.has(topic.keywords[0]!.split(' ')[0]!.toLowerCase()), `label word ${topic.keywords[0]} comes from the text`);
  }
  // The text vectors stay what /similar/ ships.
  assert.equal(model.vectors.length, papers.length * model.dimensions);
});

test('the stored fit is keyed by the embeddings, and never folded into when they place the papers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-embeddings-'));
  try {
    const options = { dir, fitKey: 'code-1', incremental: true, fold: { minFittedPapers: 1, maxChangeRatio: 1 } };
    assert.equal((await cachedAtlas(papers, { ...options, embeddings: embeddingsOf(1) })).source, 'fitted');
    assert.equal((await cachedAtlas(papers, { ...options, embeddings: embeddingsOf(1) })).source, 'reused');
    assert.equal((await cachedAtlas(papers, { ...options, embeddings: embeddingsOf(2) })).source, 'fitted');
    assert.equal((await cachedAtlas(papers, options)).source, 'fitted', 'text vectors do not reuse a fit made from embeddings');
    await cachedAtlas(papers, { ...options, embeddings: embeddingsOf(2) });
    const changed = papers.map((paper, row) => (row === 5 ? { ...paper, abstract: `${paper.abstract} More.` } : paper));
    assert.equal((await cachedAtlas(changed, { ...options, embeddings: embeddingsOf(2) })).source, 'fitted');
    // The same change folds in when text vectors place the papers: it is the embeddings that turn fold-in off.
    await cachedAtlas(papers, options);
    assert.equal((await cachedAtlas(changed, options)).source, 'folded');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('embeddings longer than 100 numbers are placed in their 100 strongest directions, and related papers still follow them', () => {
  const random = createRandom(3);
  const stored = papers.map((_, row) => {
    const vector = Array.from({ length: 160 }, () => randomNormal(random) * 0.05);
    for (let d = 0; d < 4; d++) vector[(row % 3) * 4 + d]! += 1;
    const parsed = parseEmbedding(vector);
    assert.ok(parsed && 'embedding' in parsed);
    return parsed.embedding;
  });
  const rule = embeddingRule(stored.map((embedding, line) => ({ embedding, source: { path: 'e.jsonl', line: line + 1 } })));
  assert.ok(rule.embeddings);
  assert.equal(rule.embeddings.dimensions, 160);
  const model = buildTopicModel(papers, { embeddings: rule.embeddings });
  assert.deepEqual({ source: model.placement.source, dimensions: model.placement.dimensions }, { source: 'embeddings', dimensions: 100 });
  assert.ok(model.placement.varianceKept > 0.9 && model.placement.varianceKept < 1, `kept ${model.placement.varianceKept}`);
  const rowOfSlug = new Map(papers.map((paper, row) => [paper.slug, row]));
  let checked = 0;
  model.atlas.papers.forEach((paper, row) => {
    for (const related of paper.related) {
      assert.equal(rowOfSlug.get(related.slug)! % 3, row % 3, `${paper.slug}'s related ${related.slug} is of its embedding group`);
      checked++;
    }
  });
  assert.ok(checked >= papers.length * 3);
  assert.equal(buildTopicModel(papers).placement.source, 'text');
});
