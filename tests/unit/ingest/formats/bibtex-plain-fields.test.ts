import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setAsidePlainFields } from '../../../../src/lib/ingest/bibtex-plain-fields.ts';

test('plain text fields are set aside without their case braces, unread fields are cut, TeX stays for the library', () => {
  const entry = '@article{k,\n  title = {{Graph} Nets},\n  file = {a.pdf},\n  author = {M{\\"u}ller, A.}\n}';
  assert.deepEqual(setAsidePlainFields(entry, {}), {
    entryText: '@article{k,\n  author = {M{\\"u}ller, A.}\n}',
    plainFields: { title: 'Graph Nets' },
  });
});

test('a bare month becomes its number unless an @string macro of that name exists', () => {
  assert.deepEqual(setAsidePlainFields('@misc{k,\n  month = jun\n}', {})?.plainFields, { month: '6' });
  assert.deepEqual(setAsidePlainFields('@misc{k,\n  month = jun\n}', { JUN: 'Midsummer' })?.plainFields, {});
});

test('an entry naming a field twice goes to the library whole', () => {
  assert.equal(setAsidePlainFields('@misc{k,\n  title = {A},\n  title = {B}\n}', {}), undefined);
});
