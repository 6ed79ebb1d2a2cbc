import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEmbedding, embeddingRule, parseEmbedding, randomProjection, EMBEDDING_DIMENSIONS, type StoredEmbedding } from '../../../src/lib/vectors/embedding.ts';
import { formatIngestReport, ingestSourceFiles } from '../../../src/lib/ingest/ingest.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function stored(value: unknown): StoredEmbedding {
  const parsed = parseEmbedding(value);
  assert.ok(parsed && 'embedding' in parsed, `expected an embedding from ${JSON.stringify(value)}`);
  return parsed.embedding;
}

test('both shapes are read: a plain array and Semantic Scholar\'s { model, vector }', () => {
  const plain = stored([3, 4]);
  assert.equal(plain.dimensions, 2);
  assert.equal(plain.model, undefined);
  const vector = decodeEmbedding(plain);
  assert.ok(Math.abs(vector[0]! - 0.6) < 0.01 && Math.abs(vector[1]! - 0.8) < 0.01, `unit vector, got ${[...vector]}`);
  const shaped = stored({ model: 'allenai/specter2', vector: [3, 4] });
  assert.equal(shaped.model, 'allenai/specter2');
  assert.deepEqual(shaped.codes, plain.codes);
  assert.equal(parseEmbedding(undefined), undefined);
  assert.equal(parseEmbedding(null), undefined);
});

test('a long vector is projected to EMBEDDING_DIMENSIONS numbers and keeps its source length', () => {
  const random = createRandom(3);
  const long = stored(Array.from({ length: 1024 }, () => randomNormal(random)));
  assert.equal(long.dimensions, 1024);
  assert.equal(decodeEmbedding(long).length, EMBEDDING_DIMENSIONS);
});

test('every bad embedding is refused with the reason', () => {
  const problem = (value: unknown) => {
    const parsed = parseEmbedding(value);
    assert.ok(parsed && 'problem' in parsed, `expected a problem for ${JSON.stringify(value)}`);
    return parsed.problem;
  };
  assert.match(problem([]), /the vector is empty/);
  assert.match(problem({ model: 'x', vector: [] }), /the vector is empty/);
  assert.match(problem([1, 'x', 3]), /number 2 of 3 is "x", not a finite number/);
  assert.match(problem([1, null]), /number 2 of 2 is null/);
  assert.match(problem([1, Number.NaN]), /not a finite number/);
  assert.match(problem([1, Number.POSITIVE_INFINITY]), /not a finite number/);
  assert.match(problem('0.1 0.2'), /expected an array of numbers, found string/);
  assert.match(problem({ model: 'specter2' }), /needs a "vector" array/);
  assert.match(problem([0, 0, 0]), /every number is 0/);
});

test('a bad embedding in JSON Lines and JSON is a warning naming the file and line; the paper is kept without it', () => {
  const jsonl = [
    '{"title": "Graph networks", "abstract": "Message passing.", "embedding": [0.1, 0.2]}',
    '{"title": "Sparse attention", "abstract": "Long sequences.", "embedding": [0.1, "NaN"]}',
    '{"title": "Empty vector", "abstract": "Nothing.", "embedding": {"model": "specter2", "vector": []}}',
  ].join('\n');
  const json = '[\n  {"title": "Diffusion", "abstract": "Noise.", "embedding": {"model": "m", "vector": [1, 2]}},\n  {"title": "Bandits", "abstract": "Regret.", "embedding": [1, null]}\n]';
  const { papers, report } = ingestSourceFiles([
    { path: 'a.jsonl', bytes: bytes(jsonl) },
    { path: 'b.json', bytes: bytes(json) },
  ]);
  assert.equal(papers.length, 5);
  const byTitle = new Map(papers.map((paper) => [paper.title, paper]));
  assert.equal(byTitle.get('Graph networks')!.embedding?.dimensions, 2);
  assert.equal(byTitle.get('Diffusion')!.embedding?.model, 'm');
  assert.equal(byTitle.get('Sparse attention')!.embedding, undefined);
  assert.equal(byTitle.get('Bandits')!.embedding, undefined);
  const text = formatIngestReport(report);
  const problemsOf = (path: string) => report.files.find((file) => file.path === path)!.problems;
  assert.deepEqual(problemsOf('a.jsonl').map((problem) => [problem.line, problem.severity]), [[2, 'warning'], [3, 'warning']]);
  assert.match(problemsOf('a.jsonl')[0]!.message, /embedding ignored: number 2 of 2 is "NaN"/);
  assert.match(problemsOf('a.jsonl')[1]!.message, /the vector is empty/);
  assert.deepEqual(problemsOf('b.json').map((problem) => problem.line), [3]);
  assert.match(text, /a\.jsonl/);
  assert.match(text, /b\.json/);
});

