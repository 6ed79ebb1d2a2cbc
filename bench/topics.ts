/**
 * Topic-step benchmark on deterministic subsets of the real arXiv corpora in ../shared/corpora.
 *
 *   node bench/topics.ts [1000|10000|100000 ...]   (default: 1000 10000)
 *
 * Sizes up to 10,000 take the first N records of arxiv-cs-oai2016-10k.jsonl (already a hash-ordered random sample);
 * larger sizes take every k-th record of the full arxiv-cs-oai2016.jsonl. Each size runs in its own process so its
 * peak RSS is its own. Prints a table of stage times and writes bench/results/topics.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTopicModel } from '../src/lib/topics/pipeline.ts';
import { measureEachSizeInChild } from './measure.ts';
import type { TopicInput } from '../src/lib/topics/atlas-schema.ts';

const corporaDirectory = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
const sampleFile = `${corporaDirectory}arxiv-cs-oai2016-10k.jsonl`;
const fullFile = `${corporaDirectory}arxiv-cs-oai2016.jsonl`;

interface SizeResult {
  papers: number;
  source: string;
  topics: number;
  levels: number;
  totalSeconds: number;
  peakRssMb: number;
  stages: Array<{ stage: string; seconds: number }>;
}

function loadPapers(size: number): { papers: TopicInput[]; source: string } {
  const file = size <= 10000 ? sampleFile : fullFile;
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim());
  const stride = size <= 10000 ? 1 : Math.max(1, lines.length / size);
  const papers: TopicInput[] = [];
  for (let position = 0; papers.length < size && Math.floor(position) < lines.length; position += stride) {
    const record = JSON.parse(lines[Math.floor(position)]!) as { id: string; title: string; abstract: string };
    papers.push({ slug: `p${papers.length}`, sourceId: record.id, title: record.title, abstract: record.abstract });
  }
  return { papers, source: `${file.slice(corporaDirectory.length)}${stride > 1 ? ` every ${stride.toFixed(3)}th` : ` first ${papers.length}`}` };
}

function runOne(size: number): SizeResult {
  const { papers, source } = loadPapers(size);
  const started = performance.now();
  const model = buildTopicModel(papers, { seed: 1, log: (line) => process.stderr.write(`${line}\n`) });
  const totalSeconds = (performance.now() - started) / 1000;
  return {
    papers: papers.length,
    source,
    topics: model.atlas.topics.length,
    levels: model.atlas.levels,
    totalSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    stages: model.stageSeconds,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    process.stdout.write(JSON.stringify(runOne(Number(args[1]))));
    return;
  }
  if (!existsSync(sampleFile)) {
    console.log(`skipped: ${sampleFile} is absent (the benchmark needs ../shared/corpora)`);
    return;
  }
  const sizes = (args.length > 0 ? args : ['1000', '10000']).map(Number);
  const results = measureEachSizeInChild<SizeResult>(import.meta.url, sizes);
  const stageNames = [...new Set(results.flatMap((result) => result.stages.map((stage) => stage.stage)))];
  const header = ['papers', ...stageNames, 'total s', 'peak RSS MB', 'topics'];
  console.log(header.map((cell) => cell.padStart(10)).join(''));
  for (const result of results) {
    const cells = [
      String(result.papers),
      ...stageNames.map((name) => (result.stages.find((stage) => stage.stage === name)?.seconds ?? 0).toFixed(2)),
      result.totalSeconds.toFixed(1),
      result.peakRssMb.toFixed(0),
      `${result.topics}/${result.levels}L`,
    ];
    console.log(cells.map((cell) => cell.padStart(10)).join(''));
  }
  const resultsDirectory = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(resultsDirectory, { recursive: true });
  // Sizes this run did not measure keep their earlier result, as bench/run.ts does.
  const path = `${resultsDirectory}topics.json`;
  const earlier = existsSync(path) ? ((JSON.parse(readFileSync(path, 'utf8')) as { results?: SizeResult[] }).results ?? []) : [];
  const merged = [...earlier.filter((old) => !results.some((result) => result.papers === old.papers)), ...results].sort((a, b) => a.papers - b.papers);
  writeFileSync(path, `${JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, results: merged }, null, 2)}\n`);
  console.log(`wrote bench/results/topics.json`);
}

main();
