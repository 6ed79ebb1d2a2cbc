import { test } from 'node:test';
import assert from 'node:assert/strict';
import { papersOfTopic, themeCards } from '../../../src/lib/site/topic-view.ts';
import type { AtlasData, AtlasTopic } from '../../../src/lib/topics/atlas-schema.ts';

function topic(id: number, label: string, size: number, parent: number | null): AtlasTopic {
  return { id, slug: label.replace(/ /g, '-'), label, keywords: [label], size, centroid: [0.5, 0.5], parent, level: parent === null ? 0 : 1 };
}

function twoLevelAtlas(): AtlasData {
  const paper = (slug: string, topicId: number, x: number) => ({ slug, title: slug.toUpperCase(), topic: topicId, weak: false, x, y: 0.5, related: [] });
  return {
    version: 1,
    levels: 2,
    topics: [topic(0, 'small theme', 1, null), topic(1, 'big theme', 3, null), topic(2, 'sub a', 1, 1), topic(3, 'sub b', 2, 1), topic(4, 'sub c', 1, 0)],
    papers: [paper('p1', 3, 0.5), paper('p2', 3, 0.9), paper('p3', 2, 0.6), paper('p4', 4, 0.5)],
  };
}

test('themeCards lists the broad themes largest first, with their colour, first papers and subtopics', () => {
  const atlas = twoLevelAtlas();
  const cards = themeCards(
    {
      atlas,
      titleBySlug: new Map([['p1', 'Paper One']]),
      colorOfTopic: (id) => `#00000${id}`,
      membersOfTopic: (id) => papersOfTopic(atlas, id),
    },
    2,
  );
  assert.deepEqual(
    cards.map((card) => card.topic.label),
    ['big theme', 'small theme'],
  );
  const [big] = cards;
  assert.ok(big);
  assert.equal(big.color, '#000001');
  assert.deepEqual(big.papers, [
    { slug: 'p1', title: 'Paper One' },
    { slug: 'p3', title: 'p3' },
  ]);
  assert.deepEqual(
    big.subtopics.map((sub) => sub.label),
    ['sub b', 'sub a'],
  );
});
