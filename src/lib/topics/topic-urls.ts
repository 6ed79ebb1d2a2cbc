/**
 * Topic URLs that last: a fresh fit names its topics from their labels, so a few more papers can rename a topic and
 * break every link, bookmark and feed subscription to it. Given the atlas of the previous build, each new topic that
 * is clearly one of the old topics keeps the old slug, and each old slug no topic holds any more is listed in
 * `moved` with its nearest successor (the site writes a redirect page there).
 *
 * The match reads what two fits have in common: the papers (by slug, which depends only on the paper), then the
 * keywords (words mean the same in both fits). Map centroids and LSA vectors are not compared: each fit has its own
 * layout and its own latent space, so coordinates of two fits are not in one frame.
 *
 * Themes match themes and finest topics match finest topics (a theme is a topic with subtopics), so a theme never
 * takes a subtopic's URL. Everything is symmetric in old and new (overlap, keyword Jaccard, the size rule), so
 * removing papers and adding them back matches the same pairs both ways and gives back the first atlas's slugs.
 */
import type { AtlasData, AtlasTopic, MovedTopic } from './atlas-schema.ts';
import { compareCodeUnits } from '../text/compare.ts';

/** What matching reads of an earlier atlas: a published `/atlas.json` has all of it (topic-url-store.ts reads one). */
export interface PreviousAtlas {
  topics: ReadonlyArray<Pick<AtlasTopic, 'slug' | 'keywords' | 'parent'>>;
  papers: ReadonlyArray<{ slug: string; topic: number }>;
  moved?: readonly MovedTopic[] | undefined;
}

/** The atlas with lasting slugs, and what happened to the previous atlas's topic URLs. */
export interface TopicUrlMatch {
  atlas: AtlasData;
  /** New topics that kept an old slug (matched, or named exactly like an old topic). */
  kept: number;
  /** New topics with a slug of their own (from their label). */
  fresh: number;
  /** Old topic slugs that now redirect (this build's; `atlas.moved` also carries earlier builds'). */
  vanished: number;
}

/**
 * A match is good when the papers two topics share are at least this share of the smaller one's papers: a topic
 * that split keeps its slug for the part holding most of its papers, and a topic that absorbed a smaller one keeps
 * its own. Below it the two are different topics that exchanged papers, or a new subject that took in a few old
 * papers, or an old topic most of whose papers are gone.
 */
export const GOOD_PAPER_OVERLAP = 0.5;

/**
 * Without a good paper match, two topics whose keyword sets overlap this much (Jaccard; 6 of 10 shared keywords
 * give 0.43) are taken for the same subject: papers whose text changed change slug, the words do not.
 */
export const GOOD_KEYWORD_OVERLAP = 0.4;

/** One side of the match: each topic's kind and its papers (by slug, finest topic and theme). */
interface Side {
  topicCount: number;
  isTheme: boolean[];
  /** Finest topic and theme (-1 in a one-level atlas) of each paper slug. */
  placeOfPaper: Map<string, { fine: number; theme: number }>;
  /** Papers of each topic (a theme's: all of its subtopics'). */
  sizeOfTopic: Float64Array;
}

interface Candidate {
  previous: number;
  next: number;
  shared: number;
  keywordOverlap: number;
}

/**
 * Give the topics of `atlas` (a fresh fit, slugs from labels) the slugs of the `previous` atlas's topics they
 * continue, and list the previous slugs nobody continues in `atlas.moved` with their nearest successor, earlier
 * builds' moved slugs included (followed to this build's topics). Without a previous atlas, `atlas` is returned as it
 * is. Deterministic: the same atlas and the same previous atlas give the same result.
 * @example matchTopicUrls(refit, lastBuild).atlas.topics[0].slug // => 'graph-neural-networks' (the old slug, though the label now reads "message passing · graph neural networks")
 */