const source = (path: string, line: number) => ({ path, line });

test('the atlas uses embeddings only when every paper has one of the same length', () => {
  const e2 = stored([1, 0]);
  const f2 = stored([0, 1]);
  const all = embeddingRule([{ embedding: e2, source: source('a.jsonl', 1) }, { embedding: f2, source: source('a.jsonl', 2) }]);
  assert.equal(all.warning, undefined);
  assert.ok(all.embeddings);
  assert.equal(all.embeddings.dimensions, 2);
  assert.equal(all.embeddings.vectors.length, 4);
  assert.ok(Math.abs(all.embeddings.vectors[3]! - 1) < 0.01);

  assert.deepEqual(embeddingRule([{ source: source('a.jsonl', 1) }, { source: source('a.jsonl', 2) }]), {});

  const some = embeddingRule([{ embedding: e2, source: source('a.jsonl', 1) }, { source: source('b.json', 4) }, { source: source('b.json', 9) }]);
  assert.equal(some.embeddings, undefined);
  assert.match(some.warning ?? '', /^2 of 3 papers have no embedding \(first: b\.json:4\): the atlas uses text vectors for every paper/);

  const differ = embeddingRule([{ embedding: e2, source: source('a.jsonl', 1) }, { embedding: stored([1, 2, 3]), source: source('c.jsonl', 7) }]);
  assert.equal(differ.embeddings, undefined);
  assert.match(differ.warning ?? '', /1 of 2 embeddings have another length than the first's 2 \(a\.jsonl:1\); first: 3 at c\.jsonl:7/);
});

test('the digest changes with any embedding, so a stored fit is not reused for other vectors', () => {
  const papers = (second: number[]) => [
    { embedding: stored([1, 0, 0]), source: source('a', 1) },
    { embedding: stored(second), source: source('a', 2) },
  ];
  const first = embeddingRule(papers([0, 1, 0])).embeddings!.digest;
  assert.equal(embeddingRule(papers([0, 1, 0])).embeddings!.digest, first);
  assert.notEqual(embeddingRule(papers([0, 1, 0.5])).embeddings!.digest, first);
});

test('the random projection is seeded, deterministic, and keeps cosines within 1/√256 on average and 5/√256 at worst', () => {
  const random = createRandom(11);
  const dimensions = 1024;
  const vectors = Array.from({ length: 40 }, () => Float64Array.from({ length: dimensions }, () => randomNormal(random)));
  // Correlated pairs, so the cosines span a range rather than sitting near 0.
  for (let index = 1; index < vectors.length; index += 2) for (let d = 0; d < dimensions; d++) vectors[index]![d] = vectors[index]![d]! * 0.5 + vectors[index - 1]![d]!;
  const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let d = 0; d < a.length; d++) {
      dot += a[d]! * b[d]!;
      na += a[d]! * a[d]!;
      nb += b[d]! * b[d]!;
    }
    return dot / Math.sqrt(na * nb);
  };
  const projected = vectors.map((vector) => randomProjection(vector, 256, 5));
  assert.deepEqual([...randomProjection(vectors[0]!, 256, 5)], [...projected[0]!]);
  assert.notDeepEqual([...randomProjection(vectors[0]!, 256, 6)], [...projected[0]!]);
  let worst = 0;
  let mean = 0;
  let pairs = 0;
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      const error = Math.abs(cosine(vectors[i]!, vectors[j]!) - cosine(projected[i]!, projected[j]!));
      worst = Math.max(worst, error);
      mean += error;
      pairs++;
    }
  }
  // Johnson–Lindenstrauss: a cosine's error has a standard deviation of about 1/√256 = 0.0625.
  assert.ok(worst < 5 / 16, `worst cosine error ${worst}`);
  assert.ok(mean / pairs < 0.06, `mean cosine error ${mean / pairs}`);
});
