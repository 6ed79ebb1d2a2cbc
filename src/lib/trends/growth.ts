/**
 * Which topics are rising and which are fading: a topic's share of the papers of the recent years against its share
 * of the papers before them. Shares, not counts: arXiv grew every year, so nearly every topic has more papers now,
 * and a topic rises only when it takes a larger part of the field. A share is also fair to a last year that is only
 * partly harvested (the OAI-2016 corpus ends in March 2016).
 */
import type { AtlasData, AtlasTopic } from '../topics/atlas-schema.ts';
import type { YearValue } from './chart.ts';

/** The recent window is the last this many years of the atlas's dates (fewer when its span is short: see trendWindow). */
export const RECENT_YEARS = 3;
/** A topic needs this many dated papers to be ranked, so a topic of three papers cannot top the list. */
export const MIN_TOPIC_PAPERS = 10;
/** Each window (recent, earlier) needs this many dated papers in the whole atlas, or shares mean nothing. */
export const MIN_WINDOW_PAPERS = 30;
/** Rising means a share at least this many times the earlier share; fading, at most its inverse. */
export const MIN_GROWTH = 1.25;
/** Two-proportion z score a change must reach (two-sided 5 %): smaller changes are what chance gives. */
export const MIN_Z = 1.96;
/** Entries in each list. */
export const TREND_LIST_LENGTH = 12;

/** The years compared: `earlier` is `[firstYear, recentFrom - 1]`, `recent` is `[recentFrom, lastYear]`. */
export interface TrendWindow {
  firstYear: number;
  recentFrom: number;
  lastYear: number;
  /** Dated papers of the atlas in each window. */
  earlierPapers: number;
  recentPapers: number;
}

/** Why an atlas has no trends: no dated paper, one year only, or too few papers in a window. */
export type NoTrendReason =
  | { kind: 'undated' }
  | { kind: 'one-year'; year: number; datedPapers: number }
  | { kind: 'too-few'; window: TrendWindow };

/** A ranked topic: its counts in both windows and what the rule made of them. */
export interface TopicTrend {
  topic: AtlasTopic;
  recent: number;
  earlier: number;
  /** Share of the recent window's papers, 0–1. */
  recentShare: number;
  earlierShare: number;
  /** recent share ÷ earlier share, each count plus ½ (Haldane's correction) so a topic new in the recent years stays finite. */
  growth: number;
  /** Two-proportion z score of recent share against earlier share (positive when rising). */
  z: number;
}

export type TrendReport =
  | { kind: 'trends'; window: TrendWindow; rising: TopicTrend[]; fading: TopicTrend[]; rankedTopics: number; datedPapers: number }
  | { kind: 'none'; reason: NoTrendReason; datedPapers: number };

/**
 * Papers per year over the whole atlas (dated papers only), keys ascending.
 * @example papersPerYear({ papers: [{ year: 2015 }, { year: 2014 }, {}] }) // => Map { 2014 => 1, 2015 => 1 }
 */
export function papersPerYear(atlas: Pick<AtlasData, 'papers'>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const paper of atlas.papers) if (paper.year !== undefined) counts.set(paper.year, (counts.get(paper.year) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => a[0] - b[0]));
}

/**
 * The recent and earlier windows of an atlas's dates: the last `RECENT_YEARS` years against all years before, or for a
 * span under twice that, its later half (rounded down, at least one year) against its earlier half, so both sides
 * always hold at least one year. Undefined when the papers span fewer than two years.
 * @example trendWindow(new Map([[2010, 50], [2015, 80], [2016, 90]])) // => { firstYear: 2010, recentFrom: 2014, lastYear: 2016, earlierPapers: 50, recentPapers: 170 }
 */
export function trendWindow(perYear: ReadonlyMap<number, number>): TrendWindow | undefined {
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const firstYear = years[0];
  const lastYear = years.at(-1);
  if (firstYear === undefined || lastYear === undefined || firstYear === lastYear) return undefined;
  const span = lastYear - firstYear + 1;
  const recentYears = Math.max(1, Math.min(RECENT_YEARS, Math.floor(span / 2)));
  const recentFrom = lastYear - recentYears + 1;
  let earlierPapers = 0;
  let recentPapers = 0;
  for (const [year, count] of perYear) {
    if (year >= recentFrom) recentPapers += count;
    else earlierPapers += count;
  }
  return { firstYear, recentFrom, lastYear, earlierPapers, recentPapers };
}

/**
 * A topic's counts in both windows, its growth and z score. `years` is the topic's papers per year (atlas.json).
 * @example topicTrend(topic, { firstYear: 2010, recentFrom: 2014, lastYear: 2016, earlierPapers: 100, recentPapers: 100 }) // with years { '2012': 5, '2015': 20 } => { recent: 20, earlier: 5, growth: 3.73…, z: 3.21… }
 */
