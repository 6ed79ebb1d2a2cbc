import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzyDistance, processTerm, tokenize, wordSpans } from '../../../src/lib/search/options.ts';
import { foldText } from '../../../src/lib/text/fold.ts';

const terms = (text: string): string[] => tokenize(text).flatMap((token) => processTerm(token) ?? []);

test('foldText lower-cases and drops diacritics', () => {
  assert.equal(foldText('TÜLU 3 Façade Ångström straße'), 'tulu 3 facade angstrom strasse');
});

test('a diacritic-folded title term matches its plain spelling', () => {
  assert.deepEqual(terms('TÜLU 3: Pushing Frontiers'), ['tulu', 'pushing', 'frontiers']);
});

test('hyphenated names are indexed whole and by parts', () => {
  assert.deepEqual(terms('tau-Bench'), ['tau-bench', 'tau', 'bench']);
  assert.deepEqual(terms('CTF-Dojo'), ['ctf-dojo', 'ctf', 'dojo']);
});

test('dotted version names are indexed whole, by hyphen parts and by dot parts', () => {
  assert.deepEqual(terms('Qwen2.5-Math'), ['qwen2.5-math', 'qwen2.5', 'math', 'qwen2']);
});

test('English stop words and one-letter terms are dropped', () => {
  assert.deepEqual(terms('Learning to (Learn at Test Time) with a model'), ['learning', 'learn', 'test', 'time', 'model']);
});

test('an upper-case acronym survives even when it spells a stop word', () => {
  assert.equal(processTerm('IT'), 'it');
  assert.equal(processTerm('it'), null);
  assert.equal(processTerm('RL'), 'rl');
});

test('trailing punctuation and sentence dots are not part of a word', () => {
  assert.deepEqual(tokenize('agents. Done!'), ['agents', 'Done']);
});

test('wordSpans report offsets of words and parts', () => {
  const [word] = wordSpans('see tau-bench');
  assert.deepEqual(
    { text: word?.text, start: word?.start, parts: word?.parts.map((part) => [part.text, part.start, part.end]) },
    { text: 'see', start: 0, parts: [] },
  );
  const compound = wordSpans('see tau-bench')[1];
  assert.deepEqual(compound?.parts.map((part) => [part.text, part.start, part.end]), [['tau', 4, 7], ['bench', 8, 13]]);
});

test('fuzzy distance grows with term length', () => {
  assert.deepEqual(['rl', 'gan', 'tulu', 'looped', 'transformer'].map(fuzzyDistance), [0, 0, 1, 1, 2]);
});
