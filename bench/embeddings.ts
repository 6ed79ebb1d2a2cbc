/**
 * The topic step with vectors the user brings, at scale: 1,024-number embeddings for every paper.
 *
 *   node bench/embeddings.ts [papers ...]   (default: 100000)
 *
 * Papers are every k-th record of ../shared/corpora/arxiv-cs-oai2016.jsonl (as bench/topics.ts). Their embeddings
 * are synthetic but deterministic and shaped like a real model's: clustered Gaussians, one centre per arXiv primary
 * category (a seeded unit vector of 1,024 numbers) plus a per-paper seeded noise of the same norm, so neighbours are
 * papers of one category. Each embedding goes through what ingest does (parseEmbedding: check, sparse random projection
 * to 256, int8), then the all-or-nothing rule (embeddingRule) and the topic step with them (buildTopicModel). Each size
 * runs in its own process, so peak RSS is its own. Prints a table and writes bench/results/embeddings.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildTopicModel } from '../src/lib/topics/pipeline.ts';
import { measureEachSizeInChild } from './measure.ts';
import type { TopicInput } from '../src/lib/topics/atlas-schema.ts';
import { createRandom, randomNormal } from '../src/lib/topics/random.ts';
import { embeddingRule, parseEmbedding, type StoredEmbedding } from '../src/lib/vectors/embedding.ts';
import { fnv1a } from '../src/lib/vectors/text-vector.ts';

const corpusFile = fileURLToPath(new URL('../../shared/corpora/arxiv-cs-oai2016.jsonl', import.meta.url));
const SOURCE_DIMENSIONS = 1024;

interface SizeResult {
  papers: number;
  sourceDimensions: number;
  /** Numbers stored per paper (after ingest's random projection). */
  usedDimensions: number;
  /** Dimensions of the space the topic step placed papers in (pca.ts), and the share of the energy kept. */
  placedDimensions: number;
  varianceKept: number;
  topics: number;
  levels: number;
  ingestSeconds: number;
  topicSeconds: number;
  totalSeconds: number;
  /** Processor seconds of the whole run (user + system): the work itself, which a loaded shared machine does not inflate as it does wall time. */
  cpuSeconds: number;
  /** Mean number of runnable processes over the run (1-minute load average, sampled every 10 s). */
  loadAverage: number;
  peakRssMb: number;
  /** Share of related papers (5 per paper) of the paper's own category: the embeddings' structure, recovered. */
  relatedSameCategory: number;
  stages: Array<{ stage: string; seconds: number }>;
}

