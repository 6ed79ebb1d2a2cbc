import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordJaccard, matchTopicUrls, type PreviousAtlas } from '../../../src/lib/topics/topic-urls.ts';
import { serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';
import { buildAtlas } from '../../../src/lib/topics/pipeline.ts';
import type { AtlasData, MovedTopic } from '../../../src/lib/topics/atlas-schema.ts';
import { bundledTopicInputs } from '../bundled-corpus.ts';

interface TopicSpec {
  slug: string;
  papers?: string[];
  keywords?: string[];
  parent?: number;
}

/** A small atlas: topics in order (ids are positions), each finest topic with its papers. */
function atlasOf(specs: TopicSpec[], moved?: MovedTopic[]): AtlasData {
  return {
    version: 1,
    levels: specs.some((spec) => spec.parent !== undefined) ? 2 : 1,
    topics: specs.map((spec, id) => ({
      id,
      slug: spec.slug,
      label: spec.slug,
      keywords: spec.keywords ?? [spec.slug],
      size: spec.papers?.length ?? 0,
      centroid: [0.5, 0.5],
      parent: spec.parent ?? null,
      level: spec.parent === undefined ? 0 : 1,
    })),
    papers: specs.flatMap((spec, id) => (spec.papers ?? []).map((slug) => ({ slug, title: slug, topic: id, weak: false, x: 0, y: 0, related: [] }))),
    ...(moved ? { moved } : {}),
  };
}

const range = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from }, (_, index) => `${prefix}${from + index}`);
const slugs = (atlas: AtlasData): string[] => atlas.topics.map((topic) => topic.slug);

test('without a previous atlas the fit comes back as it is, with nothing moved', () => {
  const fit = atlasOf([{ slug: 'graphs', papers: range('p', 0, 5) }]);
  const result = matchTopicUrls(fit, undefined);
  assert.equal(result.atlas, fit);
  assert.equal(result.atlas.moved, undefined);
  assert.equal(serializeAtlas(result.atlas), serializeAtlas(fit));
});

test('a refit whose topics are the old ones under new labels keeps every old slug', () => {
  const previous = atlasOf([
    { slug: 'graph-networks', papers: range('p', 0, 10) },
    { slug: 'speech', papers: range('p', 10, 16) },
  ]);
  const fit = atlasOf([
    { slug: 'message-passing-graphs', papers: [...range('p', 0, 10), 'new1'] },
    { slug: 'speech-recognition', papers: range('p', 10, 16) },
  ]);
  const result = matchTopicUrls(fit, previous);
  assert.deepEqual(slugs(result.atlas), ['graph-networks', 'speech']);
  assert.equal(result.atlas.moved, undefined);
  assert.deepEqual([result.kept, result.fresh, result.vanished], [2, 0, 0]);
  assert.equal(result.atlas.topics[0]!.label, 'message-passing-graphs', 'only the slug is kept; the label is the new fit’s');
});

test('matching an atlas against itself changes nothing', () => {
  const previous = atlasOf([{ slug: 'a', papers: range('p', 0, 4) }, { slug: 'b', papers: range('p', 4, 9) }], [{ slug: 'older', to: 'b' }]);
  const result = matchTopicUrls(previous, previous);
  assert.equal(serializeAtlas(result.atlas), serializeAtlas(previous));
});

test('a topic that splits keeps its slug for the part with most of its papers', () => {
  const previous = atlasOf([{ slug: 'vision', papers: range('p', 0, 10) }]);
  const fit = atlasOf([
    { slug: 'segmentation', papers: range('p', 0, 4) },
    { slug: 'detection', papers: range('p', 4, 10) },
  ]);
  const result = matchTopicUrls(fit, previous);
  assert.deepEqual(slugs(result.atlas), ['segmentation', 'vision']);
  assert.equal(result.atlas.moved, undefined);
  assert.deepEqual([result.kept, result.fresh], [1, 1]);
});

test('two topics that merge keep the larger one’s slug and the other redirects to it', () => {
  const previous = atlasOf([
    { slug: 'small', papers: range('p', 0, 3) },
    { slug: 'large', papers: range('p', 3, 10) },
  ]);
  const fit = atlasOf([{ slug: 'merged', papers: range('p', 0, 10) }]);
  const result = matchTopicUrls(fit, previous);
  assert.deepEqual(slugs(result.atlas), ['large']);
  assert.deepEqual(result.atlas.moved, [{ slug: 'small', to: 'large' }]);
  assert.equal(result.vanished, 1);
});