export function matchTopicUrls(atlas: AtlasData, previous: PreviousAtlas | undefined): TopicUrlMatch {
  if (previous === undefined) return { atlas, kept: 0, fresh: atlas.topics.length, vanished: 0 };
  const before = sideOf(previous.topics, previous.papers);
  const after = sideOf(atlas.topics, atlas.papers);
  const { candidates, sharedByPair } = paperCandidates(before, after, previous.topics, atlas.topics);
  const previousOfNext = new Int32Array(atlas.topics.length).fill(-1);
  const nextOfPrevious = new Int32Array(previous.topics.length).fill(-1);
  const take = (pairs: Candidate[]) => {
    for (const pair of pairs) {
      if (previousOfNext[pair.next] !== -1 || nextOfPrevious[pair.previous] !== -1) continue;
      previousOfNext[pair.next] = pair.previous;
      nextOfPrevious[pair.previous] = pair.next;
    }
  };
  take(candidates.sort(byStrength(previous.topics)));
  take(keywordCandidates(before, after, previous.topics, atlas.topics, previousOfNext, nextOfPrevious).sort(byStrength(previous.topics)));

  // Slugs: a matched topic takes its old slug; any other keeps its label slug unless that is taken, when it gets the
  // first free `-2`, `-3`… that no earlier build used either (a suffixed slug must never take over an old URL).
  const everUsed = new Set([...previous.topics.map((topic) => topic.slug), ...(previous.moved ?? []).map((moved) => moved.slug)]);
  const live = new Set<string>();
  const slugOfNext: string[] = atlas.topics.map((_, next) => {
    const old = previousOfNext[next]!;
    const slug = old === -1 ? '' : previous.topics[old]!.slug;
    if (slug !== '') live.add(slug);
    return slug;
  });
  let kept = 0;
  let fresh = 0;
  atlas.topics.forEach((topic, next) => {
    if (slugOfNext[next] !== '') {
      kept++;
      return;
    }
    let slug = topic.slug;
    for (let suffix = 2; live.has(slug) || (slug !== topic.slug && everUsed.has(slug)); suffix++) slug = `${topic.slug}-${suffix}`;
    live.add(slug);
    slugOfNext[next] = slug;
    // A label slug that an old topic had is that topic's URL back (same name, same page), not a new one.
    if (everUsed.has(slug)) kept++;
    else fresh++;
  });

  const successors = successorSlugs(before, after, previous.topics, atlas.topics, sharedByPair, slugOfNext, live);
  const moved = new Map<string, string | null>();
  for (const earlier of previous.moved ?? []) {
    if (live.has(earlier.slug)) continue;
    const to = earlier.to === null ? null : live.has(earlier.to) ? earlier.to : (successors.get(earlier.to) ?? null);
    moved.set(earlier.slug, to);
  }
  for (const [slug, to] of successors) moved.set(slug, to);
  const movedList = [...moved].map(([slug, to]) => ({ slug, to })).sort((a, b) => compareCodeUnits(a.slug, b.slug));
  const topics = atlas.topics.map((topic, next) => (topic.slug === slugOfNext[next] ? topic : { ...topic, slug: slugOfNext[next]! }));
  const { moved: _unused, ...rest } = atlas;
  return { atlas: movedList.length === 0 ? { ...rest, topics } : { ...rest, topics, moved: movedList }, kept, fresh, vanished: successors.size };
}

/** Kinds and memberships of one atlas. */
function sideOf(topics: ReadonlyArray<{ parent: number | null }>, papers: ReadonlyArray<{ slug: string; topic: number }>): Side {
  const isTheme = topics.map(() => false);
  for (const topic of topics) if (topic.parent !== null && topic.parent >= 0 && topic.parent < topics.length) isTheme[topic.parent] = true;
  const placeOfPaper = new Map<string, { fine: number; theme: number }>();
  const sizeOfTopic = new Float64Array(topics.length);
  for (const paper of papers) {
    const parent = topics[paper.topic]?.parent ?? null;
    const place = { fine: paper.topic, theme: parent !== null ? parent : isTheme[paper.topic] ? paper.topic : -1 };
    placeOfPaper.set(paper.slug, place);
    for (const topic of new Set([place.fine, place.theme])) if (topic >= 0 && topic < topics.length) sizeOfTopic[topic]!++;
  }
  return { topicCount: topics.length, isTheme, placeOfPaper, sizeOfTopic };
}

/**
 * Pairs of old and new topics of one kind whose shared papers make a good match, and the shared count of every
 * pair of one kind that shares any (for successors).
 */
function paperCandidates(
  before: Side,
  after: Side,
  previousTopics: PreviousAtlas['topics'],
  nextTopics: readonly AtlasTopic[],
): { candidates: Candidate[]; sharedByPair: Map<number, number> } {
  const sharedByPair = new Map<number, number>();
  const count = (previous: number, next: number) => {
    if (previous < 0 || next < 0 || before.isTheme[previous] !== after.isTheme[next]) return;
    const key = previous * after.topicCount + next;
    sharedByPair.set(key, (sharedByPair.get(key) ?? 0) + 1);
  };
  for (const [slug, place] of after.placeOfPaper) {
    const old = before.placeOfPaper.get(slug);
    if (old === undefined) continue;
    if (!before.isTheme[old.fine] && !after.isTheme[place.fine]) count(old.fine, place.fine);
    count(old.theme, place.theme);
  }
  const candidates: Candidate[] = [];
  for (const [key, shared] of sharedByPair) {
    const previous = Math.floor(key / after.topicCount);
    const next = key % after.topicCount;
    if (shared < GOOD_PAPER_OVERLAP * Math.min(before.sizeOfTopic[previous]!, after.sizeOfTopic[next]!)) continue;
    candidates.push({ previous, next, shared, keywordOverlap: keywordJaccard(previousTopics[previous]!.keywords, nextTopics[next]!.keywords) });
  }
  return { candidates, sharedByPair };
}

