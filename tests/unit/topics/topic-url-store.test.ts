import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parsePreviousAtlas,
  readPreviousTopicUrls,
  serializeTopicUrls,
  TOPIC_URLS_FILE,
  withLastingTopicUrls,
} from '../../../src/lib/topics/topic-url-store.ts';
import { serializeAtlas } from '../../../src/lib/topics/atlas-json.ts';
import type { AtlasData } from '../../../src/lib/topics/atlas-schema.ts';

function atlasWith(slugs: string[], papersPerTopic = 3): AtlasData {
  return {
    version: 1,
    levels: 1,
    topics: slugs.map((slug, id) => ({ id, slug, label: slug, keywords: [slug], size: papersPerTopic, centroid: [0, 0], parent: null, level: 0 })),
    papers: slugs.flatMap((slug, id) =>
      Array.from({ length: papersPerTopic }, (_, index) => ({ slug: `paper-${id}-${index}`, title: 't', topic: id, weak: false, x: 0, y: 0, related: [] })),
    ),
  };
}

test('a published atlas.json reads as a previous atlas; fields matching does not need are ignored', () => {
  const previous = parsePreviousAtlas(serializeAtlas(atlasWith(['graphs', 'speech'])), 'atlas.json');
  assert.deepEqual(previous.topics, [
    { slug: 'graphs', keywords: ['graphs'], parent: null },
    { slug: 'speech', keywords: ['speech'], parent: null },
  ]);
  assert.equal(previous.papers.length, 6);
  assert.deepEqual(previous.papers[0], { slug: 'paper-0-0', topic: 0 });
});

test('a bad previous atlas is an error naming the file and the field', () => {
  const topic = (slug: string, parent: number | null = null) => ({ slug, keywords: [], parent });
  const parse = (value: unknown) => () => parsePreviousAtlas(JSON.stringify(value), 'old/atlas.json');
  assert.throws(parse({ topics: [topic('../../etc')], papers: [] }), { message: 'old/atlas.json: topics[0].slug: expected a topic slug (a-z, 0-9 and inner hyphens)' });
  assert.throws(parse({ topics: [topic('a'), topic('a')], papers: [] }), { message: 'old/atlas.json: topics[1].slug: slug "a" is used twice' });
  assert.throws(parse({ topics: [topic('a', 4)], papers: [] }), { message: 'old/atlas.json: topics[0].parent: expected the id of another topic (0–0); got 4' });
  assert.throws(parse({ topics: [topic('a', 1), topic('b', 0)], papers: [] }), { message: 'old/atlas.json: topics[0].parent: expected a theme (a topic without a parent); topic 1 has one\nold/atlas.json: topics[1].parent: expected a theme (a topic without a parent); topic 0 has one' });
  assert.throws(parse({ topics: [topic('a')], papers: [{ slug: 'p', topic: 1 }] }), { message: 'old/atlas.json: papers[0].topic: expected a topic id below 1; got 1' });
  assert.throws(parse({ topics: [topic('a')], papers: [], moved: [{ slug: 'a', to: null }] }), { message: 'old/atlas.json: moved[0].slug: slug "a" is also a topic\'s' });
  assert.throws(parse({ topics: [topic('a')], papers: [], moved: [{ slug: 'b', to: '<script>' }] }), /old\/atlas\.json: moved\[0\]\.to: expected a topic slug/);
  assert.throws(() => parsePreviousAtlas('{"topics": [', 'old/atlas.json'), /^Error: old\/atlas\.json: expected the JSON of an \/atlas\.json/);
  assert.throws(parse([]), /^Error: old\/atlas\.json: \(top level\): /);
});

test('the previous atlas is the named file when there is one, else the cache’s record, else none', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'topic-urls-'));
  try {
    const sources = { cacheDir: dir, contentDir: '/site/content' };
    assert.equal(await readPreviousTopicUrls(sources), undefined);
    await writeFile(join(dir, TOPIC_URLS_FILE), '{"topics": [');
    assert.equal(await readPreviousTopicUrls(sources), undefined, 'an unreadable record counts as none');
    await writeFile(join(dir, TOPIC_URLS_FILE), serializeTopicUrls(atlasWith(['from-cache']), '/site/content'));
    assert.equal((await readPreviousTopicUrls(sources))?.previous.topics[0]?.slug, 'from-cache');
    assert.equal(await readPreviousTopicUrls({ ...sources, contentDir: '/tmp/other-papers' }), undefined, 'a record of another content folder is another site’s');
    const named = join(dir, 'live-atlas.json');
    await writeFile(named, serializeAtlas(atlasWith(['from-file'])));
    const found = await readPreviousTopicUrls({ ...sources, explicitPath: named });
    assert.deepEqual([found?.source, found?.previous.topics[0]?.slug], [named, 'from-file']);
    await assert.rejects(readPreviousTopicUrls({ ...sources, explicitPath: join(dir, 'missing.json') }), /^Error: ATLAS_PREVIOUS_ATLAS: cannot read .*missing\.json \(ENOENT\)$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('each build leaves the record the next one keeps its URLs from', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'topic-urls-'));
  const lines: string[] = [];
  try {
    const first = await withLastingTopicUrls(atlasWith(['graphs', 'speech']), { cacheDir: dir, contentDir: '/site/content', log: (line) => lines.push(line) });
    assert.equal(lines.length, 0, 'a first build has nothing to keep and says nothing');
    assert.equal(await readFile(join(dir, TOPIC_URLS_FILE), 'utf8'), serializeTopicUrls(first, '/site/content'));
    // The next fit names the same topics differently: the slugs stay.
    const second = await withLastingTopicUrls(atlasWith(['graph-learning', 'speech-recognition']), { cacheDir: dir, contentDir: '/site/content', log: (line) => lines.push(line) });
    assert.deepEqual(
      second.topics.map((topic) => topic.slug),
      ['graphs', 'speech'],
    );
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^topic URLs: 2 of 2 topics kept a URL of .*topic-urls\.json, 0 new; 0 old URLs now redirect/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
