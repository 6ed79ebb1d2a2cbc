import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePack, encodePack, intSection, narrowInts } from '../../../src/lib/vectors/pack-file.ts';

test('a pack gives back its header and every section, whatever their lengths', () => {
  const bytes = encodePack({ slugs: ['a', 'é', '数'] }, {
    codes: Int8Array.of(-127, 0, 5),
    weights: Uint8Array.of(255),
    rowStart: Int32Array.of(0, 2, 70000),
    scales: Float32Array.of(0.5, 1e-9),
  });
  const { header, sections } = decodePack<{ slugs: string[] }>(bytes);
  assert.deepEqual(header, { slugs: ['a', 'é', '数'] });
  assert.deepEqual([...sections.codes!], [-127, 0, 5]);
  assert.deepEqual([...sections.weights!], [255]);
  assert.deepEqual([...sections.rowStart!], [0, 2, 70000]);
  assert.deepEqual([...sections.scales!], [0.5, Math.fround(1e-9)]);
});

test('a file of another format or cut short is refused with the reason', () => {
  assert.throws(() => decodePack(new TextEncoder().encode('{"json": true}')), /no RAV1 signature/);
  const bytes = encodePack({}, { codes: new Int8Array(64) });
  assert.throws(() => decodePack(bytes.subarray(0, bytes.length - 10)), /cut off in section "codes"/);
});

test('the same input gives the same bytes', () => {
  const make = () => encodePack({ n: 1 }, { b: Int32Array.of(1), a: Float32Array.of(2) });
  assert.deepEqual(make(), make());
});

test('whole numbers are written in the narrowest type and read back as Int32Array', () => {
  const small = narrowInts([0, 255]);
  const medium = narrowInts(Int32Array.of(3, 17_000, 65_535));
  const large = narrowInts([0, 65_536]);
  assert.ok(small instanceof Uint8Array);
  assert.ok(medium instanceof Uint16Array);
  assert.ok(large instanceof Int32Array);
  assert.ok(narrowInts([-1, 2]) instanceof Int32Array);
  const { sections } = decodePack(encodePack({}, { small, medium, large, odd: narrowInts([7, 300, 301]) }));
  assert.equal(sections.medium?.byteLength, 6);
  for (const [name, values] of [['small', [0, 255]], ['medium', [3, 17_000, 65_535]], ['large', [0, 65_536]], ['odd', [7, 300, 301]]] as const) {
    const read = intSection(sections[name]);
    assert.ok(read instanceof Int32Array, name);
    assert.deepEqual([...read], values, name);
  }
  assert.throws(() => intSection(Float32Array.of(1)), /float section/);
});