export function topicTrend(topic: AtlasTopic, window: TrendWindow): TopicTrend {
  let recent = 0;
  let earlier = 0;
  for (const [year, count] of Object.entries(topic.years ?? {})) {
    if (Number(year) >= window.recentFrom) recent += count;
    else earlier += count;
  }
  const nRecent = window.recentPapers;
  const nEarlier = window.earlierPapers;
  const growth = ((recent + 0.5) / (nRecent + 0.5)) / ((earlier + 0.5) / (nEarlier + 0.5));
  const pooled = (recent + earlier) / Math.max(1, nRecent + nEarlier);
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(1, nRecent) + 1 / Math.max(1, nEarlier)));
  const recentShare = recent / Math.max(1, nRecent);
  const earlierShare = earlier / Math.max(1, nEarlier);
  const z = spread > 0 ? (recentShare - earlierShare) / spread : 0;
  return { topic, recent, earlier, recentShare, earlierShare, growth, z };
}

/**
 * The topics ranked: leaf topics (subtopics, and themes that have none) with at least `MIN_TOPIC_PAPERS` dated papers;
 * rising when growth ≥ `MIN_GROWTH` and z ≥ `MIN_Z` (most rising first), fading when growth ≤ 1 / `MIN_GROWTH` and
 * z ≤ −`MIN_Z` (most fading first); ties by z, then topic id. At most `TREND_LIST_LENGTH` each. When the atlas has
 * no dates, one year only, or fewer than `MIN_WINDOW_PAPERS` dated papers in a window, the report says why instead.
 * @example rankTrends(atlas).kind // => 'trends' (or 'none' with reason { kind: 'undated' } for a corpus without dates)
 */
export function rankTrends(atlas: Pick<AtlasData, 'papers' | 'topics'>): TrendReport {
  const perYear = papersPerYear(atlas);
  let datedPapers = 0;
  for (const count of perYear.values()) datedPapers += count;
  if (datedPapers === 0) return { kind: 'none', reason: { kind: 'undated' }, datedPapers };
  const window = trendWindow(perYear);
  if (!window) return { kind: 'none', reason: { kind: 'one-year', year: [...perYear.keys()][0]!, datedPapers }, datedPapers };
  if (window.recentPapers < MIN_WINDOW_PAPERS || window.earlierPapers < MIN_WINDOW_PAPERS) {
    return { kind: 'none', reason: { kind: 'too-few', window }, datedPapers };
  }
  const parents = new Set(atlas.topics.flatMap((topic) => (topic.parent === null ? [] : [topic.parent])));
  const ranked = atlas.topics
    .filter((topic) => !parents.has(topic.id))
    .map((topic) => topicTrend(topic, window))
    .filter((trend) => trend.recent + trend.earlier >= MIN_TOPIC_PAPERS);
  const rising = ranked
    .filter((trend) => trend.growth >= MIN_GROWTH && trend.z >= MIN_Z)
    .sort((a, b) => b.growth - a.growth || b.z - a.z || a.topic.id - b.topic.id)
    .slice(0, TREND_LIST_LENGTH);
  const fading = ranked
    .filter((trend) => trend.growth <= 1 / MIN_GROWTH && trend.z <= -MIN_Z)
    .sort((a, b) => a.growth - b.growth || a.z - b.z || a.topic.id - b.topic.id)
    .slice(0, TREND_LIST_LENGTH);
  return { kind: 'trends', window, rising, fading, rankedTopics: ranked.length, datedPapers };
}

/**
 * A share as a percentage with two significant digits below 10 % (so a small topic does not read 0.0 %).
 * @example formatShare(0.0412) // => '4.1 %'
 * @example formatShare(0.00034) // => '0.034 %'
 */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent === 0) return '0 %';
  const text = percent >= 10 ? percent.toFixed(0) : percent.toPrecision(2);
  return `${text.includes('.') ? text.replace(/\.?0+$/, '') : text} %`;
}

/**
 * A growth factor as the page shows it: `×3.2` up to 10, whole numbers above; fading topics as well (`×0.41`).
 * @example formatGrowth(3.24) // => '×3.2'
 * @example formatGrowth(0.4127) // => '×0.41'
 */
export function formatGrowth(growth: number): string {
  return `×${growth >= 10 ? growth.toFixed(0) : growth >= 1 ? growth.toFixed(1) : growth.toPrecision(2)}`;
}

/** One entry of a /trends/ list as TrendList.astro shows it (built by src/data/trends.ts). */
export interface TrendEntry {
  trend: TopicTrend;
  /** The theme a subtopic belongs to. */
  theme?: { slug: string; label: string } | undefined;
  color: string;
  /** Terms over-represented in the topic's recent papers (recent-terms.ts), best first. */
  newTerms: string[];
  /** The topic's share of each year's papers, from `sparkFrom` to the last year. */
  shares: YearValue[];
}

