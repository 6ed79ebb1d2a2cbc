/** The atlas's paper rows (/library/papers.deflate), fetched once when the library page first needs them. */
import { inflateText } from '../../lib/bytes/inflate.ts';
import { decodeCatalogue, rowToSnapshot, type CatalogueRow } from '../../lib/library/catalogue.ts';
import type { PaperSnapshot } from '../../lib/library/store.ts';
import type { LibraryTopicIndex } from '../../lib/library/topic-moves.ts';

let pending: Promise<Map<string, CatalogueRow>> | undefined;

export function loadCatalogue(base: string): Promise<Map<string, CatalogueRow>> {
  pending ??= fetch(`${base.replace(/\/$/, '')}/library/papers.deflate`)
    .then(async (response) => {
      if (!response.ok) throw new Error(`papers list: HTTP ${response.status}`);
      return JSON.parse(await inflateText(new Uint8Array(await response.arrayBuffer()))) as unknown;
    })
    .then((value) => new Map(decodeCatalogue(value).map((row) => [row[0], row])));
  return pending;
}

/** The atlas's current fields of a paper, or undefined when it is not in this atlas. */
export function snapshotFrom(catalogue: Map<string, CatalogueRow>, slug: string): PaperSnapshot | undefined {
  const row = catalogue.get(slug);
  return row ? rowToSnapshot(row) : undefined;
}

let pendingTopics: Promise<LibraryTopicIndex> | undefined;

/** This atlas's topics and moved topic URLs (/library/topics.json), fetched once. */
export function loadTopicIndex(base: string): Promise<LibraryTopicIndex> {
  pendingTopics ??= fetch(`${base.replace(/\/$/, '')}/library/topics.json`).then((response) => {
    if (!response.ok) throw new Error(`topics list: HTTP ${response.status}`);
    return response.json() as Promise<LibraryTopicIndex>;
  });
  return pendingTopics;
}
