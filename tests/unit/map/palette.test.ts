import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_TOPIC_COLORS,
  atlasTopicColors,
  clampLightness,
  hexToRgb,
  mixColors,
  oklabToRgb,
  rgbToHex,
  rgbToOklab,
  topicColor,
} from '../../../src/lib/map/palette.ts';

const lightness = (hex: string): number => rgbToOklab(hexToRgb(hex))[0];

test('the first eight topics get the eight Okabe–Ito-based colours in order', () => {
  for (let id = 0; id < 8; id++) assert.equal(topicColor(id, 8), BASE_TOPIC_COLORS[id]);
});

test('a topic keeps its colour whatever the topic count when the count is eight or less', () => {
  assert.equal(topicColor(2, 3), topicColor(2, 8));
});

test('every topic of a large atlas gets a distinct colour', () => {
  const colors = Array.from({ length: 40 }, (_, id) => topicColor(id, 40));
  assert.equal(new Set(colors).size, 40);
});

test('topics past the eighth share a base hue but differ in lightness', () => {
  const tiers = [topicColor(0, 24), topicColor(8, 24), topicColor(16, 24)].map(lightness);
  for (let i = 0; i < tiers.length; i++) {
    for (let j = i + 1; j < tiers.length; j++) assert.ok(Math.abs(tiers[i]! - tiers[j]!) > 0.1, `tiers ${i} and ${j}: ${tiers}`);
  }
});

test('tier colours stay inside the readable lightness band', () => {
  for (let id = 0; id < 80; id++) {
    const l = lightness(topicColor(id, 80));
    assert.ok((l >= 0.35 && l <= 0.89) || id % 8 === 6, `topic ${id} has lightness ${l}`);
  }
});

test('the same arguments always give the same colour', () => {
  assert.equal(topicColor(13, 30), topicColor(13, 30));
  assert.match(topicColor(13, 30), /^#[0-9a-f]{6}$/);
});

test('an id outside the topic range is rejected with the range in the message', () => {
  assert.throws(() => topicColor(5, 5), /\[0, 4\], got 5/);
  assert.throws(() => topicColor(-1, 5), RangeError);
  assert.throws(() => topicColor(0, 0), /positive integer topicCount/);
});

test('OKLab conversion round-trips an sRGB colour', () => {
  assert.equal(rgbToHex(oklabToRgb(rgbToOklab(hexToRgb('#cc79a7')))), '#cc79a7');
});

test('clamping lightness darkens pale yellow for a white background', () => {
  const darker = clampLightness('#F0E442', 0, 0.78);
  assert.ok(Math.abs(lightness(darker) - 0.78) < 0.01);
});

test('mixing halfway between black and white gives mid grey', () => {
  assert.equal(mixColors('#000000', '#ffffff', 0.5), '#808080');
});

test('a malformed colour is rejected with the input in the message', () => {
  assert.throws(() => hexToRgb('blue'), /got "blue"/);
});

test('with one level the atlas palette equals topicColor by id', () => {
  const topics = Array.from({ length: 12 }, (_, id) => ({ id, parent: null }));
  assert.deepEqual(atlasTopicColors(topics), topics.map((topic) => topicColor(topic.id, 12)));
});

test('broad themes take the most distinct colours whatever their ids', () => {
  const topics = [
    { id: 0, parent: null },
    { id: 1, parent: 0 },
    { id: 2, parent: null },
    { id: 3, parent: 2 },
  ];
  const colors = atlasTopicColors(topics);
  assert.equal(colors[0], BASE_TOPIC_COLORS[0]);
  assert.equal(colors[2], BASE_TOPIC_COLORS[1]);
});

test('subtopics stay in their theme colour family and differ from each other', () => {
  const topics = [{ id: 0, parent: null }, ...Array.from({ length: 5 }, (_, i) => ({ id: i + 1, parent: 0 }))];
  const colors = atlasTopicColors(topics);
  const themeLab = rgbToOklab(hexToRgb(colors[0]!));
  const hueOf = (lab: [number, number, number]) => Math.atan2(lab[2], lab[1]);
  for (const color of colors.slice(1)) {
    assert.ok(Math.abs(hueOf(rgbToOklab(hexToRgb(color))) - hueOf(themeLab)) < 0.35, `${color} left the blue family`);
  }
  assert.equal(new Set(colors.slice(2)).size, 4);
});

test('a subtopic whose parent is missing is rejected', () => {
  assert.throws(() => atlasTopicColors([{ id: 0, parent: 5 }]), /unknown parent 5/);
});
