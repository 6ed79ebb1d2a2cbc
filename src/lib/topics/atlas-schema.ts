/**
 * The atlas data object: the output of the topic step, published as `/atlas.json`.
 * Coordinates are in a unit square-ish space ([0, 1] on both axes); similarities are cosine in [0, 1].
 * Every number is written with fixed precision so the same sources give the same bytes.
 */
export interface AtlasTopic {
  /** Dense index, 0..topics.length-1, in the order topics are listed (largest first, ties by label). */
  id: number;
  /** URL slug of the topic page, unique, e.g. `continual-learning-forgetting`. */
  slug: string;
  /** Short human label from the best 2–3 terms, e.g. `continual learning · forgetting`. */
  label: string;
  /** c-TF-IDF keywords, best first (10 or fewer). */
  keywords: string[];
  /** Number of papers in the topic. */
  size: number;
  /**
   * The topic's dated papers per publication year (a theme counts its subtopics' papers), keys in ascending order:
   * `{ "2015": 126, "2016": 140 }`; `{}` when none is dated. Set by topic-years.ts on the published atlas.
   */
  years?: Record<string, number>;
  /** Centre of the topic's papers on the map. */
  centroid: [number, number];
  /** For subtopics, the id of the broad theme they belong to; null for broad themes. */
  parent: number | null;
  /** 0 for broad themes (or the only level), 1 for subtopics. */
  level: 0 | 1;
}

export interface AtlasRelated {
  slug: string;
  similarity: number;
  /** Terms both papers share, strongest first (at most 5). */
  shared: string[];
}

export interface AtlasPaper {
  slug: string;
  /** The source's identifier when the input has one. */
  sourceId?: string;
  title: string;
  /** Publication year, when the source or the arXiv id gives one (src/lib/ingest/paper-date.ts); absent when undated. */
  year?: number;
  /** Id of the finest-level topic the paper belongs to. */
  topic: number;
  /** True when the paper is far from its topic's centre (an outlier assigned to the nearest topic). */
  weak: boolean;
  x: number;
  y: number;
  /** The 5 nearest papers by cosine similarity, most similar first. */
  related: AtlasRelated[];
}

/** A topic URL of an earlier build whose topic is gone: its page redirects to the topic its papers went to. */
export interface MovedTopic {
  /** The old slug, e.g. `graph-neural-networks`. */
  slug: string;
  /** Slug of the nearest successor in this atlas, or null when nothing in it comes close (the page then leads to `/topics/`). */
  to: string | null;
}

export interface AtlasData {
  version: 1;
  /** Number of levels: 1, or 2 when broad themes have subtopics. */
  levels: 1 | 2;
  topics: AtlasTopic[];
  papers: AtlasPaper[];
  /**
   * Topic URLs of earlier builds that no topic holds any more, by slug (topic-urls.ts); set only when some
   * exist, so a build without a previous atlas has none.
   */
  moved?: MovedTopic[];
}

/** What the topic step needs of each paper. */
export interface TopicInput {
  slug: string;
  sourceId?: string;
  title: string;
  abstract: string;
}

/**
 * The text the topic step reads of a paper: the title twice (a title word says more about the topic than an
 * abstract word) and the abstract.
 * @example topicText({ slug: 'a', title: 'Graph networks', abstract: 'Message passing.' }) // => 'Graph networks. Graph networks. Message passing.'
 */
export function topicText(paper: TopicInput): string {
  return `${paper.title}. ${paper.title}. ${paper.abstract}`;
}