function unitGaussian(seed: number): Float64Array {
  const random = createRandom(seed);
  const vector = Float64Array.from({ length: SOURCE_DIMENSIONS }, () => randomNormal(random));
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function runOne(size: number): SizeResult {
  const lines = readFileSync(corpusFile, 'utf8').split('\n').filter((line) => line.trim());
  const stride = Math.max(1, lines.length / size);
  const papers: TopicInput[] = [];
  const categories: string[] = [];
  for (let position = 0; papers.length < size && Math.floor(position) < lines.length; position += stride) {
    const record = JSON.parse(lines[Math.floor(position)]!) as { id: string; title: string; abstract: string; labels?: string[] | string };
    papers.push({ slug: `p${papers.length}`, sourceId: record.id, title: record.title, abstract: record.abstract });
    const labels = Array.isArray(record.labels) ? record.labels : String(record.labels ?? 'cs').split(/[\s,;]+/);
    categories.push(labels[0] ?? 'cs');
  }
  lines.length = 0;
  const loadSamples = [loadavg()[0]!];
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 10_000);
  const startedCpu = process.cpuUsage();
  const started = performance.now();
  const centres = new Map<string, Float64Array>();
  const stored: StoredEmbedding[] = [];
  papers.forEach((_, row) => {
    const category = categories[row]!;
    let centre = centres.get(category);
    if (!centre) centres.set(category, (centre = unitGaussian(fnv1a(category))));
    const noise = unitGaussian(1_000_003 + row);
    // A JSON record's numbers, as ingest would read them (4 decimals, like a file).
    const numbers = Array.from(centre, (value, d) => Math.round((value + 0.9 * noise[d]!) * 1e4) / 1e4);
    const parsed = parseEmbedding(numbers);
    if (!parsed || !('embedding' in parsed)) throw new Error(`paper ${row}: ${parsed && 'problem' in parsed ? parsed.problem : 'no embedding'}`);
    stored.push(parsed.embedding);
  });
  const rule = embeddingRule(stored.map((embedding, row) => ({ embedding, source: { path: 'bench.jsonl', line: row + 1 } })));
  if (!rule.embeddings) throw new Error(`embeddings not used: ${rule.warning}`);
  const ingestSeconds = (performance.now() - started) / 1000;
  const topicStarted = performance.now();
  const model = buildTopicModel(papers, { seed: 1, embeddings: rule.embeddings, log: (line) => process.stderr.write(`${line}\n`) });
  const topicSeconds = (performance.now() - topicStarted) / 1000;
  clearInterval(sampler);
  const rowOfSlug = new Map(papers.map((paper, row) => [paper.slug, row]));
  let same = 0;
  let total = 0;
  model.atlas.papers.forEach((paper, row) => {
    for (const related of paper.related) {
      total++;
      if (categories[rowOfSlug.get(related.slug)!] === categories[row]) same++;
    }
  });
  return {
    papers: papers.length,
    sourceDimensions: SOURCE_DIMENSIONS,
    usedDimensions: rule.embeddings.dimensions,
    placedDimensions: model.placement.dimensions,
    varianceKept: model.placement.varianceKept,
    topics: model.atlas.topics.length,
    levels: model.atlas.levels,
    ingestSeconds,
    topicSeconds,
    totalSeconds: ingestSeconds + topicSeconds,
    cpuSeconds: cpuSecondsSince(startedCpu),
    loadAverage: Math.round((loadSamples.reduce((sum, value) => sum + value, 0) / loadSamples.length) * 10) / 10,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    relatedSameCategory: total > 0 ? same / total : 0,
    stages: model.stageSeconds,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    process.stdout.write(JSON.stringify(runOne(Number(args[1]))));
    return;
  }
  if (!existsSync(corpusFile)) {
    console.log(`skipped: ${corpusFile} is absent (the benchmark needs ../shared/corpora)`);
    return;
  }
  const sizes = (args.length > 0 ? args : ['100000']).map(Number);
  const results = measureEachSizeInChild<SizeResult>(import.meta.url, sizes, ['--max-old-space-size=6144']);
  const header = ['papers', 'dims', 'stored', 'placed', 'energy', 'ingest s', 'topics s', 'total s', 'cpu s', 'load avg', 'peak RSS MB', 'topics', 'related same cat.'];
  console.log(header.map((cell) => cell.padStart(12)).join(''));
  for (const result of results) {
    const cells = [
      String(result.papers),
      String(result.sourceDimensions),
      String(result.usedDimensions),
      String(result.placedDimensions),
      result.varianceKept.toFixed(3),
      result.ingestSeconds.toFixed(1),
      result.topicSeconds.toFixed(1),
      result.totalSeconds.toFixed(1),
      result.cpuSeconds.toFixed(1),
      result.loadAverage.toFixed(1),
      result.peakRssMb.toFixed(0),
      `${result.topics}/${result.levels}L`,
      result.relatedSameCategory.toFixed(3),
    ];
    console.log(cells.map((cell) => cell.padStart(12)).join(''));
    console.log(`  stages: ${result.stages.map(({ stage, seconds }) => `${stage} ${seconds.toFixed(1)} s`).join(', ')}`);
  }
  const resultsDirectory = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(resultsDirectory, { recursive: true });
  const path = `${resultsDirectory}embeddings.json`;
  const earlier = existsSync(path) ? ((JSON.parse(readFileSync(path, 'utf8')) as { results?: SizeResult[] }).results ?? []) : [];
  const merged = [...earlier.filter((old) => !results.some((result) => result.papers === old.papers)), ...results].sort((a, b) => a.papers - b.papers);
  writeFileSync(path, `${JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, results: merged }, null, 2)}\n`);
  console.log('wrote bench/results/embeddings.json');
}

main();
