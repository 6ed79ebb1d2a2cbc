import { buildVectorPack, type VectorPack } from '../lib/vectors/pack.ts';
import { getAtlas, getPaperVectors, getTopicBasis } from './atlas.ts';
import { topicInputsOf } from '../lib/topics/topic-inputs.ts';
import { getPapers } from './papers.ts';

let packOfBuild: Promise<VectorPack> | undefined;

/** The `/vectors/` files of this build (src/lib/vectors/pack.ts): built once, after the topic step. */
export function getVectorPack(): Promise<VectorPack> {
  packOfBuild ??= Promise.all([getPapers(), getAtlas(), getTopicBasis(), getPaperVectors()]).then(([papers, atlas, basis, paperVectors]) => {
    const startedMs = performance.now();
    const pack = buildVectorPack({
      papers: topicInputsOf(papers),
      atlas,
      ...basis,
      paperVectors,
    });
    let bytes = 0;
    for (const file of pack.files.values()) bytes += file.length;
    console.log(`[atlas] vectors: ${papers.length} papers, ${pack.files.size} files, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - startedMs) / 1000).toFixed(1)} s`);
    return pack;
  });
  return packOfBuild;
}
