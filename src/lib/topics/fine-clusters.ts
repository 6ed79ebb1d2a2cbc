/**
 * The map's third label level: each finest topic split into small groups of neighbouring papers, each named by the
 * title words that set it apart (c-TF-IDF, as BERTopic labels its topics) and that its topic's and theme's labels do
 * not already say. Computed from the published atlas (positions and titles), so a folded-in build gets them too.
 *
 * The groups are k-means on the papers' map positions within the topic, not on their text vectors: a label names
 * what a reader sees together on the map, and the layout already put similar papers side by side. Deterministic
 * (k-means++ seeded per topic, ties by index) and cheap: about 0.2 s for 10,000 papers, most of it tokenizing titles.
 */
import type { AtlasData } from './atlas-schema.ts';
import { isGenericTerm } from './generic-terms.ts';
import { createRandom, type RandomSource } from './random.ts';
import { termKey, tokenize } from './tokenize.ts';

/** A fine cluster of the map: where its label goes and what it says. */
export interface FineCluster {
  /** The finest topic it splits. */
  topic: number;
  /** Its two most distinctive title terms, e.g. `sparse recovery · phase transition`. */
  label: string;
  /** The member nearest the group's mean (its label sits on its dots). */
  x: number;
  y: number;
  size: number;
}

/** Papers per fine cluster, about: small enough that a few fill a deep-zoomed screen, large enough to share words. */
const PAPERS_PER_CLUSTER = 20;
const MAX_CLUSTERS_PER_TOPIC = 24;
const KMEANS_ITERATIONS = 12;
/** A term names a cluster only when at least this many of its titles (and a tenth of them) use it. */
const MIN_TITLES_WITH_TERM = 2;
/** A group of fewer papers is too small to say what it shares. */
const MIN_LABELLED_SIZE = 8;

/**
 * The fine clusters of an atlas, topic by topic (ascending id), each topic's clusters by size then position. A topic
 * smaller than two clusters' worth of papers is not split; a cluster of fewer than 8 papers, or whose titles share no
 * distinctive term (one used by a tenth of them, at least two), gets no label and is left out.
 * @example fineClusters(atlas).slice(0, 1) // => [{ topic: 3, label: 'phase transition · sparse recovery', x: 0.41, y: 0.22, size: 31 }]
 */
export function fineClusters(atlas: Pick<AtlasData, 'topics' | 'papers'>): FineCluster[] {
  const membersOf = new Map<number, number[]>();
  atlas.papers.forEach((paper, index) => {
    const members = membersOf.get(paper.topic);
    if (members) members.push(index);
    else membersOf.set(paper.topic, [index]);
  });
  const groups: Array<{ topic: number; members: number[] }> = [];
  for (const topic of [...atlas.topics].sort((a, b) => a.id - b.id)) {
    const members = membersOf.get(topic.id) ?? [];
    const k = Math.min(MAX_CLUSTERS_PER_TOPIC, Math.floor(members.length / PAPERS_PER_CLUSTER));
    if (k < 2) continue;
    const assignment = kMeans2d(atlas.papers, members, k, createRandom(7919 + topic.id));
    for (let cluster = 0; cluster < k; cluster++) {
      const inCluster = members.filter((_, i) => assignment[i] === cluster);
      if (inCluster.length > 0) groups.push({ topic: topic.id, members: inCluster });
    }
  }
  if (groups.length === 0) return [];
  const termsOfPaper = new Map<number, Map<string, string>>();
  const words = new Map<string, WordInfo>();
  for (const group of groups) for (const index of group.members) termsOfPaper.set(index, titleTerms(atlas.papers[index]!.title, words));
  // Document frequency over the groups' titles, for c-TF-IDF's idf: log(1 + mean titles per group / titles with t).
  const titlesWith = new Map<string, number>();
  for (const terms of termsOfPaper.values()) for (const key of terms.keys()) titlesWith.set(key, (titlesWith.get(key) ?? 0) + 1);
  const meanGroupSize = termsOfPaper.size / groups.length;
  const topicById = new Map(atlas.topics.map((topic) => [topic.id, topic]));
  const clusters: FineCluster[] = [];
  for (const group of groups) {
    const topic = topicById.get(group.topic)!;
    const theme = topic.parent === null ? undefined : topicById.get(topic.parent);
    const said = new Set([topic.label, ...topic.keywords, theme?.label ?? '', ...(theme?.keywords ?? [])].flatMap(wordKeys));
    if (group.members.length < MIN_LABELLED_SIZE) continue;
    const label = distinctLabel(group.members, termsOfPaper, titlesWith, meanGroupSize, said);
    if (!label) continue;
    const [x, y] = medoid(atlas.papers, group.members);
    clusters.push({ topic: group.topic, label, x, y, size: group.members.length });
  }
  return clusters.sort((a, b) => a.topic - b.topic || b.size - a.size || a.x - b.x || a.y - b.y);
}

/** A word's term key and whether it is too generic to name anything, worked out once per distinct word. */
type WordInfo = { key: string; isGeneric: boolean };

/**
 * The terms of a title by key (an inflection-free word, or two words adjacent in the title), each with its display
 * form; `words` caches each word's key (stemming every title word again costs more than the clustering).
 * @example [...titleTerms('Sparse Recovery with Phase Transitions', new Map()).values()] // => ['sparse', 'recovery', 'sparse recovery', 'phase', 'transitions', 'phase transitions'] (some words may be generic)
 */
