import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LibraryReadError, emptyLibrary, markNotInterested, mergeEntries, normaliseTags, parseLibrary, removeEntry, restoreEntry,
  refreshSnapshots, saveEntry, serializeLibrary, tagCounts, topicCounts, updateEntry,
} from '../../../src/lib/library/store.ts';

const paper = (title: string, topic?: string) => ({ title, authors: ['Ada Lovelace'], ...(topic ? { topic: { slug: topic, label: topic } } : {}) });

test('a version 1 library (saves only) migrates to version 2, newest first, with empty notes and tags', () => {
  const v1 = JSON.stringify({ version: 1, saved: { 'old-1': { savedAt: 1_000, title: 'Old' }, 'new-2': { savedAt: 5_000, title: 'New' } } });
  const library = parseLibrary(v1);
  assert.equal(library.version, 2);
  assert.deepEqual(library.entries.map((entry) => [entry.id, entry.paper.title, entry.read, entry.note, entry.tags]), [
    ['new-2', 'New', false, '', []],
    ['old-1', 'Old', false, '', []],
  ]);
  assert.equal(library.entries[0]?.savedAt, new Date(5_000).toISOString());
});

test('the current version reads back what it wrote', () => {
  let library = saveEntry(emptyLibrary(), 'a', paper('A'), '2026-01-01T00:00:00.000Z');
  library = updateEntry(library, 'a', { read: true, note: 'line 1\nline 2', tags: ['gnn', 'GNN', ' to read '] });
  assert.deepEqual(parseLibrary(serializeLibrary(library)), library);
  assert.deepEqual(library.entries[0]?.tags, ['gnn', 'to read']);
});

test('nothing stored is an empty library; a newer version or garbage is refused with a message', () => {
  assert.deepEqual(parseLibrary(null), emptyLibrary());
  assert.throws(() => parseLibrary('{"version":99,"entries":[]}'), (error: unknown) => error instanceof LibraryReadError && /version 99, newer/.test(error.message));
  assert.throws(() => parseLibrary('{oops'), /not valid JSON/);
  assert.throws(() => parseLibrary('[1,2]'), /not a library/);
});

test('malformed entries are dropped, duplicates keep the first', () => {
  const text = JSON.stringify({ version: 2, entries: [{ id: 'a', paper: { title: 'A', authors: [3, 'B'] } }, { id: 'a' }, { nope: 1 }, 'x'], notInterested: ['z', 'z', 4] });
  const library = parseLibrary(text);
  assert.deepEqual(library.entries.map((entry) => entry.id), ['a']);
  assert.deepEqual(library.entries[0]?.paper.authors, ['B']);
  assert.deepEqual(library.notInterested, ['z']);
});

test('remove then restore puts the entry back where it was, note and all', () => {
  let library = emptyLibrary();
  for (const id of ['c', 'b', 'a']) library = saveEntry(library, id, paper(id), `2026-01-0${id === 'a' ? 3 : id === 'b' ? 2 : 1}T00:00:00.000Z`);
  library = updateEntry(library, 'b', { note: 'keep me' });
  const { library: without, removed } = removeEntry(library, 'b');
  assert.deepEqual(without.entries.map((entry) => entry.id), ['a', 'c']);
  assert.ok(removed);
  const back = restoreEntry(without, removed);
  assert.deepEqual(back, library);
});

test('saving a paper marked not interested unmarks it', () => {
  const library = markNotInterested(emptyLibrary(), 'x', true);
  assert.deepEqual(saveEntry(library, 'x', paper('X'), 't').notInterested, []);
});

test('merging keeps the library own note and read state and adds missing tags', () => {
  let library = saveEntry(emptyLibrary(), 'a', paper('A'), '2026-01-02T00:00:00.000Z');
  library = updateEntry(library, 'a', { note: 'mine', tags: ['x'] });
  const incoming = [
    { id: 'a', savedAt: '2020-01-01T00:00:00.000Z', read: true, note: 'theirs', tags: ['y'], paper: paper('A') },
    { id: 'b', savedAt: '2026-01-01T00:00:00.000Z', read: false, note: '', tags: [], paper: paper('B') },
  ];
  const { library: merged, added } = mergeEntries(library, incoming);
  assert.equal(added, 1);
  assert.deepEqual(merged.entries.map((entry) => [entry.id, entry.note, entry.read, entry.tags]), [
    ['a', 'mine', false, ['x', 'y']],
    ['b', '', false, []],
  ]);
});

test('tag and topic counts, largest first', () => {
  let library = emptyLibrary();
  library = saveEntry(library, 'a', paper('A', 'rl'), 't1');
  library = saveEntry(library, 'b', paper('B', 'rl'), 't2');
  library = saveEntry(library, 'c', paper('C'), 't3');
  library = updateEntry(library, 'a', { tags: ['gnn', 'read later'] });
  library = updateEntry(library, 'b', { tags: ['GNN'] });
  assert.deepEqual(tagCounts(library), [{ tag: 'GNN', count: 2 }, { tag: 'read later', count: 1 }]);
  assert.deepEqual(topicCounts(library), [{ label: 'rl', slug: 'rl', count: 2 }, { label: 'No topic', count: 1 }]);
});

test('normaliseTags splits at commas and drops repeats ignoring case', () => {
  assert.deepEqual(normaliseTags([' to read ', 'To  Read', 'gnn, rl', '']), ['to read', 'gnn', 'rl']);
});

test('refreshSnapshots fills saved papers from the atlas and keeps those it no longer has', () => {
  let library = saveEntry(emptyLibrary(), 'a', { title: 'A', authors: [] }, 't1');
  library = saveEntry(library, 'gone', { title: 'Gone', authors: ['X Y'] }, 't2');
  const atlas = new Map([['a', { title: 'A', authors: ['Ada Lovelace'], doi: '10.1/a' }]]);
  const refreshed = refreshSnapshots(library, (id) => atlas.get(id));
  assert.deepEqual(refreshed.entries.map((entry) => entry.paper), [{ title: 'Gone', authors: ['X Y'] }, { title: 'A', authors: ['Ada Lovelace'], doi: '10.1/a' }]);
  assert.equal(refreshSnapshots(refreshed, (id) => atlas.get(id)), refreshed);
});
