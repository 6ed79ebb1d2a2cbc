/** Messages between /library/ and its recommendation worker. */
export interface RecommendRequest {
  id: number;
  /** The site base, ending in `/`. */
  base: string;
  saved: string[];
  /** Topic slugs of the saved papers (the worker ranks papers of these topics and the nearest ones). */
  savedTopics: string[];
  notInterested: string[];
  limit: number;
}

export interface RecommendedPaper {
  slug: string;
  title: string;
  score: number;
  /** Words the paper shares most with the library, strongest first. */
  shared: string[];
}

export type RecommendReply = { id: number; papers: RecommendedPaper[]; workerMs: number } | { id: number; error: string };
