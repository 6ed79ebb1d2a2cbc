/**
 * The reader's library as stored in the browser: one JSON value under one versioned key (`LIBRARY_KEY`), read
 * through `readLibrary`, which migrates every older version to the current one and refuses (with a message) what
 * it cannot read, so a future site always opens a library an older site wrote.
 *
 * Each entry keeps a snapshot of the paper's citation fields taken when it was saved, so a paper that a rebuild
 * removed from the atlas is still listed ("not in this atlas") and still exported, with no server and no fetch.
 * Pure: no DOM, no storage API (src/scripts/library/storage.ts does the reading and writing).
 */

/** The localStorage key; the value's `version` field says which shape it holds. */
export const LIBRARY_KEY = 'research-atlas:library';

/** The version this code writes. */
export const LIBRARY_VERSION = 2;

/** What a library keeps of a paper: enough to list, cite and export it without the atlas. */
export interface PaperSnapshot {
  title: string;
  authors: string[];
  /** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  venue?: string;
  doi?: string;
  arxivId?: string;
  /** The paper's own landing page (not the atlas page). */
  url?: string;
  /** The paper's topic in the atlas it was saved from. */
  topic?: { slug: string; label: string };
}

export interface LibraryEntry {
  /** The paper's slug in the atlas (its page is /papers/<id>/). */
  id: string;
  /** ISO timestamp of the save. */
  savedAt: string;
  read: boolean;
  note: string;
  /** Reader's tags, trimmed, unique ignoring case, in the order given. */
  tags: string[];
  paper: PaperSnapshot;
}

export interface Library {
  version: typeof LIBRARY_VERSION;
  /** Newest save first. */
  entries: LibraryEntry[];
  /** Slugs the reader marked "not interested" on a recommendation: negative examples for the ranking. */
  notInterested: string[];
}

/** An empty library. @example emptyLibrary().entries // => [] */
export function emptyLibrary(): Library {
  return { version: LIBRARY_VERSION, entries: [], notInterested: [] };
}

/** Why a stored value could not be read; the caller keeps the stored text untouched. */
export class LibraryReadError extends Error {}

type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 1 (the first release) stored `{ version: 1, saved: { [slug]: { savedAt: epoch ms, title } } }`: saves
 * only, no read state, notes or tags. Version 2 adds those, the citation snapshot and the negative examples.
 */
const MIGRATIONS: Record<number, Migration> = {
  1: (value) => {
    const saved = isRecord(value.saved) ? value.saved : {};
    const entries = Object.entries(saved).map(([id, item]) => {
      const record = isRecord(item) ? item : {};
      const savedAtMs = typeof record.savedAt === 'number' && Number.isFinite(record.savedAt) ? record.savedAt : 0;
      return {
        id,
        savedAt: new Date(savedAtMs).toISOString(),
        read: false,
        note: '',
        tags: [],
        paper: { title: typeof record.title === 'string' && record.title !== '' ? record.title : id, authors: [] },
      };
    });
    entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? -1 : 1));
    return { version: 2, entries, notInterested: [] };
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A snapshot from untrusted JSON, keeping only fields of the right type. */
export function toSnapshot(value: unknown, fallbackTitle: string): PaperSnapshot {
  const record = isRecord(value) ? value : {};
  const snapshot: PaperSnapshot = {
    title: optionalString(record.title) ?? fallbackTitle,
    authors: Array.isArray(record.authors) ? record.authors.filter((name): name is string => typeof name === 'string' && name !== '') : [],
  };
  for (const key of ['date', 'venue', 'doi', 'arxivId', 'url'] as const) {
    const text = optionalString(record[key]);
    if (text !== undefined) snapshot[key] = text;
  }
  if (isRecord(record.topic) && typeof record.topic.slug === 'string' && typeof record.topic.label === 'string') {
    snapshot.topic = { slug: record.topic.slug, label: record.topic.label };
  }
  return snapshot;
}

function toEntry(value: unknown): LibraryEntry | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return undefined;
  return {
    id: value.id,
    savedAt: typeof value.savedAt === 'string' ? value.savedAt : new Date(0).toISOString(),
    read: value.read === true,
    note: typeof value.note === 'string' ? value.note : '',
    tags: normaliseTags(Array.isArray(value.tags) ? value.tags.filter((tag): tag is string => typeof tag === 'string') : []),
    paper: toSnapshot(value.paper, value.id),
  };
}

