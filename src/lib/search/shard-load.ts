import MiniSearch, { type Options } from 'minisearch';
import type { ShardFile, StageManifest } from './manifest.ts';
import type { SearchDoc } from './options.ts';
import type { DecodedShard } from './shard-codec.ts';

/**
 * Turning a shard into a MiniSearch index to search: the manifest carries the global header (document count, average
 * field lengths), the shard its terms' postings and the field lengths of the papers they mention, so BM25 scores
 * equal those of the unsharded index.
 */

/** The MiniSearch 7 fields `loadJS` fills (minisearch/dist/es/index.js, `loadJS`). */
interface MiniSearchInternals {
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

/** Doc ids the entries mention, ascending: the papers whose field lengths the shard lists, in that order. */
function mentionedIds(shard: DecodedShard): number[] {
  const ids = new Set<number>();
  for (const [, fields] of shard.entries) for (const postings of fields.values()) for (const id of postings.keys()) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

function header(stage: StageManifest, documentCount: number, index: ShardFile['index'], documentIds: Record<string, number>, fieldLength: Record<string, number[]>) {
  return {
    documentCount,
    nextId: documentCount,
    documentIds,
    fieldIds: stage.fieldIds,
    fieldLength,
    averageFieldLength: stage.averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}

/**
 * A searchable MiniSearch index of one decoded shard: `loadJS` of the header, then the shard's Maps set in place of
 * what `loadJS` would build from the JSON form's objects. Written by hand because that conversion (objects with
 * sparse numeric keys, then `parseInt` per posting) took most of a shard's load time; the result is the same index
 * (unit test: its `toJSON` equals that of `loadJS(plainObjectOf(…))`).
 * @example loadShard(decodeShard(text, 1), manifest.body, manifest.documentCount, bodyIndexOptions).search('graph')
 */
export function loadShard(shard: DecodedShard, stage: StageManifest, documentCount: number, options: Options<SearchDoc>): MiniSearch<SearchDoc> {
  const miniSearch = MiniSearch.loadJS<SearchDoc>(header(stage, documentCount, [], {}, {}), options);
  const internals = miniSearch as unknown as MiniSearchInternals;
  if (!(internals._documentIds instanceof Map && internals._fieldLength instanceof Map && typeof internals._index?.set === 'function')) {
    throw new Error('MiniSearch internals changed: src/lib/search/shard-load.ts needs updating for this MiniSearch version');
  }
  const fieldCount = Object.keys(stage.fieldIds).length;
  mentionedIds(shard).forEach((id, position) => {
    internals._documentIds.set(id, id);
    internals._idToShortId.set(id, id);
    internals._fieldLength.set(id, shard.lengths.slice(position * fieldCount, (position + 1) * fieldCount));
  });
  for (const [term, fields] of shard.entries) internals._index.set(term, fields);
  return miniSearch;
}

/**
 * The shard as the plain object MiniSearch's `loadJS` reads (the version-1 way of loading a shard): for the
 * benchmark and the test that `loadShard` gives the same index.
 * @example MiniSearch.loadJS(plainObjectOf(shardFileOf(decoded), manifest.body, manifest.documentCount), bodyIndexOptions)
 */
export function plainObjectOf(shard: ShardFile, stage: StageManifest, documentCount: number): Parameters<typeof MiniSearch.loadJS>[0] {
  const ids = new Set<number>();
  for (const [, fields] of shard.index) for (const postings of Object.values(fields)) for (const id of Object.keys(postings)) ids.add(Number(id));
  const fieldCount = Object.keys(stage.fieldIds).length;
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  [...ids]
    .sort((a, b) => a - b)
    .forEach((id, position) => {
      documentIds[id] = id;
      fieldLength[id] = shard.lengths.slice(position * fieldCount, (position + 1) * fieldCount);
    });
  return header(stage, documentCount, shard.index, documentIds, fieldLength);
}
