import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeShareFragment, encodeShareFragment, ShareLinkError } from '../../../src/lib/library/share-link.ts';

test('a share fragment round-trips its slugs in order', async () => {
  const slugs = ['deep-nets-2401.00001', 'tulu-3-2411.15124', 'a-b-c-x9y8z7'];
  const fragment = await encodeShareFragment(slugs);
  assert.match(fragment, /^share=1\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(await decodeShareFragment(`#${fragment}`), slugs);
});

test('500 papers fit in a URL every browser accepts (under 32,000 characters)', async () => {
  const titles = readFileSync('content/trending-papers.txt', 'utf8').split('\n').filter((line) => line.length > 10 && line.length < 200);
  assert.ok(titles.length > 50);
  const slugs = Array.from({ length: 500 }, (_, index) => {
    const words = (titles[index % titles.length] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/-+$/, '');
    return `${words}-${(2_400_000 + index * 37).toString(10).replace(/^(\d{4})/, '$1.')}`;
  });
  const fragment = await encodeShareFragment(slugs);
  const url = `https://someone.github.io/research-atlas/library/#${fragment}`;
  assert.ok(url.length < 32_000, `${url.length} characters`);
  assert.deepEqual(await decodeShareFragment(fragment), slugs);
});

test('a fragment that is not a share link is null; a damaged one is a ShareLinkError', async () => {
  assert.equal(await decodeShareFragment('#tab=notes'), null);
  await assert.rejects(decodeShareFragment('#share=1.abc$'), ShareLinkError);
  await assert.rejects(decodeShareFragment('#share=1.AAAA'), ShareLinkError);
  await assert.rejects(decodeShareFragment('#share=9.AAAA'), /format this site does not read/);
  const good = await encodeShareFragment(['deep-nets-2401.00001', 'tulu-3-2411.15124']);
  await assert.rejects(decodeShareFragment(good.slice(0, -6)), ShareLinkError);
});
