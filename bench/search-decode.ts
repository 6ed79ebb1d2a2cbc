/**
 * Shard decode benchmark: `node bench/search-decode.ts <dist>` (a built site; default `dist`).
 *
 * For the largest head and body shards of the published index (largest once inflated), the time from the fetched
 * bytes to a MiniSearch index ready to search, as the engine does it: inflate (DecompressionStream), decode the
 * compact text (shard-codec.ts) and fill the index (shard-load.ts `loadShard`). Beside it, the same shard as the
 * JSON of manifest version 1, loaded the version-1 way (`JSON.parse`, then `MiniSearch.loadJS` of the plain object). Median of 15 runs
 * after 3 warm-ups. Prints a table and writes bench/results/search-decode.json.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { inflateText } from '../src/lib/bytes/inflate.ts';
import type { SearchManifest, ShardFile } from '../src/lib/search/manifest.ts';
import { bodyIndexOptions, headIndexOptions, type SearchDoc } from '../src/lib/search/options.ts';
import { decodeShard, shardFileOf } from '../src/lib/search/shard-codec.ts';
import { loadShard, plainObjectOf } from '../src/lib/search/shard-load.ts';
import { projectRoot } from './atlas-build.ts';
import { readPublishedSearchIndex } from './published-search.ts';

const RUNS = 15;
const WARM_UPS = 3;

async function median(run: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < WARM_UPS; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[RUNS >> 1]! * 100) / 100;
}

const distDir = resolve(process.argv[2] ?? join(projectRoot, 'dist'));
const files = await readPublishedSearchIndex(distDir);
const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as SearchManifest;
const rows = [];
for (const stage of ['head', 'body'] as const) {
  const fieldCount = Object.keys(manifest[stage].fieldIds).length;
  const options = stage === 'head' ? headIndexOptions : bodyIndexOptions;
  let largest: { file: string; bytes: Uint8Array; text: string } | undefined;
  for (const [file, bytes] of files) {
    if (!file.startsWith(`${stage}-`)) continue;
    const text = await inflateText(bytes);
    if (!largest || text.length > largest.text.length) largest = { file, bytes, text };
  }
  if (!largest) throw new Error(`${distDir}/search-index has no ${stage} shards`);
  const { file, bytes, text } = largest;
  const shard = decodeShard(text, fieldCount);
  const json = JSON.stringify(shardFileOf(shard));
  const load = (text: string) => loadShard(decodeShard(text, fieldCount), manifest[stage], manifest.documentCount, options);
  const loadJson = (json: string) => MiniSearch.loadJS<SearchDoc>(plainObjectOf(JSON.parse(json) as ShardFile, manifest[stage], manifest.documentCount), options);
  const postings = shard.entries.reduce((sum, [, fields]) => sum + [...fields.values()].reduce((n, postingsOf) => n + postingsOf.size, 0), 0);
  rows.push({
    stage,
    file,
    terms: shard.entries.length,
    postings,
    deflatedBytes: bytes.length,
    compactBytes: Buffer.byteLength(text),
    jsonBytes: Buffer.byteLength(json),
    inflateMs: await median(() => inflateText(bytes)),
    decodeMs: await median(() => decodeShard(text, fieldCount)),
    loadMs: await median(() => load(text)),
    totalMs: await median(async () => load(await inflateText(bytes))),
    jsonTotalMs: await median(() => loadJson(json)),
  });
}

console.log(`\nLargest shards of ${distDir} (${manifest.documentCount.toLocaleString('en')} papers), median of ${RUNS} runs, ms\n`);
console.log('| stage | file | terms | postings | deflated / compact / JSON v1 bytes | inflate | decode | decode + load | total (v2) | JSON v1 parse + load |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.stage} | ${row.file} | ${row.terms} | ${row.postings} | ${row.deflatedBytes} / ${row.compactBytes} / ${row.jsonBytes} | ${row.inflateMs} | ${row.decodeMs} | ${row.loadMs} | ${row.totalMs} | ${row.jsonTotalMs} |`,
  );
}
await writeFile(join(projectRoot, 'bench', 'results', 'search-decode.json'), `${JSON.stringify({ measured: new Date().toISOString(), documentCount: manifest.documentCount, rows }, null, 2)}\n`);