/**
 * The library in a stored text, migrated to the current version. `null` (nothing stored) is an empty library.
 * Throws LibraryReadError for text that is not a library or comes from a newer site.
 * @example parseLibrary('{"version":1,"saved":{"a-1":{"savedAt":0,"title":"A"}}}').entries[0].paper.title // => 'A'
 */
export function parseLibrary(text: string | null): Library {
  if (text === null || text === '') return emptyLibrary();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LibraryReadError('the stored library is not valid JSON');
  }
  if (!isRecord(value) || typeof value.version !== 'number') throw new LibraryReadError('the stored value is not a library (no version)');
  if (value.version > LIBRARY_VERSION) {
    throw new LibraryReadError(`the stored library is version ${value.version}, newer than this site reads (${LIBRARY_VERSION})`);
  }
  let current: Record<string, unknown> = value;
  while ((current.version as number) < LIBRARY_VERSION) {
    const migrate = MIGRATIONS[current.version as number];
    if (!migrate) throw new LibraryReadError(`no migration from library version ${String(current.version)}`);
    current = migrate(current);
  }
  const seen = new Set<string>();
  const entries = (Array.isArray(current.entries) ? current.entries : [])
    .map(toEntry)
    .filter((entry): entry is LibraryEntry => entry !== undefined && !seen.has(entry.id) && (seen.add(entry.id), true));
  const notInterested = Array.isArray(current.notInterested)
    ? [...new Set(current.notInterested.filter((id): id is string => typeof id === 'string'))]
    : [];
  return { version: LIBRARY_VERSION, entries, notInterested };
}

/** The text stored for a library. @example serializeLibrary(emptyLibrary()) // => '{"version":2,"entries":[],"notInterested":[]}' */
export function serializeLibrary(library: Library): string {
  return JSON.stringify(library);
}

/**
 * Tags trimmed, inner whitespace collapsed, split at commas (a comma separates tags in every export format),
 * empty ones and repeats (ignoring case) dropped, first spelling kept.
 * @example normaliseTags([' to read ', 'To  Read', 'gnn, rl', '']) // => ['to read', 'gnn', 'rl']
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags.flatMap((tag) => tag.split(','))) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The entry of a paper, if saved. @example findEntry(emptyLibrary(), 'a') // => undefined */
export function findEntry(library: Library, id: string): LibraryEntry | undefined {
  return library.entries.find((entry) => entry.id === id);
}

/**
 * The library with a paper saved (first in the list); an already saved paper is left as it is.
 * @example saveEntry(emptyLibrary(), 'a-1', { title: 'A', authors: [] }, '2026-01-01T00:00:00.000Z').entries.length // => 1
 */
export function saveEntry(library: Library, id: string, paper: PaperSnapshot, savedAt: string): Library {
  if (findEntry(library, id)) return library;
  const entry: LibraryEntry = { id, savedAt, read: false, note: '', tags: [], paper };
  return { ...library, entries: [entry, ...library.entries], notInterested: library.notInterested.filter((other) => other !== id) };
}

/**
 * The library without a paper, and the removed entry with its position (for undo).
 * @example removeEntry(emptyLibrary(), 'a').removed // => undefined
 */
export function removeEntry(library: Library, id: string): { library: Library; removed?: { entry: LibraryEntry; index: number } } {
  const index = library.entries.findIndex((entry) => entry.id === id);
  const entry = library.entries[index];
  if (!entry) return { library };
  return { library: { ...library, entries: library.entries.filter((other) => other.id !== id) }, removed: { entry, index } };
}

/**
 * Put a removed entry back where it was (undo). A paper saved again meanwhile is left as it is.
 * @example restoreEntry(emptyLibrary(), { entry: { id: 'a', savedAt: '', read: true, note: 'n', tags: [], paper: { title: 'A', authors: [] } }, index: 0 }).entries[0].note // => 'n'
 */
