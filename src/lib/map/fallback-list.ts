import type { AtlasData, AtlasTopic } from '../topics/atlas-schema.ts';

/** One topic as the no-JavaScript map lists it. */
export interface FallbackTopic {
  topic: AtlasTopic;
  /** Subtopics (two-level atlases), largest first; empty for subtopics and one-level atlases. */
  children: FallbackTopic[];
  /** The topic's most central papers (its own and its subtopics'), at most `papersPerTopic`. */
  papers: Array<{ slug: string; title: string }>;
  /** All papers of the topic, including subtopics. */
  paperCount: number;
}

/**
 * The topics the map shows, as a nested list for readers without JavaScript: broad themes (or all topics when there
 * is one level) largest first, each with its most central papers (closest to the topic centre, outliers last, ties
 * by slug). One pass groups the papers, so 100k papers cost one sort per topic, not one scan per topic.
 * @param atlas the published atlas
 * @param papersPerTopic how many papers to list under each topic (0 lists topics only)
 * @example fallbackTopics(atlas, 2)[0] // => { topic: { label: 'graphs · networks', … }, children: [], papers: [{ slug: 'a', title: 'A' }, …], paperCount: 120 }
 */
export function fallbackTopics(atlas: AtlasData, papersPerTopic: number): FallbackTopic[] {
  const papersByTopic = new Map<number, AtlasData['papers']>();
  for (const paper of atlas.papers) {
    const list = papersByTopic.get(paper.topic);
    if (list) list.push(paper);
    else papersByTopic.set(paper.topic, [paper]);
  }
  const bySize = (a: AtlasTopic, b: AtlasTopic) => b.size - a.size || a.id - b.id;
  const build = (topic: AtlasTopic, children: AtlasTopic[]): FallbackTopic => {
    const members = [topic, ...children].flatMap((member) => papersByTopic.get(member.id) ?? []);
    const [cx, cy] = topic.centroid;
    const central =
      papersPerTopic <= 0
        ? []
        : members
            .map((paper) => ({ paper, distance: (paper.x - cx) ** 2 + (paper.y - cy) ** 2 }))
            .sort(
              (a, b) =>
                Number(a.paper.weak) - Number(b.paper.weak) ||
                a.distance - b.distance ||
                (a.paper.slug < b.paper.slug ? -1 : a.paper.slug > b.paper.slug ? 1 : 0),
            )
            .slice(0, papersPerTopic)
            .map(({ paper }) => ({ slug: paper.slug, title: paper.title }));
    return {
      topic,
      children: children.sort(bySize).map((child) => build(child, [])),
      papers: central,
      paperCount: members.length,
    };
  };
  const isRoot = (topic: AtlasTopic) => atlas.levels === 1 || topic.parent === null;
  return atlas.topics
    .filter(isRoot)
    .sort(bySize)
    .map((root) => build(root, atlas.levels === 2 ? atlas.topics.filter((topic) => topic.parent === root.id) : []));
}
