import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abstractToParagraphs, extractUrls, splitLinks } from '../../../src/lib/site/abstract.ts';

test('abstractToParagraphs splits on blank lines', () => {
  assert.deepEqual(abstractToParagraphs('First part.\n\nSecond part.\r\n\r\nThird.'), ['First part.', 'Second part.', 'Third.']);
});

test('abstractToParagraphs splits a long single block at sentence ends into balanced paragraphs', () => {
  const sentence = 'Large language models are trained on web text and evaluated on many benchmarks today.';
  const block = Array.from({ length: 14 }, () => sentence).join(' ');
  const paragraphs = abstractToParagraphs(block);
  assert.ok(paragraphs.length >= 2 && paragraphs.length <= 3, `got ${paragraphs.length}`);
  assert.equal(paragraphs.join(' '), block);
  for (const paragraph of paragraphs) assert.match(paragraph, /\.$/);
});

test('abstractToParagraphs does not split after e.g. or et al.', () => {
  const block = `${'We study models. '.repeat(40)}We use e.g. Adam and the method of Smith et al. Today it works.`;
  for (const paragraph of abstractToParagraphs(block)) assert.doesNotMatch(paragraph, /^(Adam|Today it works)/);
});

test('splitLinks keeps trailing sentence punctuation out of a GitHub link', () => {
  assert.deepEqual(splitLinks('Code: https://github.com/collinear-ai/tau-trait.'), [
    { kind: 'text', text: 'Code: ' },
    { kind: 'link', text: 'https://github.com/collinear-ai/tau-trait', href: 'https://github.com/collinear-ai/tau-trait' },
    { kind: 'text', text: '.' },
  ]);
});

test('splitLinks drops an unbalanced closing parenthesis but keeps a balanced one', () => {
  assert.deepEqual(extractUrls('(see https://example.org/a)'), ['https://example.org/a']);
  assert.deepEqual(extractUrls('https://en.wikipedia.org/wiki/Foo_(bar).'), ['https://en.wikipedia.org/wiki/Foo_(bar)']);
});

test('splitLinks links bare github.com addresses with https', () => {
  assert.deepEqual(extractUrls('available at github.com/org/repo, and more'), ['https://github.com/org/repo']);
});

test('splitLinks never turns a javascript: text into a link', () => {
  const segments = splitLinks('click javascript:alert(1) now');
  assert.deepEqual(segments, [{ kind: 'text', text: 'click javascript:alert(1) now' }]);
});

test('splitLinks returns the whole text when there is no URL', () => {
  assert.deepEqual(splitLinks('<script>alert(1)</script>'), [{ kind: 'text', text: '<script>alert(1)</script>' }]);
});
