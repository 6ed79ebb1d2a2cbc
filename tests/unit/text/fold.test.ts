import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldDiacritics, foldText, LETTER_FOLDS } from '../../../src/lib/text/fold.ts';
import { compareCodeUnits } from '../../../src/lib/text/compare.ts';
import { slugifyTitle } from '../../../src/lib/ingest/slug.ts';
import { slugifyLabels } from '../../../src/lib/topics/label.ts';
import { tokenize as topicTokens } from '../../../src/lib/topics/tokenize.ts';
import { processTerm } from '../../../src/lib/search/options.ts';
import { normalizeWords } from '../../../src/lib/map/title-match.ts';
import { foldForMatch } from '../../../src/lib/site/paper-list.ts';
import { authorNameKey, buildAuthorIndex } from '../../../src/lib/site/authors.ts';
import { duplicateKeysOf } from '../../../src/lib/ingest/merge.ts';
import { toBibtex } from '../../../src/lib/site/cite.ts';

const NAME = 'Łukasz Đoković Þór';

test('foldDiacritics spells the letters NFKD keeps whole in ASCII and keeps their case', () => {
  assert.equal(foldDiacritics(NAME), 'Lukasz Dokovic Thor');
  assert.equal(foldDiacritics('Straße ẞ Æsir Œuvre Øresund Ðóra ħ ı ŋ'), 'Strasse SS AEsir OEuvre Oresund Dora h i ng');
  assert.equal(foldDiacritics('Schrödinger café Ångström ﬁnal'), 'Schrodinger cafe Angstrom final');
});

test('foldText lower-cases after folding', () => {
  assert.equal(foldText('TÜLU 3 Façade Ångström straße'), 'tulu 3 facade angstrom strasse');
  assert.equal(foldText(NAME), 'lukasz dokovic thor');
});

test('every letter of the table folds to ASCII letters only', () => {
  const letters = Object.keys(LETTER_FOLDS);
  assert.ok(letters.length >= 20);
  for (const letter of letters) assert.match(foldDiacritics(letter), /^[A-Za-z]+$/, letter);
});

test('the paper slug and the topic slug of one name agree', () => {
  assert.equal(slugifyTitle(NAME), 'lukasz-dokovic-thor');
  assert.deepEqual(slugifyLabels([NAME]), ['lukasz-dokovic-thor']);
});

test('search, the map title match, the list filter and the topic tokenizer fold "Straße" the same way', () => {
  assert.equal(processTerm('Straße'), 'strasse');
  assert.deepEqual(normalizeWords('Straße'), ['strasse']);
  assert.equal(foldForMatch('Straße'), 'strasse');
  assert.deepEqual(topicTokens('Straße networks'), ['strasse', 'networks']);
  assert.deepEqual(normalizeWords(NAME), ['lukasz', 'dokovic', 'thor']);
  assert.equal(processTerm('Đoković'), 'dokovic');
  assert.equal(foldForMatch(NAME), 'lukasz dokovic thor');
});

test('author keys and author slugs fold the name as slugs do', () => {
  assert.equal(authorNameKey(NAME), 'lukasz dokovic thor');
  const index = buildAuthorIndex([
    { slug: 'p1', authors: [NAME] },
    { slug: 'p2', authors: ['Lukasz Dokovic Thor'] },
  ]);
  assert.equal(index.authors.length, 1);
  assert.equal(index.authors[0]!.slug, 'lukasz-dokovic-thor');
});

test('duplicate keys and BibTeX keys fold diacritics too', () => {
  const textKey = (title: string) => duplicateKeysOf({ title, abstract: 'Same abstract.' }).at(-1)!.key;
  assert.equal(textKey('Đoković on Straße'), textKey('Dokovic on Strasse'));
  assert.match(toBibtex({ slug: 's', title: 'Þór', authors: [NAME], date: '2020-01-01' }, 'https://x.org/'), /^@misc\{thor2020thor,/);
});

test('compareCodeUnits orders by UTF-16 code unit, upper case first', () => {
  assert.deepEqual(['b', 'B', 'a', 'É', 'e'].sort(compareCodeUnits), ['B', 'a', 'b', 'e', 'É']);
});
