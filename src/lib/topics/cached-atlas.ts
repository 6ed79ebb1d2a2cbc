/**
 * The topic step with its cache: the fit of the last build is kept on disk (model-store.ts) and
 * - reused as it is when the papers are exactly those it was fitted on (same order, same text, same code): the
 *   atlas is byte-identical to a fresh fit, so this is always on;
 * - with `incremental` (and no embeddings from the sources), folded onto when a few papers were added, changed or removed (fold-in.ts), which keeps
 *   every other paper's topic and position but is not the atlas a fresh fit would give, so it is opt-in;
 * - otherwise replaced by a fresh fit, which is stored for the next build.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AtlasData, TopicInput } from './atlas-schema.ts';
import { foldIntoModel, paperDigest, type FoldOptions } from './fold-in.ts';
import { buildTopicModel, type BuildAtlasOptions } from './pipeline.ts';
import { readTopicModel, writeTopicModel } from './model-store.ts';

export interface CachedAtlasOptions extends Omit<BuildAtlasOptions, 'embeddings'> {
  /** The sources' embeddings (embedding.ts `embeddingRule`): their digest joins the fit key, and nothing is folded in. */
  embeddings?: { vectors: Float32Array; dimensions: number; digest: string };
  /** Folder of the stored model. */
  dir: string;
  /**
   * What the fit depends on besides the papers (see topicCodeVersion); a model stored under another key is ignored.
   * Undefined: the code's version is unknown, so nothing is reused or stored.
   */
  fitKey: string | undefined;
  /** Fold changes into the stored fit instead of fitting again (when few enough). */
  incremental: boolean;
  /** Limits of a fold (fold-in.ts defaults: fits of 1,000 papers and up, at most 5 % changed). */
  fold?: FoldOptions;
}

/** The fitted LSA basis the atlas's vectors live in (the browser's /similar/ projects text through it). */
export interface TopicBasis {
  termKeys: string[];
  termBasis: Float32Array;
  dimensions: number;
}

export interface CachedAtlas {
  atlas: AtlasData;
  basis: TopicBasis;
  /** How the atlas was made: the stored fit reused, changes folded into it, or a fresh fit. */
  source: 'reused' | 'folded' | 'fitted';
}

/**
 * The atlas of `papers`, from the stored fit when it can be, else from a fresh fit that is then stored.
 * @example (await cachedAtlas(papers, { dir, fitKey, incremental: false })).source // => 'fitted' first, 'reused' when nothing changed
 */
export async function cachedAtlas(papers: readonly TopicInput[], options: CachedAtlasOptions): Promise<CachedAtlas> {
  const log = options.log ?? (() => {});
  const startedMs = performance.now();
  const seconds = () => ((performance.now() - startedMs) / 1000).toFixed(1);
  // A fit made from embeddings is only reused for the same embeddings; fold-in places papers by their text vectors,
  // so it is off when embeddings place them.
  const fitKey = options.fitKey === undefined || options.embeddings === undefined ? options.fitKey : `${options.fitKey} embeddings ${options.embeddings.digest}`;
  if (fitKey === undefined) {
    const model = buildTopicModel(papers, options);
    return { atlas: model.atlas, basis: basisOf(model), source: 'fitted' };
  }
  const digests = papers.map(paperDigest);
  const stored = await readTopicModel(options.dir, fitKey);
  if (stored && sameList(stored.paperDigests, digests)) {
    log(`topics: reused the stored fit of ${papers.length} papers (nothing changed) in ${seconds()} s`);
    return { atlas: stored.atlas, basis: basisOf(stored), source: 'reused' };
  }
  if (stored && options.incremental && options.embeddings === undefined) {
    const fold = foldIntoModel(stored, papers, options.fold);
    if (fold.folded) {
      log(
        `topics: folded ${fold.added} new or changed and ${fold.removed} removed papers into the stored fit of ` +
          `${stored.atlas.papers.length} (ATLAS_INCREMENTAL; a build without it fits afresh) in ${seconds()} s`,
      );
      return { atlas: fold.atlas, basis: basisOf(stored), source: 'folded' };
    }
    log(`topics: fitting afresh: ${fold.reason}`);
  }
  const model = buildTopicModel(papers, options);
  const writeStartedMs = performance.now();
  await writeTopicModel(
    options.dir,
    { atlas: model.atlas, paperDigests: digests, vectors: model.vectors, dimensions: model.dimensions, termKeys: model.termKeys, termBasis: model.termBasis },
    fitKey,
  );
  log(`topics: stored the fit for the next build in ${((performance.now() - writeStartedMs) / 1000).toFixed(1)} s`);
  return { atlas: model.atlas, basis: basisOf(model), source: 'fitted' };
}

function basisOf(model: TopicBasis): TopicBasis {
  return { termKeys: model.termKeys, termBasis: model.termBasis, dimensions: model.dimensions };
}

/**
 * A digest of the topic step's code (src/lib/topics/*.ts and the text folding it tokenizes with, src/lib/text/*.ts,
 * under `projectRoot`) and the locked dependency versions, with the seed: a stored fit is only reused by the code
 * that made it. Undefined when the code is not there.
 * @example await topicCodeVersion(process.cwd(), 1) // => 'sha256:3f1c…'
 */
export async function topicCodeVersion(projectRoot: string, seed: number): Promise<string | undefined> {
  const hash = createHash('sha256');
  hash.update(`seed ${seed}\n`);
  for (const folder of ['topics', 'text']) {
    const dir = join(projectRoot, 'src', 'lib', folder);
    const files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.ts')).sort();
    if (files.length === 0) return undefined;
    for (const name of files) hash.update(`${folder}/${name}\n`).update(await readFile(join(dir, name)));
  }
  hash.update(await readFile(join(projectRoot, 'package-lock.json')).catch(() => Buffer.from('no lockfile')));
  return `sha256:${hash.digest('hex')}`;
}

function sameList(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((value, index) => value === second[index]);
}
