import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newTermsByGroup, type DatedText } from '../../../src/lib/trends/recent-terms.ts';

const earlierTexts = [
  'Support vector machines with kernel methods for image classification.',
  'Kernel methods and handcrafted features for image classification benchmarks.',
  'Image classification with bag of visual words and support vector machines.',
  'Sparse coding of image patches for image classification.',
  'Handcrafted features and kernel methods for object recognition in images.',
  'Boosted decision trees for object recognition in images.',
];
const recentTexts = [
  'Deep convolutional networks for image classification trained on ImageNet.',
  'Convolutional networks with dropout for image classification.',
  'Residual learning makes very deep convolutional networks trainable for image classification.',
  'Transfer learning from ImageNet with convolutional networks for object recognition.',
  'Batch normalization speeds up training of deep convolutional networks.',
  'Kernel methods for image classification revisited.',
];

function topicPapers(group: number): DatedText[] {
  return [
    ...earlierTexts.map((text) => ({ group, text, recent: false })),
    ...recentTexts.map((text) => ({ group, text, recent: true })),
  ];
}

test('the words new in a topic are those over-represented in its recent papers, phrases before their words', () => {
  const [terms] = newTermsByGroup(topicPapers(0), 1);
  assert.ok(terms && terms.length > 0, 'some terms are new');
  assert.match(terms[0]!, /convolutional networks/);
  assert.ok(terms.includes('ImageNet'), terms.join(', '));
  assert.ok(!terms.includes('convolutional') && !terms.includes('network'), 'a word inside a chosen phrase is not listed again');
});

test('a term used as much before as lately is not new', () => {
  const [terms] = newTermsByGroup(topicPapers(0), 1);
  assert.ok(terms && terms.length > 0);
  for (const old of ['image classification', 'kernel methods', 'image', 'classification']) assert.ok(!terms.includes(old), `${old} in ${terms.join(', ')}`);
});

test('a word in only one recent paper is not new, and each topic is compared with its own past', () => {
  const other: DatedText[] = [
    ...['Parsing sentences with grammars.', 'Grammar induction for parsing.', 'Statistical parsing of sentences.'].map((text) => ({ group: 1, text, recent: false })),
    ...['Neural parsing of sentences with convolutional networks.', 'Parsing with convolutional networks and grammars.', 'Dependency parsing with a residual model.'].map((text) => ({ group: 1, text, recent: true })),
  ];
  const [vision, language] = newTermsByGroup([...topicPapers(0), ...other], 2);
  assert.ok(vision && language && vision.length > 0 && language.length > 0);
  assert.ok(!vision.includes('dropout'), 'dropout appears in one recent paper only');
  assert.ok(language.some((term) => term.startsWith('convolutional')), language.join(', '));
  assert.ok(!language.includes('parsing'), 'parsing is as old as the topic');
});

test('a topic with no earlier papers has nothing new to show', () => {
  const [terms] = newTermsByGroup(recentTexts.map((text) => ({ group: 0, text, recent: true })), 1);
  assert.deepEqual(terms, []);
});

test('the same papers give the same terms', () => {
  assert.deepEqual(newTermsByGroup(topicPapers(0), 1), newTermsByGroup(topicPapers(0), 1));
});
