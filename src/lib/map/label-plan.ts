import type { AtlasTopic } from '../topics/atlas-schema.ts';

/** Label line height, as a multiple of the font size (the `.atlas-map-label` style uses the same). */
const LABEL_LINE_HEIGHT = 1.15;

/** Which topics may show a label at a zoom level, and how much each matters. */
export interface LabelPlan {
  topicId: number;
  priority: number;
  /** Broad themes are drawn larger and in text colour; subtopics smaller and tinted. */
  isTheme: boolean;
}

/**
 * Broad themes while zoomed out, subtopics as you zoom in (both in between, themes first; a theme without subtopics
 * stays); with one level, every topic, larger topics first. A focused topic and its subtopics always come first.
 * @example planLabels(topics, 2, 1, null) // => [{ topicId: 0, priority: 1000031, isTheme: true }, …] (themes only below zoom 1.7)
 */
export function planLabels(topics: readonly AtlasTopic[], levels: 1 | 2, zoom: number, focusedTopic: number | null): LabelPlan[] {
  const plans: LabelPlan[] = [];
  const parents = new Set(topics.map((topic) => topic.parent));
  for (const topic of topics) {
    const isFocus = focusedTopic !== null && (topic.id === focusedTopic || topic.parent === focusedTopic);
    const boost = isFocus ? 1e7 : 0;
    if (levels === 1 || topic.level === 0) {
      // Zoomed in, a theme's subtopics name its parts; a theme without subtopics keeps its own name.
      if (levels === 2 && zoom >= 3.2 && !isFocus && parents.has(topic.id)) continue;
      plans.push({ topicId: topic.id, priority: 1e6 + boost + topic.size, isTheme: true });
    } else {
      if (zoom < 1.7 && !isFocus) continue;
      plans.push({ topicId: topic.id, priority: boost + topic.size, isTheme: false });
    }
  }
  return plans;
}

/**
 * Whether a topic's label is faded: a topic is focused and this is neither it nor one of its subtopics.
 * @example isLabelDimmed({ id: 4, parent: 1 }, 1) // => false
 */
export function isLabelDimmed(topic: Pick<AtlasTopic, 'id' | 'parent'>, focusedTopic: number | null): boolean {
  return focusedTopic !== null && topic.id !== focusedTopic && topic.parent !== focusedTopic;
}

/**
 * The label size factor for a map `widthPx` wide, in steps of 0.05: labels shrink on narrow maps (a phone: 0.7 of
 * full size) so a few labels do not cover the whole map.
 * @example labelFontScale(390) // => 0.7
 */
export function labelFontScale(widthPx: number): number {
  return Math.round(Math.min(1, Math.max(0.72, widthPx / 900)) * 20) / 20;
}

/**
 * A label's font: themes 12.5–18 px bold, subtopics 11–13.5 px semibold, growing with the square root of the
 * topic's share of the largest topic, times `fontScale`, rounded to half pixels.
 * @example labelFont(100, 100, true, 1) // => { fontSizePx: 18, fontWeight: 700 }
 */
export function labelFont(size: number, maxSize: number, isTheme: boolean, fontScale: number): { fontSizePx: number; fontWeight: number } {
  const share = Math.sqrt(size / maxSize);
  const fontSizePx = Math.round((isTheme ? 12.5 + 5.5 * share : 11 + 2.5 * share) * fontScale * 2) / 2;
  return { fontSizePx, fontWeight: isTheme ? 700 : 600 };
}

/**
 * The box a label of `lineCount` lines needs, from its widest measured line: 2 px spare on each side, 2 px below.
 * @example labelBox(80.3, 2, 14) // => { width: 85, height: 35 }
 */
export function labelBox(widestLinePx: number, lineCount: number, fontSizePx: number): { width: number; height: number } {
  return { width: Math.ceil(widestLinePx) + 4, height: Math.ceil(lineCount * fontSizePx * LABEL_LINE_HEIGHT) + 2 };
}

/**
 * A topic label's short form for a crowded map: its first key phrase (the label's best term).
 * @example shortLabel('continual learning · catastrophic forgetting') // => 'continual learning'
 */
export function shortLabel(label: string): string {
  return label.split(' · ')[0]!.trim() || label;
}

/**
 * Where a label with a leader line may go, as offsets in pixels from its anchor to the label's centre: rings of
 * 48, 80, 120 and 170 px, each tried above, below, left, right, then on the diagonals (datamapplot's static maps set
 * crowded labels out around the cluster the same way, joined to it by a line).
 * @example leaderOffsets().slice(0, 2) // => [[0, -48], [0, 48]]
 */
export function leaderOffsets(): Array<[number, number]> {
  const offsets: Array<[number, number]> = [];
  for (const radius of [48, 80, 120, 170]) {
    const diagonal = Math.round(radius * Math.SQRT1_2);
    offsets.push([0, -radius], [0, radius], [-radius, 0], [radius, 0], [-diagonal, -diagonal], [diagonal, -diagonal], [-diagonal, diagonal], [diagonal, diagonal]);
  }
  return offsets;
}