/** Pairs of one kind, both still unmatched, whose keywords overlap enough. */
function keywordCandidates(
  before: Side,
  after: Side,
  previousTopics: PreviousAtlas['topics'],
  nextTopics: readonly AtlasTopic[],
  previousOfNext: Int32Array,
  nextOfPrevious: Int32Array,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (let previous = 0; previous < before.topicCount; previous++) {
    if (nextOfPrevious[previous] !== -1) continue;
    for (let next = 0; next < after.topicCount; next++) {
      if (previousOfNext[next] !== -1 || before.isTheme[previous] !== after.isTheme[next]) continue;
      const keywordOverlap = keywordJaccard(previousTopics[previous]!.keywords, nextTopics[next]!.keywords);
      if (keywordOverlap >= GOOD_KEYWORD_OVERLAP) candidates.push({ previous, next, shared: 0, keywordOverlap });
    }
  }
  return candidates;
}

/** Strongest first: more shared papers, then more shared keywords, then old slug and new id (a total order). */
function byStrength(previousTopics: PreviousAtlas['topics']): (a: Candidate, b: Candidate) => number {
  return (a, b) =>
    b.shared - a.shared ||
    b.keywordOverlap - a.keywordOverlap ||
    compareCodeUnits(previousTopics[a.previous]!.slug, previousTopics[b.previous]!.slug) ||
    a.next - b.next;
}

/**
 * Each old slug no new topic holds, with its nearest successor's slug: the new topic of its kind that most of its
 * remaining papers went to, else the one whose keywords overlap most, else its theme's successor, else null.
 */
function successorSlugs(
  before: Side,
  after: Side,
  previousTopics: PreviousAtlas['topics'],
  nextTopics: readonly AtlasTopic[],
  sharedByPair: ReadonlyMap<number, number>,
  slugOfNext: readonly string[],
  live: ReadonlySet<string>,
): Map<string, string | null> {
  const bestShared = new Map<number, { next: number; shared: number; keywordOverlap: number }>();
  for (const [key, shared] of sharedByPair) {
    const previous = Math.floor(key / after.topicCount);
    const next = key % after.topicCount;
    const keywordOverlap = keywordJaccard(previousTopics[previous]!.keywords, nextTopics[next]!.keywords);
    const best = bestShared.get(previous);
    if (!best || shared > best.shared || (shared === best.shared && (keywordOverlap > best.keywordOverlap || (keywordOverlap === best.keywordOverlap && next < best.next)))) {
      bestShared.set(previous, { next, shared, keywordOverlap });
    }
  }
  const successorOf = new Map<number, string | null>();
  const resolve = (previous: number): string | null => {
    const known = successorOf.get(previous);
    if (known !== undefined) return known;
    // Provisional answer while this topic is resolved: a parent loop (a hand-made previous atlas) ends in null.
    successorOf.set(previous, null);
    const slug = previousTopics[previous]!.slug;
    let to: string | null = null;
    if (live.has(slug)) to = slug;
    else {
      const byPapers = bestShared.get(previous);
      if (byPapers) to = slugOfNext[byPapers.next]!;
      else {
        let bestNext = -1;
        let bestOverlap = 0;
        for (let next = 0; next < after.topicCount; next++) {
          if (before.isTheme[previous] !== after.isTheme[next]) continue;
          const overlap = keywordJaccard(previousTopics[previous]!.keywords, nextTopics[next]!.keywords);
          if (overlap > bestOverlap) [bestNext, bestOverlap] = [next, overlap];
        }
        const parent = previousTopics[previous]!.parent;
        to = bestNext !== -1 ? slugOfNext[bestNext]! : parent !== null && parent >= 0 && parent < before.topicCount && parent !== previous ? resolve(parent) : null;
      }
    }
    successorOf.set(previous, to);
    return to;
  };
  const moved = new Map<string, string | null>();
  previousTopics.forEach((topic, previous) => {
    if (!live.has(topic.slug)) moved.set(topic.slug, resolve(previous));
  });
  return moved;
}

/**
 * Jaccard overlap of two keyword lists as sets: shared keywords over distinct keywords, 0 when both are empty.
 * @example keywordJaccard(['graph', 'node', 'edge'], ['graph', 'edge', 'walk']) // => 0.5
 */
export function keywordJaccard(first: readonly string[], second: readonly string[]): number {
  const left = new Set(first);
  const right = new Set(second);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}
