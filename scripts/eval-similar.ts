/**
 * Quality of "papers like this text" (/similar/) against reference labels.
 *
 *   npm run eval:similar -- <labelled.jsonl> [--holdout N] [--limit N] [--seed N]
 *
 * Each line: {"title", "abstract", "label" | "labels": [...]} (the first label counts). Every (total / N)-th paper
 * is held out (N = 300 by default); the atlas and its vector files are built from the others exactly as the site
 * builds them; each held-out title + abstract is then asked through the same query code the browser's worker runs,
 * and the top 10 papers are scored by label (precision@10: the share with the held-out paper's label). Prints the
 * figure of the shipped ranking and of its parts, and the bytes each query read.
 */
import { gzipSync } from 'node:zlib';
import type { TopicInput } from '../src/lib/topics/atlas-schema.ts';
import { buildTopicModel } from '../src/lib/topics/pipeline.ts';
import { buildVectorPack } from '../src/lib/vectors/pack.ts';
import { openSimilarIndex, type SimilarOptions } from '../src/lib/vectors/query.ts';
import { readLabelledCorpus } from './labelled-corpus.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} expects a positive whole number, found ${JSON.stringify(process.argv[index + 1])}`);
  return value;
}

/** The labelled papers as topic inputs, each with its label. */
function readLabelled(path: string, limit: number): Array<{ paper: TopicInput; label: string }> {
  return readLabelledCorpus(path, limit).map(({ title, abstract, label }, index) => ({ paper: { slug: `p${index}`, title, abstract }, label }));
}

const path = process.argv.slice(2).find((argument, index, all) => !argument.startsWith('--') && !all[index - 1]?.startsWith('--'));
if (!path) {
  console.error('usage: npm run eval:similar -- <labelled.jsonl> [--holdout 300] [--limit N] [--seed 1]');
  process.exit(2);
}
const records = readLabelled(path, option('limit', Number.MAX_SAFE_INTEGER));
const holdoutCount = Math.min(option('holdout', 300), Math.floor(records.length / 2));
const step = Math.floor(records.length / holdoutCount);
const isHeldOut = (index: number) => index % step === step - 1 && Math.floor(index / step) < holdoutCount;
const heldOut = records.filter((_, index) => isHeldOut(index));
const atlasRecords = records.filter((_, index) => !isHeldOut(index));
console.log(`${path}: ${records.length} papers, ${heldOut.length} held out, atlas of ${atlasRecords.length}`);

const startedMs = performance.now();
const papers = atlasRecords.map((record) => record.paper);
const model = buildTopicModel(papers, { seed: option('seed', 1) });
const pack = buildVectorPack({ papers, atlas: model.atlas, termKeys: model.termKeys, termBasis: model.termBasis, dimensions: model.dimensions });
console.log(`atlas and vector files built in ${((performance.now() - startedMs) / 1000).toFixed(1)} s: ${pack.files.size} files`);
const labelOfSlug = new Map(atlasRecords.map((record) => [record.paper.slug, record.label]));
const gzipSizeOf = new Map([...pack.files].map(([file, bytes]) => [file, gzipSync(bytes).length]));

const variants: Array<{ name: string; options: SimilarOptions }> = [
  { name: 'exact TF-IDF cosine, all papers', options: { exhaustive: true, shortlist: papers.length, exactWeight: 1, feedback: 0, topicWeight: 0 } },
  { name: `LSA(${model.dimensions}) int8 cosine, all papers`, options: { exhaustive: true, exactWeight: 0, feedback: 0, topicWeight: 0 } },
  { name: 'LSA int8, nearest topics only', options: { exactWeight: 0, feedback: 0, topicWeight: 0 } },
  { name: '+ exact TF-IDF re-rank of the best 100', options: { feedback: 0, topicWeight: 0 } },
  { name: '+ feedback from the best 10', options: { topicWeight: 0 } },
  { name: '+ topic closeness (shipped)', options: {} },
];
const rows: string[][] = [];
for (const variant of variants) {
  const read = new Set<string>();
  const open = () =>
    openSimilarIndex(async (file) => {
      read.add(file);
      return pack.files.get(file) ?? Promise.reject(new Error(`no file ${file}`));
    });
  let precision = 0;
  let bytes = 0;
  let answered = 0;
  const variantStartedMs = performance.now();
  for (const { paper, label } of heldOut) {
    read.clear();
    // A fresh index per query: the bytes are those of a visitor's first question.
    const index = await open();
    const answer = await index.queryText(`${paper.title}\n\n${paper.abstract}`, { count: 10, ...variant.options });
    if (answer.status !== 'ok') continue;
    answered++;
    precision += answer.papers.filter((result) => labelOfSlug.get(result.slug) === label).length / 10;
    for (const file of read) bytes += gzipSizeOf.get(file) ?? 0;
  }
  const msPerQuery = (performance.now() - variantStartedMs) / heldOut.length;
  rows.push([variant.name, (precision / heldOut.length).toFixed(3), `${answered}/${heldOut.length}`, `${Math.round(bytes / Math.max(1, answered) / 1024)} KB`, msPerQuery.toFixed(1)]);
}
const header = ['ranking', 'precision@10', 'answered', 'files read by a first query (gzip)', 'ms/query (Node)'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