export function titleTerms(title: string, words: Map<string, WordInfo>): Map<string, string> {
  const kept = tokenize(title);
  const spaced = ` ${title.toLowerCase().replace(/\s+/g, ' ')} `;
  const terms = new Map<string, string>();
  const infoOf = (word: string): WordInfo => {
    let info = words.get(word);
    if (!info) words.set(word, (info = { key: termKey(word), isGeneric: isGenericTerm(word) }));
    return info;
  };
  kept.forEach((word, i) => {
    const info = infoOf(word);
    if (!info.isGeneric) terms.set(info.key, word);
    const next = kept[i + 1];
    // Only words next to each other in the title make a phrase ("point of view" gives no "point view").
    if (next !== undefined && spaced.includes(` ${word} ${next} `)) terms.set(`${info.key} ${infoOf(next).key}`, `${word} ${next}`);
  });
  return terms;
}

/** The term keys of every word of a label or keyword (`sparse signal · compressed sensing` → 4 keys). */
function wordKeys(text: string): string[] {
  return tokenize(text).map(termKey);
}

/**
 * The two best c-TF-IDF terms of a group that its topic and theme do not already say (no word of theirs), a
 * phrase taking the place of its own words; null when no term is shared by two titles.
 */
function distinctLabel(
  members: readonly number[],
  termsOfPaper: ReadonlyMap<number, ReadonlyMap<string, string>>,
  titlesWith: ReadonlyMap<string, number>,
  meanGroupSize: number,
  said: ReadonlySet<string>,
): string | null {
  const count = new Map<string, number>();
  const display = new Map<string, string>();
  for (const index of members) {
    for (const [key, form] of termsOfPaper.get(index)!) {
      count.set(key, (count.get(key) ?? 0) + 1);
      if (!display.has(key)) display.set(key, form);
    }
  }
  const scored = [...count]
    .filter(([key, titles]) => titles >= Math.max(MIN_TITLES_WITH_TERM, members.length / 10) && !key.split(' ').some((part) => said.has(part)))
    .map(([key, titles]) => ({ key, score: titles * Math.log(1 + meanGroupSize / titlesWith.get(key)!) * (key.includes(' ') ? 1.2 : 1) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const chosen: string[] = [];
  for (const { key } of scored) {
    const parts = key.split(' ');
    if (chosen.some((other) => other.split(' ').some((part) => parts.includes(part)))) continue;
    chosen.push(key);
    if (chosen.length === 2) break;
  }
  if (chosen.length === 0) return null;
  // Two words that also stand side by side in its titles read as that phrase ("mean · squared" is "mean squared").
  const [first, second] = chosen;
  if (second !== undefined && !first!.includes(' ') && !second.includes(' ')) {
    for (const phrase of [`${first} ${second}`, `${second} ${first}`]) {
      if ((count.get(phrase) ?? 0) >= MIN_TITLES_WITH_TERM) return display.get(phrase)!;
    }
  }
  return chosen.map((key) => display.get(key)!).join(' · ');
}

/** k-means on the members' map positions (k-means++ start from `random`); the cluster of each member, in order. */
function kMeans2d(papers: AtlasData['papers'], members: readonly number[], k: number, random: RandomSource): Int32Array {
  const n = members.length;
  const xs = Float64Array.from(members, (index) => papers[index]!.x);
  const ys = Float64Array.from(members, (index) => papers[index]!.y);
  const centresX = new Float64Array(k);
  const centresY = new Float64Array(k);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = Math.min(n - 1, Math.floor(random() * n));
  for (let c = 0; c < k; c++) {
    centresX[c] = xs[pick]!;
    centresY[c] = ys[pick]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i]!, (xs[i]! - centresX[c]!) ** 2 + (ys[i]! - centresY[c]!) ** 2);
      total += nearest[i]!;
    }
    let target = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target < 0) {
        pick = i;
        break;
      }
    }
  }
  const assignment = new Int32Array(n);
  for (let iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const distance = (xs[i]! - centresX[c]!) ** 2 + (ys[i]! - centresY[c]!) ** 2;
        if (distance < bestDistance) {
          best = c;
          bestDistance = distance;
        }
      }
      if (assignment[i] !== best) changed = true;
      assignment[i] = best;
    }
    const sumX = new Float64Array(k);
    const sumY = new Float64Array(k);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      sumX[assignment[i]!]! += xs[i]!;
      sumY[assignment[i]!]! += ys[i]!;
      sizes[assignment[i]!]! += 1;
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c]! === 0) continue;
      centresX[c] = sumX[c]! / sizes[c]!;
      centresY[c] = sumY[c]! / sizes[c]!;
    }
    if (!changed && iteration > 0) break;
  }
  return assignment;
}

/** The position of the member nearest the members' mean (ties: the lower index). */
function medoid(papers: AtlasData['papers'], members: readonly number[]): [number, number] {
  let meanX = 0;
  let meanY = 0;
  for (const index of members) {
    meanX += papers[index]!.x;
    meanY += papers[index]!.y;
  }
  meanX /= members.length;
  meanY /= members.length;
  let best = members[0]!;
  let bestDistance = Infinity;
  for (const index of members) {
    const distance = (papers[index]!.x - meanX) ** 2 + (papers[index]!.y - meanY) ** 2;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return [papers[best]!.x, papers[best]!.y];
}
