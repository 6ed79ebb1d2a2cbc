/**
 * How well topic URLs last from one build to the next (src/lib/topics/topic-urls.ts), on the arXiv-cs 10k sample.
 *
 *   node scripts/eval-topic-urls.ts [--trials N] [--size N] [--seed N]
 *
 * - Adding 1 %: the atlas of the first `size` papers of arxiv-cs-oai2016-10k.jsonl, then the atlas of those papers
 *   plus 1 % more from the full file (the papers not in the sample whose SHA-1 of the id sorts lowest: how the sample
 *   itself was drawn; trial t takes the t-th hundred). Counted: the old topic URLs that are still a topic's page,
 *   with the matching and without it (slugs from labels, as every build did before), and those that redirect.
 * - Removing 1 % and adding it back: the atlas without 1 % of the papers (a seeded sample per trial) matched to the
 *   first, then the atlas of all papers again matched to that one. Counted: the first atlas's URLs that are topic
 *   pages again (target: all), and the redirects left over. (Without matching this is trivially all: the fit is
 *   deterministic, so the third atlas is the first. With it, the third atlas's slugs come from the second's.)
 *
 * Prints a table and writes bench/results/topic-urls.json. Papers get the site's slugs (src/lib/ingest/slug.ts, from
 * title and arXiv id), so a paper has the same slug in every atlas, as on the site.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { FULL_FILE, SAMPLE_FILE, readCorpus, type CorpusRecord } from '../bench/corpus.ts';
import { assignSlugs } from '../src/lib/ingest/slug.ts';
import type { AtlasData, TopicInput } from '../src/lib/topics/atlas-schema.ts';
import { buildAtlas } from '../src/lib/topics/pipeline.ts';
import { createRandom, sampleIndices } from '../src/lib/topics/random.ts';
import { matchTopicUrls } from '../src/lib/topics/topic-urls.ts';
import { compareCodeUnits } from '../src/lib/text/compare.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: expected a positive integer; got ${String(args[index + 1])}`);
  return value;
};
const trials = option('trials', 3);
const size = option('size', 10_000);
const seed = option('seed', 1);
const onePercent = Math.max(1, Math.round(size / 100));

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');
const sample = await readCorpus(SAMPLE_FILE, size);
const inSample = new Set(sample.map((record) => record.id));
const extraCount = trials * onePercent;
const extras = (await readCorpus(FULL_FILE, Number.POSITIVE_INFINITY))
  .filter((record) => !inSample.has(record.id))
  .map((record) => ({ record, hash: sha1(record.id) }))
  .sort((a, b) => compareCodeUnits(a.hash, b.hash))
  .slice(0, extraCount)
  .map(({ record }) => record);
if (sample.length < size || extras.length < extraCount) throw new Error(`${SAMPLE_FILE}: expected ${size} papers and ${extraCount} more in ${FULL_FILE}`);

// Slugs as the site makes them, over every paper any atlas here holds.
const everyRecord = [...sample, ...extras];
const slugged = assignSlugs(everyRecord.map((record) => ({ title: record.title, abstract: record.abstract, arxivId: record.id })));
const inputOf = new Map<CorpusRecord, TopicInput>(everyRecord.map((record, index) => [record, { slug: slugged[index]!.slug, sourceId: record.id, title: record.title, abstract: record.abstract }]));
const inputs = (records: readonly CorpusRecord[]): TopicInput[] => records.map((record) => inputOf.get(record)!);

const fitSeconds: number[] = [];
function fit(records: readonly CorpusRecord[]): AtlasData {
  const startedMs = performance.now();
  const atlas = buildAtlas(inputs(records), { seed });
  fitSeconds.push((performance.now() - startedMs) / 1000);
  return atlas;
}

const slugsOf = (atlas: AtlasData): Set<string> => new Set(atlas.topics.map((topic) => topic.slug));
const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

/** Of `before`'s topic URLs: how many are a topic page in `after`, how many redirect, per level and in all. */
function kept(before: AtlasData, after: AtlasData): { all: number; themes: number; subtopics: number; redirected: number } {
  const live = slugsOf(after);
  const moved = new Set((after.moved ?? []).map((entry) => entry.slug));
  const hasChildren = new Set(before.topics.flatMap((topic) => (topic.parent === null ? [] : [topic.parent])));
  const themes = before.topics.filter((topic) => hasChildren.has(topic.id));
  const subtopics = before.topics.filter((topic) => !hasChildren.has(topic.id));
  const keptShare = (topics: typeof before.topics) => share(topics.filter((topic) => live.has(topic.slug)).length, topics.length);
  return {
    all: keptShare(before.topics),
    themes: keptShare(themes),
    subtopics: keptShare(subtopics),
    redirected: share(before.topics.filter((topic) => moved.has(topic.slug)).length, before.topics.length),
  };
}

