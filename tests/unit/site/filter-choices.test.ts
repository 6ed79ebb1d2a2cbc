import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryChoiceText, filterChoicesToJson, parseFilterChoices, type FilterChoices } from '../../../src/lib/site/filter-choices.ts';

const choices: FilterChoices = {
  topics: [
    { id: 3, label: 'graph · GNN' },
    { id: 0, label: '<b>ranking</b> & "retrieval"' },
  ],
  categories: [
    { value: 'cs.LG', label: 'Machine Learning (cs.LG)', count: 1204 },
    { value: 'deep-learning', label: 'Deep learning', count: 2 },
  ],
  years: [2024, 2019, 1998],
};

test('filters.json round-trips topics, categories and years in their order', () => {
  const json = filterChoicesToJson(choices);
  assert.equal(json, '{"topics":[[3,"graph · GNN"],[0,"<b>ranking</b> & \\"retrieval\\""]],"categories":[["cs.LG","Machine Learning (cs.LG)",1204],["deep-learning","Deep learning",2]],"years":[2024,2019,1998]}');
  assert.deepEqual(parseFilterChoices(json), choices);
});

test('parseFilterChoices leaves out entries of the wrong shape and reads anything else as no choices', () => {
  const parsed = parseFilterChoices('{"topics":[[1,"a"],["2","b"],[3],"x"],"categories":[["cs.AI","AI (cs.AI)",5],["cs.CL","CL",null]],"years":[2020,"2019",1.5,2018]}');
  assert.deepEqual(parsed, { topics: [{ id: 1, label: 'a' }], categories: [{ value: 'cs.AI', label: 'AI (cs.AI)', count: 5 }], years: [2020, 2018] });
  for (const text of ['', 'not json', 'null', '[]', '{"topics":{}}', '<!DOCTYPE html><title>404</title>']) {
    assert.deepEqual(parseFilterChoices(text), { topics: [], categories: [], years: [] }, text);
  }
});

test('a category choice reads "<label> · <count>" with thousands separated', () => {
  assert.equal(categoryChoiceText({ value: 'cs.LG', label: 'Machine Learning (cs.LG)', count: 1204 }), 'Machine Learning (cs.LG) · 1,204');
  assert.equal(categoryChoiceText({ value: 'x', label: 'X', count: 7 }), 'X · 7');
});
