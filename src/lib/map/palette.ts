/**
 * Topic colours shared by the map, its legend and every topic badge, so a topic looks the same everywhere.
 *
 * The base hues are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), chosen because it stays
 * distinguishable under the common colour-vision deficiencies; its black is swapped for Paul Tol's "wine" (#882255)
 * because black disappears on the dark theme. Past eight topics the hues repeat in lightness tiers (OKLab L shifts),
 * so topic 8 is another blue, topic 9 another orange, and so on: hue carries the CB-safe distinction, lightness the rest.
 */

/** The eight base colours, ordered so the first few (the largest topics) are the most distinct from each other. */
export const BASE_TOPIC_COLORS: readonly string[] = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#882255', // wine (Paul Tol), in place of Okabe–Ito black
];

/** Tiers stay in this OKLab lightness band, so every colour keeps some contrast on white and on near-black. */
const MIN_TIER_LIGHTNESS = 0.36;
const MAX_TIER_LIGHTNESS = 0.88;

/**
 * The colour of topic `topicId` out of `topicCount` topics, as `#rrggbb`.
 * The first eight ids get the pure base colours; ids past 7 get the same hues at other lightness levels, each
 * chosen to stand as far as possible from all earlier colours. A topic's colour depends only on its id, so adding
 * topics never recolours the existing ones; `topicCount` guards against ids outside the atlas.
 * @param topicId dense topic id, 0 ≤ topicId < topicCount (ids are ordered largest topic first)
 * @param topicCount how many topics the atlas has (all levels together)
 * @example topicColor(0, 5) // => '#0072B2'
 * @example topicColor(8, 20) // => '#003f7c' (a dark blue; the same for every call)
 */
export function topicColor(topicId: number, topicCount: number): string {
  if (!Number.isInteger(topicCount) || topicCount < 1) {
    throw new RangeError(`topicColor: expected a positive integer topicCount, got ${topicCount}`);
  }
  if (!Number.isInteger(topicId) || topicId < 0 || topicId >= topicCount) {
    throw new RangeError(`topicColor: expected an integer topicId in [0, ${topicCount - 1}], got ${topicId}`);
  }
  return colorSequence(topicId + 1)[topicId] as string;
}

/** The colours worked out so far, by id; the sequence never depends on the topic count, so it can grow in place. */
const sequence: string[] = [...BASE_TOPIC_COLORS];
const sequenceLab: Array<[number, number, number]> = sequence.map((hex) => rgbToOklab(hexToRgb(hex)));
/** Lightness levels a tier may take, every 0.02 across the readable band. */
const TIER_LEVELS = Array.from(
  { length: Math.round((MAX_TIER_LIGHTNESS - MIN_TIER_LIGHTNESS) / 0.02) + 1 },
  (_, i) => MIN_TIER_LIGHTNESS + i * 0.02,
);

/**
 * The first `length` topic colours. Each id past the base set takes its base hue (id mod 8) at the lightness level
 * that is farthest, in OKLab distance, from every colour before it (ties: the level nearest the base), a greedy
 * farthest-point choice. Blue and sky blue, or orange and yellow, differ mostly in lightness, so fixed tiers would
 * make them collide; this does not.
 */
function colorSequence(length: number): string[] {
  while (sequence.length < length) {
    const base = BASE_TOPIC_COLORS[sequence.length % BASE_TOPIC_COLORS.length] as string;
    const baseLightness = rgbToOklab(hexToRgb(base))[0];
    let bestHex = base;
    let bestLab = rgbToOklab(hexToRgb(base));
    let bestScore = -1;
    for (const level of TIER_LEVELS) {
      const hex = withLightness(base, level);
      const lab = rgbToOklab(hexToRgb(hex));
      let score = Infinity;
      for (const other of sequenceLab) score = Math.min(score, Math.hypot(lab[0] - other[0], lab[1] - other[1], lab[2] - other[2]));
      const isBetter =
        score > bestScore + 1e-9 ||
        (Math.abs(score - bestScore) <= 1e-9 && Math.abs(level - baseLightness) < Math.abs(rgbToOklab(hexToRgb(bestHex))[0] - baseLightness));
      if (isBetter) {
        bestHex = hex;
        bestLab = lab;
        bestScore = score;
      }
    }
    sequence.push(bestHex);
    sequenceLab.push(bestLab);
  }
  return sequence;
}

function withLightness(hex: string, lightness: number): string {
  const [, a, b] = rgbToOklab(hexToRgb(hex));
  return rgbToHex(oklabToRgb([lightness, a, b]));
}

/**
 * The colour clamped into a lightness band, for drawing on a given background: pale yellow dots vanish on white,
 * deep wine dots on near-black. The hue stays, so the dot still matches its badge.
 * @example clampLightness('#F0E442', 0, 0.8) // => '#cfc200' (a darker yellow)
 */
export function clampLightness(hex: string, minLightness: number, maxLightness: number): string {
  const [l, a, b] = rgbToOklab(hexToRgb(hex));
  const clamped = Math.min(maxLightness, Math.max(minLightness, l));
  return rgbToHex(oklabToRgb([clamped, a, b]));
}