test('a topic sharing only a third of its papers with a new one is not that topic', () => {
  const previous = atlasOf([
    { slug: 'old-a', papers: range('p', 0, 9) },
    { slug: 'old-b', papers: range('q', 0, 9) },
  ]);
  // Each new topic holds a third of each old one plus papers of its own.
  const fit = atlasOf([
    { slug: 'new-a', papers: [...range('p', 0, 3), ...range('q', 0, 3), ...range('n', 0, 20)] },
    { slug: 'new-b', papers: [...range('p', 3, 9), ...range('q', 3, 9)] },
  ]);
  const result = matchTopicUrls(fit, previous);
  assert.equal(result.atlas.topics[0]!.slug, 'new-a');
  assert.ok(['old-a', 'old-b'].includes(result.atlas.topics[1]!.slug));
});

test('a vanished topic redirects to the topic most of its papers went to', () => {
  const previous = atlasOf([
    { slug: 'kept', papers: range('p', 0, 20) },
    { slug: 'scattered', papers: range('s', 0, 9) },
  ]);
  const fit = atlasOf([
    { slug: 'kept', papers: [...range('p', 0, 20), ...range('s', 0, 2)] },
    { slug: 'other', papers: [...range('s', 2, 5), ...range('o', 0, 30)] },
    { slug: 'third', papers: [...range('s', 5, 7), ...range('t', 0, 30)] },
  ]);
  assert.deepEqual(matchTopicUrls(fit, previous).atlas.moved, [{ slug: 'scattered', to: 'other' }]);
});

test('a topic whose papers are all gone redirects by keywords, else to its theme’s successor, else nowhere', () => {
  const previous = atlasOf([
    { slug: 'theme', papers: [] },
    { slug: 'sub-kept', papers: range('p', 0, 5), parent: 0, keywords: ['graph'] },
    { slug: 'gone-near', papers: range('g', 0, 5), parent: 0, keywords: ['graph', 'walk', 'node'] },
    { slug: 'gone-far', papers: range('h', 0, 5), parent: 0, keywords: ['poetry'] },
    { slug: 'lonely', papers: [], keywords: ['nothing'] },
  ]);
  const fit = atlasOf([
    { slug: 'theme-new', papers: [] },
    { slug: 'sub-new', papers: range('p', 0, 5), parent: 0, keywords: ['graph', 'walk', 'edge', 'path', 'tree'] },
  ]);
  const result = matchTopicUrls(fit, previous);
  assert.deepEqual(slugs(result.atlas), ['theme', 'sub-kept']);
  assert.deepEqual(result.atlas.moved, [
    { slug: 'gone-far', to: 'theme' },
    { slug: 'gone-near', to: 'sub-kept' },
    { slug: 'lonely', to: null },
  ]);
});

test('a theme never takes a subtopic’s slug, nor a subtopic a theme’s', () => {
  // The old theme's only large subtopic holds most of its papers: by papers alone the new theme could look like it.
  const previous = atlasOf([
    { slug: 'old-theme', papers: [] },
    { slug: 'old-big-sub', papers: range('p', 0, 18), parent: 0 },
    { slug: 'old-small-sub', papers: range('p', 18, 20), parent: 0 },
  ]);
  const fit = atlasOf([
    { slug: 'new-theme', papers: [] },
    { slug: 'new-sub', papers: range('p', 0, 18), parent: 0 },
    { slug: 'new-other', papers: range('p', 18, 20), parent: 0 },
  ]);
  assert.deepEqual(slugs(matchTopicUrls(fit, previous).atlas), ['old-theme', 'old-big-sub', 'old-small-sub']);
});

test('without shared papers, topics with most keywords in common still match', () => {
  const previous = atlasOf([{ slug: 'robots', papers: range('old', 0, 5), keywords: ['robot', 'grasp', 'arm', 'gripper', 'manipulation'] }]);
  const fit = atlasOf([
    { slug: 'graphs', papers: range('new', 0, 5), keywords: ['graph', 'node'] },
    { slug: 'robot-grasping', papers: range('new', 5, 9), keywords: ['robot', 'grasp', 'arm', 'gripper', 'tactile'] },
  ]);
  const result = matchTopicUrls(fit, previous);
  assert.deepEqual(slugs(result.atlas), ['graphs', 'robots']);
});

test('equal claims are settled the same way whatever the order of topics and papers', () => {
  const twins = [
    { slug: 'b-twin', papers: range('b', 0, 4) },
    { slug: 'a-twin', papers: range('a', 0, 4) },
  ];
  const fit = atlasOf([{ slug: 'joined', papers: [...range('a', 0, 4), ...range('b', 0, 4)] }]);
  const forward = matchTopicUrls(fit, atlasOf(twins)).atlas;
  const backward = matchTopicUrls(fit, atlasOf([...twins].reverse())).atlas;
  assert.deepEqual(slugs(forward), ['a-twin'], 'equal papers and keywords: the old slug first in code-unit order');
  assert.deepEqual(forward.moved, [{ slug: 'b-twin', to: 'a-twin' }]);
  assert.equal(serializeAtlas(forward), serializeAtlas(backward));
  const reordered = matchTopicUrls(atlasOf([{ slug: 'joined', papers: [...range('b', 0, 4), ...range('a', 0, 4)].reverse() }]), atlasOf(twins)).atlas;
  assert.deepEqual([slugs(reordered), reordered.moved], [slugs(forward), forward.moved]);
});

