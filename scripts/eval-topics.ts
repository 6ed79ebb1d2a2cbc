/**
 * Topic-quality evaluation against reference labels.
 *
 *   node scripts/eval-topics.ts <labelled.jsonl> [--seed N] [--limit N]
 *
 * Each line: {"title", "abstract", "label" | "labels": [...]} (the first label counts). Prints the number of topics,
 * NMI and ARI against the labels at the finest and the broad level, the mean silhouette (cosine, LSA space, on a
 * sample of 2,000 papers), the NPMI coherence of every topic's top-10 keywords over the corpus, the map's topic
 * cohesion (share of a sampled paper's 10 nearest points on the map that share its finest topic) and the time taken.
 */
import { readLabelledCorpus } from './labelled-corpus.ts';
import type { TopicInput } from '../src/lib/topics/atlas-schema.ts';
import { buildTopicModel, type TopicModel } from '../src/lib/topics/pipeline.ts';
import { adjustedRandIndex, normalizedMutualInformation } from '../src/lib/topics/metrics.ts';
import { pairwiseSimilarity, silhouetteFromSimilarity } from '../src/lib/topics/cluster.ts';
import { createRandom, sampleIndices } from '../src/lib/topics/random.ts';

/** The labelled papers as topic inputs, and their labels in the same order. */
function readLabelled(path: string, limit: number): { papers: TopicInput[]; labels: string[] } {
  const records = readLabelledCorpus(path, limit);
  return {
    papers: records.map(({ id, title, abstract }, index) => ({ slug: `p${index}`, ...(id ? { sourceId: id } : {}), title, abstract })),
    labels: records.map((record) => record.label),
  };
}

/** Mean NPMI of each topic's keyword pairs, from document co-occurrence in the TF-IDF matrix (absent pair: −1). */
function keywordCoherence(model: TopicModel): number[] {
  const { rowStart, colIndex, rowCount } = model.tfidf.matrix;
  const needed = new Set(model.keywordTerms.flat());
  const docsOfTerm = new Map<number, number[]>();
  for (const term of needed) docsOfTerm.set(term, []);
  for (let row = 0; row < rowCount; row++) {
    for (let entry = rowStart[row]!; entry < rowStart[row + 1]!; entry++) docsOfTerm.get(colIndex[entry]!)?.push(row);
  }
  const together = (first: number[], second: number[]): number => {
    let count = 0;
    for (let a = 0, b = 0; a < first.length && b < second.length; ) {
      if (first[a] === second[b]) {
        count++;
        a++;
        b++;
      } else if (first[a]! < second[b]!) a++;
      else b++;
    }
    return count;
  };
  return model.keywordTerms.map((terms) => {
    let sum = 0;
    let pairs = 0;
    for (let a = 0; a < terms.length; a++) {
      for (let b = a + 1; b < terms.length; b++) {
        const first = docsOfTerm.get(terms[a]!)!;
        const second = docsOfTerm.get(terms[b]!)!;
        const joint = together(first, second) / rowCount;
        pairs++;
        if (joint === 0) {
          sum -= 1;
          continue;
        }
        const pmi = Math.log(joint / ((first.length / rowCount) * (second.length / rowCount)));
        sum += joint === 1 ? 1 : pmi / -Math.log(joint);
      }
    }
    return pairs > 0 ? sum / pairs : 0;
  });
}

/** Mean share of each sampled paper's `count` nearest points on the map that are in its topic (brute force). */
function mapNeighbourAgreement(papers: TopicModel['atlas']['papers'], sample: Int32Array, count: number): number {
  let agreeing = 0;
  const distances = new Float64Array(papers.length);
  for (const row of sample) {
    const paper = papers[row]!;
    papers.forEach((other, index) => (distances[index] = index === row ? Infinity : (other.x - paper.x) ** 2 + (other.y - paper.y) ** 2));
    const nearest = Array.from({ length: papers.length }, (_, index) => index)
      .sort((a, b) => distances[a]! - distances[b]! || a - b)
      .slice(0, count);
    for (const index of nearest) if (papers[index]!.topic === paper.topic) agreeing++;
  }
  return agreeing / Math.max(1, sample.length * count);
}

function main(): void {
  const args = process.argv.slice(2);
  const path = args.find((arg) => !arg.startsWith('--'));
  if (!path) {
    console.error('usage: node scripts/eval-topics.ts <labelled.jsonl> [--seed N] [--limit N]');
    process.exit(2);
  }
  const option = (name: string, fallback: number): number => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? Number(args[index + 1]) : fallback;
  };
  const { papers, labels } = readLabelled(path, option('limit', Infinity));
  const started = performance.now();
  const model = buildTopicModel(papers, { seed: option('seed', 1), log: (line) => console.log(line) });
  const seconds = (performance.now() - started) / 1000;

  const labelIds = new Map<string, number>();
  const reference = Int32Array.from(labels, (label) => {
    if (!labelIds.has(label)) labelIds.set(label, labelIds.size);
    return labelIds.get(label)!;
  });
  const { atlas } = model;
  const fineCount = new Set(model.fineTopicOfPaper).size;
  const broadCount = new Set(model.broadTopicOfPaper).size;
  const random = createRandom(12345);
  const sample = sampleIndices(random, papers.length, 2000);
  const similarity = pairwiseSimilarity(model.vectors, model.dimensions, sample);
  const denseIds = new Map<number, number>();
  const sampleAssignment = Int32Array.from(sample, (row) => {
    const topic = model.fineTopicOfPaper[row]!;
    if (!denseIds.has(topic)) denseIds.set(topic, denseIds.size);
    return denseIds.get(topic)!;
  });
  const silhouette = silhouetteFromSimilarity(similarity, sampleAssignment, denseIds.size);
  const coherence = keywordCoherence(model);
  const mapCohesion = mapNeighbourAgreement(atlas.papers, sample, 10);
  const meanCoherence = coherence.reduce((sum, value) => sum + value, 0) / Math.max(1, coherence.length);

  console.log('');
  console.log(`corpus            ${path} (${papers.length} papers, ${labelIds.size} distinct labels)`);
  console.log(`levels            ${atlas.levels}`);
  console.log(`topics            ${fineCount} finest, ${broadCount} broad`);
  console.log(`NMI   finest      ${normalizedMutualInformation(model.fineTopicOfPaper, reference).toFixed(3)}`);
  console.log(`ARI   finest      ${adjustedRandIndex(model.fineTopicOfPaper, reference).toFixed(3)}`);
  console.log(`NMI   broad       ${normalizedMutualInformation(model.broadTopicOfPaper, reference).toFixed(3)}`);
  console.log(`ARI   broad       ${adjustedRandIndex(model.broadTopicOfPaper, reference).toFixed(3)}`);
  console.log(`silhouette        ${silhouette.toFixed(3)} (finest level, cosine, ${sample.length} sampled papers)`);
  console.log(`NPMI (mean)       ${meanCoherence.toFixed(3)}`);
  console.log(`map cohesion      ${mapCohesion.toFixed(3)} (share of 10 nearest map points in the same finest topic)`);
  console.log(`weak papers       ${atlas.papers.filter((paper) => paper.weak).length}`);
  console.log(`time              ${seconds.toFixed(1)} s`);
  console.log('');
  console.log('id  level size   NPMI   label');
  for (const topic of atlas.topics) {
    console.log(
      `${String(topic.id).padStart(3)} ${String(topic.level).padStart(5)} ${String(topic.size).padStart(5)} ${coherence[topic.id]!.toFixed(3).padStart(6)}   ${topic.parent === null ? '' : '  '}${topic.label}`,
    );
  }
}

main();
