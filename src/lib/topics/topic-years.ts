/**
 * Time in the atlas: each paper's publication year and each topic's papers per year.
 *
 * The years are laid onto the topic step's output rather than computed inside it: the fit never reads dates, so a
 * stored fit (reused as it is, or with papers folded in: fold-in.ts) gets the years of the papers of this build, and a
 * paper whose date changed but whose text did not is counted in its new year without refitting.
 */
import type { AtlasData, AtlasTopic } from './atlas-schema.ts';

/**
 * The atlas with `year` on every dated paper and `years` on every topic: the count of the topic's papers per year
 * (for a theme, its subtopics' papers), keys in ascending order. Papers whose slug has no year stay undated and are
 * counted nowhere. Pure and deterministic: the same atlas and years give the same object.
 * @example withYears(atlas, new Map([['a-1x2y3z', 2015]])).topics[0].years // => { '2015': 1 }
 */
export function withYears(atlas: AtlasData, yearBySlug: ReadonlyMap<string, number>): AtlasData {
  const countsByTopic = atlas.topics.map(() => new Map<number, number>());
  const parentOf = atlas.topics.map((topic) => topic.parent);
  const papers = atlas.papers.map((paper) => {
    const { year: _previous, ...undated } = paper;
    const year = yearBySlug.get(paper.slug);
    if (year === undefined) return undated;
    // The paper's own topic, and its theme when that topic is a subtopic.
    for (let topic: number | null | undefined = paper.topic; topic !== null && topic !== undefined; topic = parentOf[topic]) {
      const counts = countsByTopic[topic];
      if (counts) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    return { ...undated, year };
  });
  const topics: AtlasTopic[] = atlas.topics.map((topic, index) => ({ ...topic, years: yearsObject(countsByTopic[index]) }));
  return { ...atlas, topics, papers };
}

/** Counts per year as a plain object with keys in ascending year order (JSON keeps that order). */
function yearsObject(counts: ReadonlyMap<number, number> | undefined): Record<string, number> {
  const years: Record<string, number> = {};
  for (const year of [...(counts?.keys() ?? [])].sort((left, right) => left - right)) years[String(year)] = counts?.get(year) ?? 0;
  return years;
}