test('the same fit and previous atlas give the same bytes', () => {
  const previous = atlasOf([{ slug: 'x', papers: range('p', 0, 6) }, { slug: 'y', papers: range('p', 6, 9) }], [{ slug: 'older', to: 'y' }]);
  const fit = atlasOf([{ slug: 'z', papers: range('p', 0, 9) }]);
  assert.equal(serializeAtlas(matchTopicUrls(fit, previous).atlas), serializeAtlas(matchTopicUrls(fit, previous).atlas));
});

test('redirects of earlier builds are kept and follow their topic when it moves too', () => {
  const previous = atlasOf(
    [
      { slug: 'x', papers: range('p', 0, 6) },
      { slug: 'y', papers: range('p', 6, 9) },
    ],
    [
      { slug: 'to-x', to: 'x' },
      { slug: 'to-y', to: 'y' },
      { slug: 'to-nothing', to: null },
    ],
  );
  const fit = atlasOf([{ slug: 'z', papers: range('p', 0, 9) }]);
  assert.deepEqual(matchTopicUrls(fit, previous).atlas.moved, [
    { slug: 'to-nothing', to: null },
    { slug: 'to-x', to: 'x' },
    { slug: 'to-y', to: 'x' },
    { slug: 'y', to: 'x' },
  ]);
});

test('a new topic named like a topic that moved away takes its URL back', () => {
  const previous = atlasOf([{ slug: 'big', papers: range('p', 0, 10) }], [{ slug: 'small-again', to: 'big' }]);
  const fit = atlasOf([
    { slug: 'big-renamed', papers: range('p', 0, 8) },
    { slug: 'small-again', papers: range('p', 8, 10) },
  ]);
  const result = matchTopicUrls(fit, previous);
  assert.deepEqual(slugs(result.atlas), ['big', 'small-again']);
  assert.equal(result.atlas.moved, undefined);
  assert.deepEqual([result.kept, result.fresh], [2, 0]);
});

test('a new topic whose label slug is kept by another gets a suffix no earlier build used', () => {
  const previous = atlasOf([{ slug: 'graphs', papers: range('p', 0, 10) }], [{ slug: 'graphs-2', to: 'graphs' }]);
  const fit = atlasOf([
    { slug: 'graph-learning', papers: range('p', 0, 10) },
    { slug: 'graphs', papers: range('n', 0, 5) },
  ]);
  assert.deepEqual(slugs(matchTopicUrls(fit, previous).atlas), ['graphs', 'graphs-3']);
});

test('removing papers and adding them back gives back every topic URL of the first atlas', () => {
  const papers = bundledTopicInputs();
  const first = buildAtlas(papers);
  const removed = new Set(papers.filter((_, index) => index % 12 === 5).map((paper) => paper.slug));
  assert.ok(removed.size >= 9);
  const fewer = matchTopicUrls(buildAtlas(papers.filter((paper) => !removed.has(paper.slug))), first).atlas;
  const again = matchTopicUrls(buildAtlas(papers), fewer).atlas;
  assert.ok(first.topics.length > 0);
  assert.deepEqual(slugs(again), slugs(first));
  const onlyInBetween = new Set(slugs(fewer).filter((slug) => !slugs(first).includes(slug)));
  assert.deepEqual(new Set((again.moved ?? []).map((moved) => moved.slug)), onlyInBetween);
});

test('keywordJaccard counts shared keywords over distinct ones', () => {
  assert.equal(keywordJaccard(['graph', 'node', 'edge'], ['graph', 'edge', 'walk']), 0.5);
  assert.equal(keywordJaccard([], []), 0);
});

test('a previous atlas read as plain data matches like an atlas', () => {
  const previous: PreviousAtlas = { topics: [{ slug: 'kept-slug', keywords: ['a'], parent: null }], papers: [{ slug: 'p1', topic: 0 }] };
  assert.deepEqual(slugs(matchTopicUrls(atlasOf([{ slug: 'fresh', papers: ['p1'] }]), previous).atlas), ['kept-slug']);
});

test('a parent loop in a hand-made previous atlas ends in no successor, not in an endless search', () => {
  const previous: PreviousAtlas = {
    topics: [
      { slug: 'loop-a', keywords: ['x'], parent: 1 },
      { slug: 'loop-b', keywords: ['y'], parent: 0 },
    ],
    papers: [],
  };
  assert.deepEqual(matchTopicUrls(atlasOf([{ slug: 'fresh', papers: ['p1'], keywords: ['z'] }]), previous).atlas.moved, [
    { slug: 'loop-a', to: null },
    { slug: 'loop-b', to: null },
  ]);
});
