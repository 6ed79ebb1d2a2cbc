/**
 * Do the deep-learning topics rise on /trends/? A check of the trends page of a built atlas.
 *
 *   node scripts/eval-trends.ts [dist]        (default: dist/; build it from arxiv-cs-oai2016-10k.jsonl first)
 *
 * Reads the built `trends/index.html` (the lists as a reader sees them) and `atlas.json` (each topic's keywords and
 * papers per year). A topic counts as deep learning when its label or keywords name neural networks, deep learning,
 * convolutional or recurrent networks, LSTMs or word embeddings. Prints both lists, the share of the atlas's papers
 * that deep-learning topics hold each year, and exits 1 unless (a) at least one deep-learning topic is in the
 * rising list, (b) none is in the fading list and (c) their share of 2014–2016 papers is at least twice their share
 * of the papers before 2013.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AtlasData, AtlasTopic } from '../src/lib/topics/atlas-schema.ts';
import { papersPerYear } from '../src/lib/trends/growth.ts';

const DEEP_LEARNING = /\b(neural net\w*|deep (learning|neural|convolutional|networks?)|convolutional neural|recurrent neural|lstm|word embeddings?|word2vec|cnns?|rnns?)\b/i;

const dist = resolve(process.argv[2] ?? 'dist');
const atlas = JSON.parse(readFileSync(join(dist, 'atlas.json'), 'utf8')) as AtlasData;
const html = readFileSync(join(dist, 'trends', 'index.html'), 'utf8');
const topicBySlug = new Map(atlas.topics.map((topic) => [topic.slug, topic]));

/** The topic slugs of one list of the built page, in page order. */
function listed(direction: 'rising' | 'fading'): AtlasTopic[] {
  const start = html.indexOf(`data-trend-list="${direction}"`);
  if (start < 0) return [];
  const end = html.indexOf('</ol>', start);
  const list = html.slice(start, end < 0 ? undefined : end);
  return [...list.matchAll(/data-trend-entry="([^"]+)"/g)].map((match) => topicBySlug.get(match[1]!)!).filter(Boolean);
}

const isDeepLearning = (topic: AtlasTopic) => DEEP_LEARNING.test(`${topic.label} ${topic.keywords.join(' ')}`);
const parents = new Set(atlas.topics.flatMap((topic) => (topic.parent === null ? [] : [topic.parent])));
const deepTopics = atlas.topics.filter((topic) => !parents.has(topic.id) && isDeepLearning(topic));
const rising = listed('rising');
const fading = listed('fading');
for (const [name, topics] of [['rising', rising], ['fading', fading]] as const) {
  console.log(`${name} (${topics.length}):`);
  for (const topic of topics) console.log(`  ${isDeepLearning(topic) ? 'DL ' : '   '}${topic.label}  [${topic.keywords.slice(0, 6).join(', ')}]`);
}

const perYear = papersPerYear(atlas);
const deepPerYear = new Map<number, number>();
for (const topic of deepTopics) for (const [year, count] of Object.entries(topic.years ?? {})) deepPerYear.set(Number(year), (deepPerYear.get(Number(year)) ?? 0) + count);
console.log(`\ndeep-learning topics (leaf): ${deepTopics.map((topic) => topic.label).join('; ')}`);
console.log('year  papers  deep-learning share');
let before = [0, 0];
let after = [0, 0];
for (const [year, total] of perYear) {
  const deep = deepPerYear.get(year) ?? 0;
  if (year < 2013) before = [before[0]! + deep, before[1]! + total];
  if (year >= 2014) after = [after[0]! + deep, after[1]! + total];
  if (year >= 2000) console.log(`${year}  ${String(total).padStart(6)}  ${((100 * deep) / total).toFixed(1).padStart(5)} %`);
}
const shareBefore = before[0]! / Math.max(1, before[1]!);
const shareAfter = after[0]! / Math.max(1, after[1]!);
console.log(`\nshare before 2013: ${(100 * shareBefore).toFixed(2)} %, 2014–2016: ${(100 * shareAfter).toFixed(2)} % (×${(shareAfter / shareBefore).toFixed(1)})`);

const failures = [
  ...(rising.some(isDeepLearning) ? [] : ['no deep-learning topic in the rising list']),
  ...fading.filter(isDeepLearning).map((topic) => `deep-learning topic ${topic.label} is in the fading list`),
  ...(shareAfter >= 2 * shareBefore ? [] : ['the deep-learning share of 2014–2016 is under twice its share before 2013']),
];
for (const failure of failures) console.error(`FAIL: ${failure}`);
if (failures.length === 0) console.log('OK: the deep-learning topics rise after 2013');
process.exit(failures.length === 0 ? 0 : 1);
