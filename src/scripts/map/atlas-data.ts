import type { AtlasTopic } from '../../lib/topics/atlas-schema.ts';
import type { MapData } from '../../lib/map/map-data.ts';
import { inflateText } from '../../lib/bytes/inflate.ts';
import type { FineCluster } from '../../lib/topics/fine-clusters.ts';
import { pointBounds, type Bounds } from '../../lib/map/bounds.ts';

/** The atlas in the shapes the map draws and searches: typed arrays by paper index, lookups by slug. */
export interface MapModel {
  atlas: MapData;
  count: number;
  xs: Float64Array;
  ys: Float64Array;
  /** Finest-level topic id of each paper. */
  topicOfPaper: Int32Array;
  /** Publication year of each paper; 0 when undated. */
  yearOfPaper: Int16Array;
  /** First and last publication year among the papers; null when fewer than two years occur. */
  yearBounds: [number, number] | null;
  paperIndexBySlug: Map<string, number>;
  /** The fine clusters labelled between the subtopics and the paper titles (none in an atlas without them). */
  fine: FineCluster[];
  topicBySlug: Map<string, AtlasTopic>;
  /** Topics indexed by id. */
  topics: AtlasTopic[];
  /** Paper indices of each topic; a broad theme's list includes its subtopics' papers. */
  membersOfTopic: Int32Array[];
  /** Paper indices grouped by finest topic (group t is order[groupStart[t] .. groupStart[t + 1])), for batched drawing. */
  order: Uint32Array;
  groupStart: Uint32Array;
  bounds: Bounds;
}

const pending = new Map<string, Promise<MapModel>>();

/**
 * Fetch the map data (`/map-data.deflate`: JSON, raw-deflated) once per URL (every map on a page shares it), inflate
 * it and index it. Rejects with the URL and the HTTP status, or with the first inconsistent record.
 */
export function loadMapModel(url: string): Promise<MapModel> {
  let model = pending.get(url);
  if (!model) {
    model = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return buildMapModel(JSON.parse(await inflateText(new Uint8Array(await response.arrayBuffer()))) as MapData, url);
    });
    pending.set(url, model);
  }
  return model;
}

/** Index an atlas for drawing; `source` names it in errors. */
export function buildMapModel(atlas: MapData, source: string): MapModel {
  const count = atlas.papers.length;
  const topicCount = atlas.topics.length;
  const topics: AtlasTopic[] = new Array(topicCount);
  for (const topic of atlas.topics) {
    if (!(topic.id >= 0 && topic.id < topicCount)) throw new Error(`${source}: topic "${topic.slug}" has id ${topic.id}, expected 0..${topicCount - 1}`);
    topics[topic.id] = topic;
  }
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const topicOfPaper = new Int32Array(count);
  const yearOfPaper = new Int16Array(count);
  let firstYear = Infinity;
  let lastYear = -Infinity;
  const paperIndexBySlug = new Map<string, number>();
  const sizeOfGroup = new Uint32Array(topicCount + 1);
  atlas.papers.forEach((paper, index) => {
    if (!(paper.topic >= 0 && paper.topic < topicCount)) {
      throw new Error(`${source}: paper "${paper.slug}" has topic ${paper.topic}, expected 0..${topicCount - 1}`);
    }
    xs[index] = paper.x;
    ys[index] = paper.y;
    topicOfPaper[index] = paper.topic;
    if (paper.year !== undefined) {
      yearOfPaper[index] = paper.year;
      firstYear = Math.min(firstYear, paper.year);
      lastYear = Math.max(lastYear, paper.year);
    }
    paperIndexBySlug.set(paper.slug, index);
    sizeOfGroup[paper.topic + 1]! += 1;
  });
  const groupStart = new Uint32Array(topicCount + 1);
  for (let t = 0; t < topicCount; t++) groupStart[t + 1] = groupStart[t]! + sizeOfGroup[t + 1]!;
  const order = new Uint32Array(count);
  const cursor = groupStart.slice(0, topicCount);
  for (let index = 0; index < count; index++) order[cursor[topicOfPaper[index]!]!++] = index;

  const membersOfTopic: Int32Array[] = topics.map((topic) => {
    const ids = new Set([topic.id, ...atlas.topics.filter((other) => other.parent === topic.id).map((other) => other.id)]);
    const members: number[] = [];
    for (const id of [...ids].sort((a, b) => a - b)) {
      for (let i = groupStart[id]!; i < groupStart[id + 1]!; i++) members.push(order[i]!);
    }
    return Int32Array.from(members);
  });
  return {
    atlas,
    count,
    xs,
    ys,
    topicOfPaper,
    yearOfPaper,
    yearBounds: lastYear > firstYear ? [firstYear, lastYear] : null,
    paperIndexBySlug,
    fine: (atlas.fine ?? []).filter((cluster) => topics[cluster.topic] !== undefined),
    topicBySlug: new Map(atlas.topics.map((topic) => [topic.slug, topic])),
    topics,
    membersOfTopic,
    order,
    groupStart,
    bounds: pointBounds(xs, ys) ?? { minX: 0, minY: 0, maxX: 1, maxY: 1 },
  };
}
