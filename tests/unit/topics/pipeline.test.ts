import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAtlas } from '../../../src/lib/topics/pipeline.ts';
import { serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';
import { isStopWord } from '../../../src/lib/topics/stop-words.ts';
import { isGenericTerm } from '../../../src/lib/topics/generic-terms.ts';
import type { TopicInput } from '../../../src/lib/topics/atlas-schema.ts';
import { bundledTopicInputs } from '../bundled-corpus.ts';

const trending = bundledTopicInputs();
const atlas = buildAtlas(trending);

test('buildAtlas gives the same bytes twice for the same papers and seed', () => {
  assert.equal(serializeAtlas(buildAtlas(trending, { seed: 7 })), serializeAtlas(buildAtlas(trending, { seed: 7 })));
});

test('the bundled corpus gets a handful of sizeable topics on one level', () => {
  assert.equal(trending.length, 119);
  assert.equal(atlas.levels, 1);
  assert.ok(atlas.topics.length >= 3 && atlas.topics.length <= 12, `${atlas.topics.length} topics`);
  assert.equal(atlas.topics.reduce((sum, topic) => sum + topic.size, 0), 119);
  assert.ok(atlas.topics.every((topic) => topic.size >= 3));
});

test('the bundled corpus gets distinct, readable labels and unique slugs', () => {
  const labels = atlas.topics.map((topic) => topic.label);
  assert.equal(new Set(labels).size, labels.length);
  assert.equal(new Set(atlas.topics.map((topic) => topic.slug)).size, labels.length);
  for (const topic of atlas.topics) {
    assert.ok(topic.keywords.length > 0 && topic.keywords.length <= 10);
    for (const keyword of topic.keywords) assert.ok(!isStopWord(keyword.toLowerCase()) && !/^\d+$/.test(keyword), keyword);
    const parts = topic.label.split(' · ');
    assert.ok(parts.length >= 2 && parts.length <= 3, topic.label);
  }
  assert.ok(labels.some((label) => /reinforcement learning|RLHF|reward/.test(label)), labels.join(' | '));
  assert.ok(labels.some((label) => /code generation/.test(label)), labels.join(' | '));
  assert.ok(labels.some((label) => /continual learning/.test(label)), labels.join(' | '));
});

test('the bundled corpus labels and top keywords hold no generic word on its own', () => {
  const generic = ['loop', 'large', 'algorithms', 'time', 'model', 'models', 'method', 'framework', 'performance', 'results', 'tasks', 'data', 'learning', 'approach', 'problem', 'based', 'using', 'new', 'propose'];
  for (const topic of atlas.topics) {
    const terms = [...topic.label.split(' · '), ...topic.keywords.slice(0, 5)];
    for (const term of terms) assert.ok(!generic.includes(term.toLowerCase()) && !isGenericTerm(term), `${term} in ${topic.label}`);
  }
});

test('the bundled corpus labels share no term between topics', () => {
  const terms = atlas.topics.flatMap((topic) => topic.label.split(' · '));
  assert.equal(new Set(terms).size, terms.length, terms.join(' | '));
});

test('the bundled corpus places every paper in the unit square with related papers', () => {
  for (const paper of atlas.papers) {
    assert.ok(paper.x >= 0 && paper.x <= 1 && paper.y >= 0 && paper.y <= 1);
    assert.equal(paper.related.length, 5);
    assert.ok(paper.related.every((related) => related.slug !== paper.slug && related.shared.length <= 5));
    assert.ok(paper.related[0]!.similarity >= paper.related[4]!.similarity);
  }
  const selfConsuming = atlas.papers.find((paper) => paper.title.startsWith('Self-Correcting Self-Consuming'))!;
  assert.ok(selfConsuming.related.some((related) => related.shared.length > 0));
});

test('layout keeps a topic\'s papers nearer their own centre than other topics\' centres', () => {
  let nearestOwn = 0;
  for (const paper of atlas.papers) {
    const distances = atlas.topics.map((topic) => Math.hypot(paper.x - topic.centroid[0], paper.y - topic.centroid[1]));
    const nearest = distances.indexOf(Math.min(...distances));
    if (nearest === paper.topic) nearestOwn++;
  }
  assert.ok(nearestOwn / atlas.papers.length > 0.9, `${nearestOwn} of ${atlas.papers.length}`);
});

/** Synthetic papers from a few vocabularies, enough for two levels. */
function syntheticPapers(count: number): TopicInput[] {
  const vocabularies = [
    ['protein', 'folding', 'molecule', 'binding', 'enzyme', 'ligand', 'docking', 'residue'],
    ['graph', 'vertex', 'edge', 'coloring', 'planar', 'matching', 'spanning', 'tree'],
    ['image', 'pixel', 'segmentation', 'camera', 'depth', 'stereo', 'texture', 'convolution'],
    ['wireless', 'channel', 'antenna', 'fading', 'spectrum', 'relay', 'interference', 'mimo'],
  ];
  return Array.from({ length: count }, (_, index) => {
    const words = vocabularies[index % 4]!;
    const picked = Array.from({ length: 12 }, (_, offset) => words[(index * 7 + offset * 3 + Math.floor(index / 4)) % 8]!);
    return { slug: `s${index}`, title: `${words[index % 8]} ${words[(index + 3) % 8]}`, abstract: picked.join(' ') };
  });
}

test('buildAtlas builds two levels above a few hundred papers, each subtopic inside its theme', () => {
  const synthetic = buildAtlas(syntheticPapers(400));
  assert.equal(synthetic.levels, 2);
  const byId = new Map(synthetic.topics.map((topic) => [topic.id, topic]));
  for (const paper of synthetic.papers) {
    const topic = byId.get(paper.topic)!;
    if (topic.level === 1) assert.equal(byId.get(topic.parent!)!.level, 0);
  }
  for (const topic of synthetic.topics.filter((candidate) => candidate.level === 0)) {
    const childSizes = synthetic.topics.filter((child) => child.parent === topic.id).reduce((sum, child) => sum + child.size, 0);
    assert.ok(childSizes === 0 || childSizes === topic.size);
  }
});

test('buildAtlas handles an empty list and a single paper', () => {
  assert.deepEqual(buildAtlas([]), { version: 1, levels: 1, topics: [], papers: [] });
  const single = buildAtlas([{ slug: 'only', title: 'Graph coloring', abstract: 'We color planar graphs.' }]);
  assert.equal(single.topics.length, 1);
  assert.equal(single.papers[0]!.topic, 0);
  assert.deepEqual(single.papers[0]!.related, []);
});
