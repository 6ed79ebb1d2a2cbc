import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AtlasPaper, AtlasTopic } from '../../../src/lib/topics/atlas-schema.ts';
import { MIN_TOPIC_PAPERS, papersPerYear, rankTrends, topicTrend, trendWindow } from '../../../src/lib/trends/growth.ts';

function topic(id: number, years: Record<string, number>, parent: number | null = null): AtlasTopic {
  const size = Object.values(years).reduce((sum, count) => sum + count, 0);
  return { id, slug: `t${id}`, label: `topic ${id}`, keywords: [], size, years, centroid: [0, 0], parent, level: parent === null ? 0 : 1 };
}

/** Papers matching the topics' year counts, so the atlas's totals per year are the sum of its leaf topics. */
function papersOf(topics: readonly AtlasTopic[]): AtlasPaper[] {
  const leaves = topics.filter((candidate) => !topics.some((other) => other.parent === candidate.id));
  return leaves.flatMap((leaf) =>
    Object.entries(leaf.years ?? {}).flatMap(([year, count]) =>
      Array.from({ length: count }, (_, index) => ({ slug: `${leaf.id}-${year}-${index}`, title: 'x', year: Number(year), topic: leaf.id, weak: false, x: 0, y: 0, related: [] })),
    ),
  );
}

test('the recent window is the last three years against every year before', () => {
  const window = trendWindow(new Map([[2005, 10], [2012, 40], [2014, 20], [2016, 30]]));
  assert.deepEqual(window, { firstYear: 2005, recentFrom: 2014, lastYear: 2016, earlierPapers: 50, recentPapers: 50 });
});

test('a short span compares its later half with its earlier half, and one year gives no window', () => {
  assert.deepEqual(trendWindow(new Map([[2015, 10], [2016, 20]])), { firstYear: 2015, recentFrom: 2016, lastYear: 2016, earlierPapers: 10, recentPapers: 20 });
  assert.equal(trendWindow(new Map([[2015, 10], [2016, 20], [2017, 5], [2018, 5]]))?.recentFrom, 2017);
  assert.equal(trendWindow(new Map([[2016, 90]])), undefined);
  assert.equal(trendWindow(new Map()), undefined);
});

test('growth is the recent share over the earlier share, each count plus a half', () => {
  const window = { firstYear: 2010, recentFrom: 2014, lastYear: 2016, earlierPapers: 100, recentPapers: 100 };
  const trend = topicTrend(topic(0, { '2012': 5, '2015': 20 }), window);
  assert.equal(trend.recent, 20);
  assert.equal(trend.earlier, 5);
  assert.ok(Math.abs(trend.growth - 20.5 / 5.5) < 1e-9);
  assert.ok(Math.abs(trend.z - 3.207) < 0.001, `z ${trend.z}`);
  const absentBefore = topicTrend(topic(1, { '2015': 12 }), window);
  assert.ok(Number.isFinite(absentBefore.growth) && absentBefore.growth === 25, `a topic new in the recent years has a finite growth (${absentBefore.growth})`);
});

test('rising topics come most rising first, fading ones most fading first, steady ones in neither list', () => {
  const topics = [
    topic(0, { '2010': 100, '2015': 100 }), // steady share
    topic(1, { '2010': 10, '2015': 60 }), // rising ×6
    topic(2, { '2010': 20, '2015': 60 }), // rising ×3
    topic(3, { '2010': 70, '2015': 10 }), // fading
  ];
  const report = rankTrends({ topics, papers: papersOf(topics) });
  assert.equal(report.kind, 'trends');
  if (report.kind !== 'trends') return;
  assert.deepEqual(report.rising.map((trend) => trend.topic.id), [1, 2]);
  assert.deepEqual(report.fading.map((trend) => trend.topic.id), [3]);
  assert.equal(report.rankedTopics, 4);
});

test('a topic under the minimum size never tops the list, however fast it grows', () => {
  const topics = [topic(0, { '2010': 200, '2015': 200 }), topic(1, { '2015': MIN_TOPIC_PAPERS - 1 }), topic(2, { '2010': 2, '2015': 30 })];
  const report = rankTrends({ topics, papers: papersOf(topics) });
  assert.equal(report.kind, 'trends');
  if (report.kind !== 'trends') return;
  assert.ok(report.rising.length > 0);
  assert.deepEqual(report.rising.map((trend) => trend.topic.id), [2]);
  assert.equal(report.rankedTopics, 2);
});

test('a change chance could give is not a trend: a small topic whose share moves a little stays off both lists', () => {
  const topics = [topic(0, { '2010': 500, '2015': 500 }), topic(1, { '2010': 6, '2015': 9 })];
  const report = rankTrends({ topics, papers: papersOf(topics) });
  assert.equal(report.kind, 'trends');
  if (report.kind !== 'trends') return;
  assert.deepEqual(report.rising, []);
  assert.deepEqual(report.fading, []);
});

test('themes are not ranked beside their own subtopics', () => {
  const topics = [
    topic(0, { '2010': 60, '2015': 110 }),
    topic(1, { '2010': 50, '2015': 50 }, 0),
    topic(2, { '2010': 10, '2015': 60 }, 0),
    topic(3, { '2010': 100, '2015': 40 }),
  ];
  const report = rankTrends({ topics, papers: papersOf(topics) });
  assert.equal(report.kind, 'trends');
  if (report.kind !== 'trends') return;
  assert.deepEqual(report.rising.map((trend) => trend.topic.id), [2]);
  assert.ok(!report.rising.some((trend) => trend.topic.id === 0));
});

test('an atlas without dates, with one year, or too few papers in a window says why instead of ranking', () => {
  const undated = rankTrends({ topics: [topic(0, {})], papers: [{ slug: 'a', title: 'a', topic: 0, weak: false, x: 0, y: 0, related: [] }] });
  assert.deepEqual(undated, { kind: 'none', reason: { kind: 'undated' }, datedPapers: 0 });
  const oneYear = [topic(0, { '2025': 119 })];
  assert.deepEqual(rankTrends({ topics: oneYear, papers: papersOf(oneYear) }), { kind: 'none', reason: { kind: 'one-year', year: 2025, datedPapers: 119 }, datedPapers: 119 });
  const thin = [topic(0, { '2015': 200, '2016': 12 })];
  const report = rankTrends({ topics: thin, papers: papersOf(thin) });
  assert.equal(report.kind, 'none');
  assert.equal(report.kind === 'none' && report.reason.kind, 'too-few');
});

test('papers per year counts dated papers only, years ascending', () => {
  const counts = papersPerYear({ papers: [{ year: 2015 }, { year: 2013 }, {}, { year: 2015 }] as AtlasPaper[] });
  assert.deepEqual([...counts], [[2013, 1], [2015, 2]]);
});
