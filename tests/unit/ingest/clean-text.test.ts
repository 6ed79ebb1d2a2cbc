import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanAbstract, cleanTexEscapes, cleanTitle, collapseWhitespace } from '../../../src/lib/ingest/clean-text.ts';

test('cleanTexEscapes turns escaped percent, ampersand and underscore into the characters', () => {
  assert.equal(cleanTexEscapes('42.9\\% of R\\&D in snake\\_case, \\#1'), '42.9% of R&D in snake_case, #1');
});

test('cleanTexEscapes keeps an escaped dollar, so the math renderer knows it opens no math', () => {
  assert.equal(cleanTexEscapes('from \\$5 to \\$10 in 5\\%'), 'from \\$5 to \\$10 in 5%');
});

test('cleanTexEscapes resolves accent commands to composed letters', () => {
  assert.equal(cleanTexEscapes('T\\"ULU, M\\"{u}ller, {\\"o}, \\v{s}, \\\'{\\i}, \\c{c}, Stra\\ss e'), 'TÜLU, Müller, ö, š, í, ç, Straße');
});

test('cleanTexEscapes unwraps font groups and font commands', () => {
  assert.equal(cleanTexEscapes('a {\\it re-ranking} and \\emph{novel} \\textbf{bold} idea'), 'a re-ranking and novel bold idea');
});

test('cleanTexEscapes leaves math, escaped quotes and stray backslashes as written', () => {
  assert.equal(cleanTexEscapes('$x_\\%$ in C:\\users said \\"hello\\"'), '$x_\\%$ in C:\\users said \\"hello\\"');
});

test('cleanTexEscapes never touches markup or template braces', () => {
  const hostile = '<script>alert(1)</script> {{ title }} ${secret} --- key: value';
  assert.equal(cleanTexEscapes(hostile), hostile);
});

test('collapseWhitespace joins runs of any whitespace into single spaces', () => {
  assert.equal(collapseWhitespace('  Deep\r\n\tLearning\u00a0 Now '), 'Deep Learning Now');
});

test('cleanTitle resolves escapes and collapses whitespace', () => {
  assert.equal(cleanTitle('  T\\"ULU 3:\n  Pushing   Frontiers '), 'TÜLU 3: Pushing Frontiers');
});

test('cleanAbstract keeps paragraphs apart and collapses whitespace inside them', () => {
  assert.equal(cleanAbstract('We gain 5\\%\nover\r\n\r\n\r\nthe <b>baseline</b>.  '), 'We gain 5% over\n\nthe <b>baseline</b>.');
});
