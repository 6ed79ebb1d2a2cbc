import { join } from 'node:path';
import { cachedAtlas, topicCodeVersion, type CachedAtlas, type TopicBasis } from '../lib/topics/cached-atlas.ts';
import { papersOfTopic, topicBadgesBySlug, type TopicBadge } from '../lib/site/topic-view.ts';
import { mapTopicColors } from '../lib/map/theme-coloring.ts';
import { atlasConfig } from '../lib/config.ts';
import type { AtlasData } from '../lib/topics/atlas-schema.ts';
import { yearOfDate } from '../lib/ingest/paper-date.ts';
import { withYears } from '../lib/topics/topic-years.ts';
import { withLastingTopicUrls } from '../lib/topics/topic-url-store.ts';
import { getPapers } from './papers.ts';
import { startSearchBodyIndex } from './search-body.ts';
import { topicInputsOf } from '../lib/topics/topic-inputs.ts';
import { texToPlain } from '../lib/tex/plain.ts';
import { embeddingRule } from '../lib/vectors/embedding.ts';
import { textScansToKeep, useTextScans } from '../lib/topics/corpus-terms.ts';
import { readTextScans, writeTextScans } from '../lib/topics/text-scans.ts';
import { topicText } from '../lib/topics/atlas-schema.ts';

let fitOfBuild: Promise<CachedAtlas & { paperVectors: 'text' | 'embedding' }> | undefined;

/** Seed of the topic step's random choices. */
const TOPIC_SEED = 1;

/**
 * The topic step's output for this build's papers: run once, shared by every page and `/atlas.json`. The fit is
 * kept in the cache folder, so a rebuild of unchanged papers reuses it, and with ATLAS_INCREMENTAL a rebuild with a
 * few papers added folds them in (src/lib/topics/cached-atlas.ts).
 */
export function getAtlas(): Promise<AtlasData> {
  return getTopicFit().then((fit) => fit.atlas);
}

/** The LSA basis of this build's atlas (for the `/vectors/` files of /similar/). */
export function getTopicBasis(): Promise<TopicBasis> {
  return getTopicFit().then((fit) => fit.basis);
}

/** What placed the papers: 'embedding' when every paper brought one (embedding.ts `embeddingRule`), else 'text'. */
export function getPaperVectors(): Promise<'text' | 'embedding'> {
  return getTopicFit().then((fit) => fit.paperVectors);
}

function getTopicFit(): Promise<CachedAtlas & { paperVectors: 'text' | 'embedding' }> {
  fitOfBuild ??= (async () => {
    const config = atlasConfig();
    const papers = await getPapers();
    const { embeddings, warning } = embeddingRule(papers);
    if (warning !== undefined) {
      if (config.strict) throw new Error(`[atlas] embeddings (ATLAS_STRICT): ${warning}`);
      console.warn(`[atlas] warning: embeddings: ${warning}`);
    }
    if (embeddings) console.log(`[atlas] embeddings: every paper has one (${embeddings.sourceDimensions} numbers, used as ${embeddings.dimensions}): they place the papers`);
    // The body search index needs no topics: it is built on a worker thread while the topic step runs here.
    void startSearchBodyIndex().catch(() => {});
    const storeDir = join(config.cacheDir, 'research-atlas');
    const fitKey = await topicCodeVersion(process.cwd(), TOPIC_SEED);
    const topicInputs = topicInputsOf(papers);
    // The last build's scans of its texts: the fit, a fold and the vector files tokenise only new texts.
    const keptScans = fitKey === undefined ? undefined : await readTextScans(storeDir, fitKey);
    if (keptScans) useTextScans(keptScans);
    const fit = await cachedAtlas(topicInputs, {
      dir: storeDir,
      fitKey,
      incremental: config.incremental,
      ...(embeddings ? { embeddings } : {}),
      seed: TOPIC_SEED,
      log: (line) => console.log(`[atlas] ${line}`),
      onProgress: progressLogger(),
    });
    const scansToKeep = fitKey === undefined ? undefined : textScansToKeep(topicInputs.map(topicText));
    if (fitKey !== undefined && scansToKeep) {
      const startedMs = performance.now();
      await writeTextScans(storeDir, scansToKeep, fitKey);
      console.log(`[atlas] topics: stored the scans of ${scansToKeep.scanOfDigest.size} texts for the next build in ${((performance.now() - startedMs) / 1000).toFixed(1)} s`);
    }
    // Years are laid on after the fit (which never reads dates), so a reused or folded fit counts this build's dates.
    const yearBySlug = new Map<string, number>();
    for (const paper of papers) {
      const year = yearOfDate(paper.date);
      if (year !== undefined) yearBySlug.set(paper.slug, year);
    }
    // Topic URLs last: the fit's topics keep the slugs of the previous atlas's topics they continue (topic-urls.ts).
    const atlas = await withLastingTopicUrls(withYears(fit.atlas, yearBySlug), {
      explicitPath: config.previousAtlas,
      cacheDir: join(config.cacheDir, 'research-atlas'),
      contentDir: config.contentDir,
      log: (line) => console.log(`[atlas] ${line}`),
    });
    return { ...fit, atlas, paperVectors: embeddings ? ('embedding' as const) : ('text' as const) };
  })();
  return fitOfBuild;
}

/** Lookups every page needs, built once per build so a 100k-paper build stays linear. */
export interface AtlasLookups {
  atlas: AtlasData;
  paperBySlug: Map<string, AtlasData['papers'][number]>;
  badgeBySlug: Map<string, TopicBadge>;
  titleBySlug: Map<string, string>;
  /** The map's colour of a topic id (subtopics in shades of their theme's colour). */
  colorOfTopic: (topicId: number) => string;
  /** Slugs of a topic's papers, representative first (`papersOfTopic`), computed once per topic. */
  membersOfTopic: (topicId: number) => string[];
}

let lookupsOfBuild: Promise<AtlasLookups> | undefined;

/** Atlas data indexed by paper slug; memoised per build. */
export function getAtlasLookups(): Promise<AtlasLookups> {
  lookupsOfBuild ??= Promise.all([getAtlas(), getPapers()]).then(([atlas, papers]) => {
    const colors = mapTopicColors(atlas);
    const colorOfTopic = (topicId: number) => colors[topicId] ?? '#64748b';
    // The home page, /topics/ and each topic page all list a topic's papers; each list is a scan of every paper.
    const membersById = new Map<number, string[]>();
    const membersOfTopic = (topicId: number) => {
      let members = membersById.get(topicId);
      if (!members) {
        members = papersOfTopic(atlas, topicId);
        membersById.set(topicId, members);
      }
      return members;
    };
    return {
      atlas,
      paperBySlug: new Map(atlas.papers.map((paper) => [paper.slug, paper])),
      badgeBySlug: topicBadgesBySlug(atlas, colorOfTopic),
      titleBySlug: new Map(papers.map((paper) => [paper.slug, texToPlain(paper.title)])),
      colorOfTopic,
      membersOfTopic,
    };
  });
  return lookupsOfBuild;
}

// A 100k-paper build spends minutes in the topic step: say how far a long stage has got, at most every 5 s.
const PROGRESS_INTERVAL_MS = 5000;

function progressLogger(): (stage: string, done: number, total: number) => void {
  let lastLineMs = performance.now();
  return (stage, done, total) => {
    const nowMs = performance.now();
    if (done === 0 || done >= total || nowMs - lastLineMs < PROGRESS_INTERVAL_MS) return;
    lastLineMs = nowMs;
    console.log(`[atlas] topics: ${stage} ${done}/${total}…`);
  };
}
