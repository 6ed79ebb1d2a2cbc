import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyLibrary, saveEntry } from '../../../src/lib/library/store.ts';
import { followTopicMoves, topicSuccessor, type LibraryTopicIndex } from '../../../src/lib/library/topic-moves.ts';

const index: LibraryTopicIndex = {
  topics: [
    ['graph-neural-networks', 'graph neural networks · message passing'],
    ['reinforcement-learning', 'reinforcement learning'],
  ],
  moved: [
    ['graph-nets', 'graph-neural-networks'],
    ['older-name', 'graph-nets'],
    ['gone-for-good', null],
    ['loop-a', 'loop-b'],
    ['loop-b', 'loop-a'],
  ],
};

test('topicSuccessor gives a live topic itself, a moved one its successor, following earlier moves', () => {
  assert.deepEqual(topicSuccessor('reinforcement-learning', index), { slug: 'reinforcement-learning', label: 'reinforcement learning' });
  assert.deepEqual(topicSuccessor('graph-nets', index), { slug: 'graph-neural-networks', label: 'graph neural networks · message passing' });
  assert.deepEqual(topicSuccessor('older-name', index), { slug: 'graph-neural-networks', label: 'graph neural networks · message passing' });
});

test('topicSuccessor gives nothing for a topic gone without successor, an unknown slug or a loop', () => {
  assert.equal(topicSuccessor('gone-for-good', index), undefined);
  assert.equal(topicSuccessor('never-heard-of', index), undefined);
  assert.equal(topicSuccessor('loop-a', index), undefined);
});

test('followTopicMoves replaces a saved topic that moved, relabels a live one, and leaves the others as saved', () => {
  let library = emptyLibrary();
  library = saveEntry(library, 'a', { title: 'A', authors: [], topic: { slug: 'graph-nets', label: 'graph nets' } }, '2026-01-01T00:00:00Z');
  library = saveEntry(library, 'b', { title: 'B', authors: [], topic: { slug: 'gone-for-good', label: 'a gone topic' } }, '2026-01-02T00:00:00Z');
  library = saveEntry(library, 'c', { title: 'C', authors: [] }, '2026-01-03T00:00:00Z');
  library = saveEntry(library, 'd', { title: 'D', authors: [], topic: { slug: 'reinforcement-learning', label: 'an older label' } }, '2026-01-04T00:00:00Z');
  const followed = followTopicMoves(library, index);
  const topicOf = (id: string) => followed.entries.find((entry) => entry.id === id)?.paper.topic;
  assert.equal(followed.entries.length, 4);
  assert.deepEqual(topicOf('d'), { slug: 'reinforcement-learning', label: 'reinforcement learning' });
  assert.deepEqual(topicOf('a'), { slug: 'graph-neural-networks', label: 'graph neural networks · message passing' });
  assert.deepEqual(topicOf('b'), { slug: 'gone-for-good', label: 'a gone topic' });
  assert.equal(topicOf('c'), undefined);
});

test('followTopicMoves returns the same library when no saved topic moved', () => {
  const library = saveEntry(emptyLibrary(), 'a', { title: 'A', authors: [], topic: { slug: 'reinforcement-learning', label: 'reinforcement learning' } }, '2026-01-01T00:00:00Z');
  assert.equal(followTopicMoves(library, index), library);
});
