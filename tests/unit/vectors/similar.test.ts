import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { buildTopicModel } from '../../../src/lib/topics/pipeline.ts';
import { topicText } from '../../../src/lib/topics/atlas-schema.ts';
import { buildVectorPack } from '../../../src/lib/vectors/pack.ts';
import { openSimilarIndex, type SimilarIndex } from '../../../src/lib/vectors/query.ts';
import { candidateTerms, projectRow, weighTerms } from '../../../src/lib/vectors/text-vector.ts';
import { decodePack, intSection } from '../../../src/lib/vectors/pack-file.ts';
import type { TermShardHeader, VectorManifest } from '../../../src/lib/vectors/format.ts';
import { fnv1a, shardWordOf } from '../../../src/lib/vectors/text-vector.ts';
import { bundledTopicInputs } from '../bundled-corpus.ts';

const papers = bundledTopicInputs();
assert.ok(papers.length > 100, 'content/ must hold the bundled papers');
const model = buildTopicModel(papers);
const pack = buildVectorPack({ papers, atlas: model.atlas, termKeys: model.termKeys, termBasis: model.termBasis, dimensions: model.dimensions });
const manifest = JSON.parse(new TextDecoder().decode(pack.files.get('manifest.json'))) as VectorManifest;
const read: string[] = [];
const openIndex = (): Promise<SimilarIndex> =>
  openSimilarIndex(async (path) => {
    read.push(path);
    const bytes = pack.files.get(path);
    if (!bytes) throw new Error(`no file ${path}`);
    return bytes;
  });

/** A text projected the browser's way: from the published term shards only (manifest, hashing, int8 basis rows). */
function projectFromFiles(text: string): Float32Array {
  const shards = new Map<number, ReturnType<typeof decodePack<TermShardHeader>>>();
  const shardOf = (key: string) => {
    const shard = fnv1a(shardWordOf(key)) % manifest.termShardCount;
    if (!shards.has(shard)) shards.set(shard, decodePack<TermShardHeader>(inflateRawSync(pack.files.get(`terms/${shard}.bin`)!)));
    return shards.get(shard)!;
  };
  const basis = new Map<number, Float32Array>();
  const row = weighTerms(candidateTerms(text), (key) => {
    const { header, sections } = shardOf(key);
    const index = header.keys.indexOf(key);
    if (index < 0) return undefined;
    const column = header.firstColumn + index;
    const scale = (sections.scales as Float32Array)[index]!;
    basis.set(column, Float32Array.from((sections.codes as Int8Array).subarray(index * manifest.dimensions, (index + 1) * manifest.dimensions), (code) => code * scale));
    return { column, documentFrequency: intSection(sections.df)[index]! };
  }, manifest);
  return projectRow(row, (column) => basis.get(column), manifest.dimensions);
}

test("projecting a paper's text through the published files gives the build's vector of that paper", () => {
  for (const row of [0, 17, 64, papers.length - 1]) {
    const projected = projectFromFiles(topicText(papers[row]!));
    const built = pack.vectors.subarray(row * manifest.dimensions, (row + 1) * manifest.dimensions);
    let cosine = 0;
    for (let d = 0; d < manifest.dimensions; d++) {
      assert.ok(Math.abs(projected[d]! - built[d]!) < 1e-5, `paper ${row}, dimension ${d}: ${projected[d]} vs ${built[d]}`);
      cosine += projected[d]! * built[d]!;
    }
    assert.ok(cosine > 0.99999, `paper ${row}: cosine ${cosine}`);
  }
});

test("a paper's own title and abstract find that paper first, with at least ten papers and the words they share", async () => {
  const index = await openIndex();
  const paper = papers[17]!;
  const answer = await index.queryText(`${paper.title}\n\n${paper.abstract}`);
  assert.equal(answer.status, 'ok');
  if (answer.status !== 'ok') return;
  assert.ok(answer.papers.length >= 10);
  assert.equal(answer.papers[0]!.slug, paper.slug);
  assert.ok(answer.papers[0]!.shared.length > 0);
  assert.ok(answer.topics.length > 0);
  for (let rank = 1; rank < answer.papers.length; rank++) assert.ok(answer.papers[rank]!.slug !== answer.papers[rank - 1]!.slug);
});

test('a paper query leaves the paper out and reads only the shards it needs', async () => {
  read.length = 0;
  const index = await openIndex();
  const paper = model.atlas.papers[5]!;
  const answer = await index.queryPaper(paper.slug, paper.topic, { minCandidates: 10 });
  assert.equal(answer.status, 'ok');
  if (answer.status !== 'ok') return;
  assert.ok(answer.papers.length >= 10);
  assert.ok(answer.papers.every((result) => result.slug !== paper.slug));
  assert.ok(answer.papers.some((result) => result.shared.length > 0));
  const paperShards = [...pack.files.keys()].filter((path) => path.startsWith('papers/'));
  const paperShardsRead = read.filter((path) => path.startsWith('papers/'));
  assert.ok(paperShards.length > 3);
  // The three nearest topics (the least a query reads), the paper's own among them.
  assert.equal(paperShardsRead.length, 3, paperShardsRead.join(' '));
  assert.ok(paperShardsRead.includes(`papers/${paper.topic}.bin`));
});

test('empty text, no known word, another script and symbols give a message; a long text a notice', async () => {
  const index = await openIndex();
  const messageOf = async (text: string) => {
    const answer = await index.queryText(text);
    return answer.status === 'message' ? answer.message : `ok: ${answer.notices.join(' ')}`;
  };
  assert.match(await messageOf(''), /Paste a title and abstract/);
  assert.match(await messageOf('  \n\t '), /Paste a title and abstract/);
  assert.match(await messageOf('42 17 — !!! the and of'), /no words the atlas can compare/);
  assert.match(await messageOf('zzqx florbnik'), /None of the words/);
  assert.match(await messageOf('Обучение с подкреплением'), /None of the words/);
  assert.match(await messageOf('agents'), /^ok: Only one known term/);
  assert.match(await messageOf(`${papers[3]!.abstract} `.repeat(200)), /^ok: Only the first 20,000 of [\d,]+ characters were read\./);
});

test('the vector files are the same bytes on every build', () => {
  const again = buildVectorPack({ papers, atlas: model.atlas, termKeys: model.termKeys, termBasis: model.termBasis, dimensions: model.dimensions });
  assert.deepEqual([...again.files.keys()].sort(), [...pack.files.keys()].sort());
  for (const [path, bytes] of pack.files) assert.deepEqual(again.files.get(path), bytes, path);
});