/**
 * Mix two colours in sRGB; `amount` 0 gives `from`, 1 gives `to`.
 * @example mixColors('#000000', '#ffffff', 0.5) // => '#808080'
 */
export function mixColors(from: string, to: string, amount: number): string {
  const a = hexToRgb(from);
  const b = hexToRgb(to);
  return rgbToHex([a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount]);
}

/**
 * `#rgb` or `#rrggbb` to sRGB channels in [0, 255].
 * @example hexToRgb('#0072B2') // => [0, 114, 178]
 */
export function hexToRgb(hex: string): [number, number, number] {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new TypeError(`hexToRgb: expected a colour like #0072b2, got ${JSON.stringify(hex)}`);
  const digits = (match[1] as string).length === 3 ? [...(match[1] as string)].map((d) => d + d).join('') : (match[1] as string);
  const value = Number.parseInt(digits, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * sRGB channels (clamped to [0, 255], rounded) to lower-case `#rrggbb`.
 * @example rgbToHex([0, 114, 178]) // => '#0072b2'
 */
export function rgbToHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((channel) => Math.round(Math.min(255, Math.max(0, channel))).toString(16).padStart(2, '0')).join('')}`;
}

function srgbToLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function linearToSrgb(value: number): number {
  const c = value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055;
  return c * 255;
}

/**
 * sRGB to OKLab (Björn Ottosson, 2020), the perceptual space the lightness tiers are measured in.
 * @example rgbToOklab([255, 255, 255]) // => [≈1, ≈0, ≈0]
 */
export function rgbToOklab(rgb: readonly [number, number, number]): [number, number, number] {
  const r = srgbToLinear(rgb[0]);
  const g = srgbToLinear(rgb[1]);
  const b = srgbToLinear(rgb[2]);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/**
 * OKLab back to sRGB channels in [0, 255] (not clamped: out-of-gamut values are clamped by `rgbToHex`).
 * @example oklabToRgb([1, 0, 0]) // => [≈255, ≈255, ≈255]
 */
export function oklabToRgb(lab: readonly [number, number, number]): [number, number, number] {
  const l = (lab[0] + 0.3963377774 * lab[1] + 0.2158037573 * lab[2]) ** 3;
  const m = (lab[0] - 0.1055613458 * lab[1] - 0.0638541728 * lab[2]) ** 3;
  const s = (lab[0] - 0.0894841775 * lab[1] - 1.291485548 * lab[2]) ** 3;
  return [
    linearToSrgb(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    linearToSrgb(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    linearToSrgb(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** What the hierarchy-aware palette needs of a topic. */
export interface PaletteTopic {
  id: number;
  parent: number | null;
}

/** Lightness steps (OKLab L) between sibling subtopics: small enough to stay in the theme's family. */
const SUBTOPIC_STEPS = [0, -0.09, 0.09, -0.17, 0.17, -0.05, 0.05, -0.13, 0.13];

/**
 * The colour of every topic, indexed by topic id, with subtopics in their broad theme's colour family: broad themes
 * (parent null) take `topicColor(rank, themeCount)` in id order, so themes use the most distinct colours, or the
 * palette entry `themeColorIndex` gives them (theme-coloring.ts picks entries so neighbouring themes differ); each
 * subtopic takes its theme's colour with a small lightness step (siblings in id order). With one level every topic
 * is a theme, so the result equals `topicColor(id, topics.length)`. The map uses `mapTopicColors`, which calls this.
 * @example atlasTopicColors([{ id: 0, parent: null }, { id: 1, parent: 0 }, { id: 2, parent: 0 }])[0] // => '#0072B2'
 */
export function atlasTopicColors(topics: readonly PaletteTopic[], themeColorIndex?: ReadonlyMap<number, number>): string[] {
  const byId = [...topics].sort((a, b) => a.id - b.id);
  const themes = byId.filter((topic) => topic.parent === null);
  const colors = new Array<string>(byId.length);
  const paletteSize = Math.max(themes.length, ...(themeColorIndex ? [...themeColorIndex.values()].map((index) => index + 1) : []));
  themes.forEach((theme, rank) => {
    colors[theme.id] = topicColor(themeColorIndex?.get(theme.id) ?? rank, paletteSize);
  });
  const siblingRank = new Map<number, number>();
  for (const topic of byId) {
    if (topic.parent === null) continue;
    const family = colors[topic.parent];
    if (family === undefined) throw new RangeError(`atlasTopicColors: topic ${topic.id} has unknown parent ${topic.parent}`);
    const rank = siblingRank.get(topic.parent) ?? 0;
    siblingRank.set(topic.parent, rank + 1);
    const [l] = rgbToOklab(hexToRgb(family));
    const step = SUBTOPIC_STEPS[rank % SUBTOPIC_STEPS.length] as number;
    // Reflect a step that would leave the readable band, so siblings stay distinct instead of clamping together.
    const lightness = l + step < MIN_TIER_LIGHTNESS || l + step > MAX_TIER_LIGHTNESS ? l - step : l + step;
    colors[topic.id] = step === 0 ? family : withLightness(family, lightness);
  }
  return colors;
}
