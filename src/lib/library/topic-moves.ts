import type { Library, PaperSnapshot } from './store.ts';

/**
 * The topics of this atlas as the library needs them (/library/topics.json): every live topic as `[slug, label]`
 * and the topic URLs earlier builds had that no topic holds now, as `[old slug, successor slug or null]` (atlas.json
 * `moved`, src/lib/topics/topic-urls.ts). A saved paper keeps the topic it had when saved; when the atlas is rebuilt
 * and that topic's URL moved, the library shows and links the successor instead of a topic that no longer exists.
 */
export interface LibraryTopicIndex {
  topics: [slug: string, label: string][];
  moved: [slug: string, to: string | null][];
}

/** Moves followed at most: atlas.json resolves each to a live topic already, but a hand-made file might chain. */
const MAX_HOPS = 8;

/**
 * The live topic a saved topic slug stands for now: itself when live, else its successor through `moved` (followed
 * hop by hop); undefined when it vanished with no successor, or is unknown to this atlas.
 * @example topicSuccessor('graph-nets', { topics: [['gnn', 'graph neural networks']], moved: [['graph-nets', 'gnn']] }) // => { slug: 'gnn', label: 'graph neural networks' }
 */
export function topicSuccessor(slug: string, index: LibraryTopicIndex): { slug: string; label: string } | undefined {
  const labelOf = new Map(index.topics);
  const movedTo = new Map(index.moved);
  let current: string | null | undefined = slug;
  for (let hop = 0; hop <= MAX_HOPS && current; hop += 1) {
    const label = labelOf.get(current);
    if (label !== undefined) return { slug: current, label };
    current = movedTo.get(current);
  }
  return undefined;
}

/**
 * The library with every saved topic that moved replaced by its successor, and every live one given its current
 * label (a kept slug can carry a new label); topics unknown or gone without a successor stay as saved. Returns the
 * same object when nothing changed.
 * @example followTopicMoves(library, { topics: [['gnn', 'graph neural networks']], moved: [['graph-nets', 'gnn']] }).entries[0].paper.topic
 * // => { slug: 'gnn', label: 'graph neural networks' } (was { slug: 'graph-nets', label: 'graph nets' })
 */
export function followTopicMoves(library: Library, index: LibraryTopicIndex): Library {
  let changed = false;
  const entries = library.entries.map((entry) => {
    const saved = entry.paper.topic;
    if (!saved) return entry;
    const now = topicSuccessor(saved.slug, index);
    if (!now || (now.slug === saved.slug && now.label === saved.label)) return entry;
    changed = true;
    const paper: PaperSnapshot = { ...entry.paper, topic: now };
    return { ...entry, paper };
  });
  return changed ? { ...library, entries } : library;
}
