import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeYears, barChart, describeCounts, niceCeiling, shareSeries, sparklinePaths, yearSeries } from '../../../src/lib/trends/chart.ts';

test('a year series fills the years a topic has no paper with 0', () => {
  assert.deepEqual(yearSeries({ '2014': 3, '2016': 5 }, 2013, 2016).map((point) => point.value), [0, 3, 0, 5]);
  assert.deepEqual(yearSeries(undefined, 2015, 2016).map((point) => point.value), [0, 0]);
});

test('a share series divides by the atlas papers of each year, 0 for an empty year', () => {
  assert.deepEqual(shareSeries([{ year: 2015, value: 5 }, { year: 2016, value: 0 }], new Map([[2015, 50]])), [{ year: 2015, value: 0.1 }, { year: 2016, value: 0 }]);
});

test('active years are the first and last with papers', () => {
  assert.deepEqual(activeYears(yearSeries({ '2014': 3, '2015': 1 }, 2010, 2016)), [2014, 2015]);
  assert.equal(activeYears(yearSeries({}, 2010, 2011)), undefined);
});

test('a sparkline touches the top at its largest value and the bottom at 0', () => {
  const { line, area } = sparklinePaths([{ year: 2014, value: 0 }, { year: 2015, value: 2 }, { year: 2016, value: 1 }], 100, 20);
  assert.equal(line, 'M0 19L50 1L100 10');
  assert.equal(area, 'M0 19L50 1L100 10L100 20L0 20Z');
  assert.equal(sparklinePaths([{ year: 2014, value: 4 }], 60, 20).line, 'M0 1L60 1');
  assert.equal(sparklinePaths([], 60, 20).line, '');
});

test('the value axis ends on a nice number at or above the largest value', () => {
  assert.deepEqual([0, 1, 7, 10, 11, 126, 480, 501].map(niceCeiling), [1, 1, 10, 10, 20, 200, 500, 1000]);
});

test('bars grow from the bottom in proportion to their value, left to right by year', () => {
  const chart = barChart([{ year: 2015, value: 2 }, { year: 2016, value: 4 }, { year: 2017, value: 0 }], 200, 100);
  assert.equal(chart.axisMax, 5);
  assert.equal(chart.bars.length, 3);
  const [first, second, third] = chart.bars;
  assert.ok(first && second && third);
  assert.equal(Number(first.y) + Number(first.height), chart.plot.bottom);
  assert.ok(Math.abs(Number(second.height) - 2 * Number(first.height)) <= 0.1);
  assert.equal(Number(third.height), 0);
  assert.ok(Number(first.x) < Number(second.x) && Number(second.x) < Number(third.x));
  assert.deepEqual(chart.yearTicks.map((tick) => tick.year), [2015, 2016, 2017]);
});

test('a long span labels about one year per 48 px, first and last always', () => {
  const series = yearSeries({}, 1993, 2016);
  const ticks = barChart(series, 600, 160).yearTicks.map((tick) => tick.year);
  assert.equal(ticks[0], 1993);
  assert.equal(ticks.at(-1), 2016);
  assert.ok(ticks.length >= 6 && ticks.length <= 13, ticks.join(' '));
});

test('the text alternative names every year with papers and its count', () => {
  assert.equal(describeCounts([{ year: 2014, value: 3 }, { year: 2015, value: 0 }, { year: 2016, value: 1 }]), '2014: 3 papers, 2016: 1 paper');
});

test('year labels never crowd: the last year replaces a label less than 36 px before it', () => {
  for (const length of [2, 5, 12, 24, 40, 75]) {
    const ticks = barChart(yearSeries({}, 2000, 2000 + length - 1), 640, 180).yearTicks;
    assert.ok(ticks.length > 0);
    assert.equal(ticks.at(-1)?.year, 2000 + length - 1);
    for (let index = 1; index < ticks.length; index++) assert.ok(Number(ticks[index]!.x) - Number(ticks[index - 1]!.x) >= 36, `${length} years: ${ticks.map((tick) => tick.x).join(' ')}`);
  }
});
