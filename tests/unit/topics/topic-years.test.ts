import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AtlasData, AtlasPaper, AtlasTopic } from '../../../src/lib/topics/atlas-schema.ts';
import { serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';
import { withYears } from '../../../src/lib/topics/topic-years.ts';

function topic(id: number, parent: number | null, size: number): AtlasTopic {
  return { id, slug: `t${id}`, label: `topic ${id}`, keywords: [`k${id}`], size, centroid: [0.5, 0.5], parent, level: parent === null ? 0 : 1 };
}

function paper(slug: string, topicId: number): AtlasPaper {
  return { slug, title: slug.toUpperCase(), topic: topicId, weak: false, x: 0.1, y: 0.2, related: [] };
}

/** Two themes (0, 1); theme 0 has subtopics 2 and 3, theme 1 has subtopic 4. */
const atlas: AtlasData = {
  version: 1,
  levels: 2,
  topics: [topic(0, null, 4), topic(1, null, 2), topic(2, 0, 3), topic(3, 0, 1), topic(4, 1, 2)],
  papers: [paper('a', 2), paper('b', 2), paper('c', 2), paper('d', 3), paper('e', 4), paper('f', 4)],
};
const years = new Map([['a', 2016], ['b', 2013], ['c', 2016], ['d', 2009], ['e', 2015]]);

test('papers get their year; an undated paper gets none and is counted nowhere', () => {
  const dated = withYears(atlas, years);
  assert.deepEqual(dated.papers.map((p) => p.year), [2016, 2013, 2016, 2009, 2015, undefined]);
  assert.ok(!('year' in (dated.papers[5] ?? {})), 'no year key on an undated paper');
});

test('a subtopic counts its papers per year and a theme its subtopics’ papers, keys in ascending order', () => {
  const dated = withYears(atlas, years);
  const yearsOf = dated.topics.map((t) => t.years);
  assert.equal(yearsOf.length, 5);
  assert.deepEqual(yearsOf[2], { '2013': 1, '2016': 2 });
  assert.deepEqual(yearsOf[3], { '2009': 1 });
  assert.deepEqual(yearsOf[0], { '2009': 1, '2013': 1, '2016': 2 });
  assert.deepEqual(Object.keys(yearsOf[0] ?? {}), ['2009', '2013', '2016']);
  assert.deepEqual(yearsOf[4], { '2015': 1 });
  assert.deepEqual(yearsOf[1], { '2015': 1 });
});

test('single-level atlas: each topic counts its own papers; no dated paper gives an empty years object', () => {
  const flat: AtlasData = { version: 1, levels: 1, topics: [topic(0, null, 2), topic(1, null, 1)], papers: [paper('a', 0), paper('b', 0), paper('c', 1)] };
  const dated = withYears(flat, new Map([['a', 2020], ['b', 2020]]));
  assert.deepEqual(dated.topics.map((t) => t.years), [{ '2020': 2 }, {}]);
});

test('atlas.json bytes carry year and years, are deterministic, and are unchanged without dates', () => {
  const first = serializeAtlas(withYears(atlas, years));
  const again = serializeAtlas(withYears(atlas, new Map([...years].reverse())));
  assert.equal(first, again);
  const parsed = JSON.parse(first) as { topics: { years: Record<string, number> }[]; papers: { year?: number }[] };
  assert.deepEqual(parsed.topics[0]?.years, { '2009': 1, '2013': 1, '2016': 2 });
  assert.equal(parsed.papers[0]?.year, 2016);
  assert.match(first, /"size":4,"years":\{"2009":1,"2013":1,"2016":2\},"centroid"/);
  assert.match(first, /"title":"A","year":2016,"topic":2/);
  assert.doesNotMatch(serializeAtlas(atlas), /"years?"/);
  // Re-dating a dated atlas replaces the years instead of adding to them.
  assert.equal(serializeAtlas(withYears(withYears(atlas, years), years)), first);
});
