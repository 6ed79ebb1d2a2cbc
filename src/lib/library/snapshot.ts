import type { CitablePaper } from '../site/cite.ts';
import type { PaperSnapshot } from './store.ts';

/** The citation fields of a paper as the build has them: the site's citable paper, less its slug. */
export type SnapshotSource = Omit<CitablePaper, 'slug'>;

/**
 * What the library keeps of a paper when it is saved: its citation fields and its topic.
 * @example paperSnapshot({ title: 'A', authors: ['Ada Lovelace'], date: '2024', doi: undefined }, { slug: 'rl', label: 'rl' })
 * // => { title: 'A', authors: ['Ada Lovelace'], date: '2024', topic: { slug: 'rl', label: 'rl' } }
 */
export function paperSnapshot(paper: SnapshotSource, topic?: { slug: string; label: string }): PaperSnapshot {
  const snapshot: PaperSnapshot = { title: paper.title, authors: [...paper.authors] };
  for (const key of ['date', 'venue', 'doi', 'arxivId', 'url'] as const) {
    const value = paper[key];
    if (value) snapshot[key] = value;
  }
  if (topic) snapshot.topic = { slug: topic.slug, label: topic.label };
  return snapshot;
}
