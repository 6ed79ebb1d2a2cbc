import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fallbackTopics } from '../../../src/lib/map/fallback-list.ts';
import type { AtlasData, AtlasPaper, AtlasTopic } from '../../../src/lib/topics/atlas-schema.ts';

function topic(id: number, size: number, parent: number | null, centroid: [number, number] = [0, 0]): AtlasTopic {
  return { id, slug: `t${id}`, label: `topic ${id}`, keywords: [], size, centroid, parent, level: parent === null ? 0 : 1 };
}

function paper(slug: string, topicId: number, x: number, weak = false): AtlasPaper {
  return { slug, title: slug.toUpperCase(), topic: topicId, weak, x, y: 0, related: [] };
}

const oneLevel: AtlasData = {
  version: 1,
  levels: 1,
  topics: [topic(0, 1, null), topic(1, 3, null)],
  papers: [paper('far', 1, 5), paper('near', 1, 1), paper('outlier', 1, 0, true), paper('solo', 0, 0)],
};

test('topics are listed largest first', () => {
  assert.deepEqual(fallbackTopics(oneLevel, 0).map((entry) => entry.topic.id), [1, 0]);
});

test('papers closest to the topic centre come first and outliers last', () => {
  assert.deepEqual(fallbackTopics(oneLevel, 3)[0]!.papers.map((p) => p.slug), ['near', 'far', 'outlier']);
});

test('the paper list is cut to the requested length but the count is complete', () => {
  const [first] = fallbackTopics(oneLevel, 1);
  assert.equal(first!.papers.length, 1);
  assert.equal(first!.paperCount, 3);
});

test('broad themes carry their subtopics and their subtopics papers', () => {
  const twoLevel: AtlasData = {
    version: 1,
    levels: 2,
    topics: [topic(0, 3, null), topic(1, 2, 0), topic(2, 1, 0)],
    papers: [paper('a', 1, 1), paper('b', 1, 2), paper('c', 2, 3)],
  };
  const [theme] = fallbackTopics(twoLevel, 5);
  assert.equal(theme!.paperCount, 3);
  assert.deepEqual(theme!.children.map((child) => child.topic.id), [1, 2]);
  assert.deepEqual(theme!.children[1]!.papers.map((p) => p.slug), ['c']);
});