console.log(`topic URLs on ${size} papers of arxiv-cs-oai2016-10k.jsonl, seed ${seed}, ${trials} trials of 1 % (${onePercent} papers)`);
const base = fit(sample);
console.log(`first atlas: ${base.topics.length} topics (${base.levels} levels) in ${fitSeconds[0]!.toFixed(1)} s`);

const rows: Array<Record<string, string | number>> = [];
const results: Array<Record<string, unknown>> = [];
let matchMs = 0;
for (let trial = 0; trial < trials; trial++) {
  const grown = fit([...sample, ...extras.slice(trial * onePercent, (trial + 1) * onePercent)]);
  const startedMs = performance.now();
  const matched = matchTopicUrls(grown, base).atlas;
  matchMs = Math.max(matchMs, performance.now() - startedMs);
  const withMatching = kept(base, matched);
  const withoutMatching = kept(base, grown);
  rows.push({
    change: `+1 % (trial ${trial + 1})`,
    topics: `${base.topics.length} → ${grown.topics.length}`,
    'kept, labels only': percent(withoutMatching.all),
    'kept after −1 %': '–',
    kept: percent(withMatching.all),
    'kept themes': percent(withMatching.themes),
    'kept subtopics': percent(withMatching.subtopics),
    redirect: percent(withMatching.redirected),
  });
  results.push({ change: 'add 1%', trial: trial + 1, topicsBefore: base.topics.length, topicsAfter: grown.topics.length, keptWithoutMatching: withoutMatching.all, ...withMatching });
}
for (let trial = 0; trial < trials; trial++) {
  const removed = new Set(sampleIndices(createRandom(seed * 1000 + trial), sample.length, onePercent));
  const fewer = fit(sample.filter((_, index) => !removed.has(index)));
  const between = matchTopicUrls(fewer, base).atlas;
  // The atlas of all papers again: the fit is deterministic (same papers, same order, same seed: the same bytes, a unit
  // test checks it), so the first fit stands for it.
  const again = matchTopicUrls(base, between).atlas;
  const roundTrip = kept(base, again);
  const inBetween = kept(base, between);
  const identical = base.topics.every((topic, index) => again.topics[index]!.slug === topic.slug);
  rows.push({
    change: `−1 % +1 % (trial ${trial + 1})`,
    topics: `${base.topics.length} → ${fewer.topics.length} → ${again.topics.length}`,
    'kept, labels only': percent(kept(base, base).all),
    'kept after −1 %': percent(inBetween.all),
    kept: percent(roundTrip.all),
    'kept themes': percent(roundTrip.themes),
    'kept subtopics': percent(roundTrip.subtopics),
    redirect: `${again.moved?.length ?? 0} slugs of the middle atlas`,
  });
  results.push({
    change: 'remove 1% and add it back',
    trial: trial + 1,
    topicsBetween: fewer.topics.length,
    keptInBetween: inBetween.all,
    ...roundTrip,
    sameSlugsAsFirst: identical,
    redirectsLeft: again.moved?.length ?? 0,
  });
}
console.table(rows);
console.log(`matching ${base.topics.length} topics of ${size} papers: ${matchMs.toFixed(0)} ms at most; fits ${fitSeconds.map((seconds) => seconds.toFixed(1)).join(', ')} s`);

const outDir = join(import.meta.dirname, '..', 'bench', 'results');
await mkdir(outDir, { recursive: true });
await writeFile(
  join(outDir, 'topic-urls.json'),
  `${JSON.stringify({ machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}`, size, seed, onePercent, results }, null, 1)}\n`,
);