export function restoreEntry(library: Library, removed: { entry: LibraryEntry; index: number }): Library {
  if (findEntry(library, removed.entry.id)) return library;
  const entries = [...library.entries];
  entries.splice(Math.min(removed.index, entries.length), 0, removed.entry);
  return { ...library, entries };
}

/**
 * The library with one entry changed (read state, note, tags); tags are normalised.
 * @example updateEntry(saveEntry(emptyLibrary(), 'a', { title: 'A', authors: [] }, 't'), 'a', { read: true }).entries[0].read // => true
 */
export function updateEntry(library: Library, id: string, change: Partial<Pick<LibraryEntry, 'read' | 'note' | 'tags'>>): Library {
  return {
    ...library,
    entries: library.entries.map((entry) =>
      entry.id === id ? { ...entry, ...change, tags: change.tags ? normaliseTags(change.tags) : entry.tags } : entry,
    ),
  };
}

/**
 * The library with a paper marked "not interested" (a negative example for recommendations), or unmarked.
 * @example markNotInterested(emptyLibrary(), 'b', true).notInterested // => ['b']
 */
export function markNotInterested(library: Library, id: string, notInterested: boolean): Library {
  const others = library.notInterested.filter((other) => other !== id);
  return { ...library, notInterested: notInterested ? [...others, id] : others };
}

/**
 * Entries from another source (an import, a share link) added after the library's own; papers already saved keep
 * their own note, tags and read state, and gain tags they lacked. Returns how many were new.
 * @example mergeEntries(emptyLibrary(), [{ id: 'a', savedAt: 't', read: false, note: '', tags: [], paper: { title: 'A', authors: [] } }]).added // => 1
 */
export function mergeEntries(library: Library, incoming: readonly LibraryEntry[]): { library: Library; added: number } {
  const byId = new Map(library.entries.map((entry) => [entry.id, entry]));
  const fresh: LibraryEntry[] = [];
  for (const entry of incoming) {
    const existing = byId.get(entry.id);
    if (existing) {
      byId.set(entry.id, { ...existing, tags: normaliseTags([...existing.tags, ...entry.tags]), note: existing.note || entry.note });
    } else if (!fresh.some((other) => other.id === entry.id)) {
      fresh.push(entry);
    }
  }
  const kept = library.entries.map((entry) => byId.get(entry.id) ?? entry);
  const entries = [...fresh, ...kept].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  return { library: { ...library, entries }, added: fresh.length };
}

/**
 * Every tag in the library with its number of papers, most used first, then A–Z.
 * @example tagCounts(emptyLibrary()) // => []
 */
export function tagCounts(library: Library): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const entry of library.entries) {
    for (const tag of entry.tags) {
      const key = tag.toLowerCase();
      const item = counts.get(key) ?? { tag, count: 0 };
      item.count += 1;
      counts.set(key, item);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/**
 * Saved papers per topic (label as saved; papers without one under "No topic"), largest first, then A–Z.
 * @example topicCounts(emptyLibrary()) // => []
 */
export function topicCounts(library: Library): { label: string; slug?: string; count: number }[] {
  const counts = new Map<string, { label: string; slug?: string; count: number }>();
  for (const entry of library.entries) {
    const topic = entry.paper.topic;
    const key = topic?.slug ?? '';
    const item = counts.get(key) ?? (topic ? { label: topic.label, slug: topic.slug, count: 0 } : { label: 'No topic', count: 0 });
    item.count += 1;
    counts.set(key, item);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * The library with each paper's snapshot replaced by the atlas's current fields (a Save button on a list row keeps
 * only the title; a rebuild may add a DOI). Papers the atlas no longer has keep their snapshot. The same object
 * comes back when nothing changed.
 * @example refreshSnapshots(emptyLibrary(), () => undefined).entries // => []
 */
export function refreshSnapshots(library: Library, snapshotOf: (id: string) => PaperSnapshot | undefined): Library {
  let changed = false;
  const entries = library.entries.map((entry) => {
    const current = snapshotOf(entry.id);
    if (!current || JSON.stringify(current) === JSON.stringify(entry.paper)) return entry;
    changed = true;
    return { ...entry, paper: current };
  });
  return changed ? { ...library, entries } : library;
}
