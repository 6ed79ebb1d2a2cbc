import type { AtlasTopic } from '../../lib/topics/atlas-schema.ts';
import { placeLabels, splitLabel, type LabelCandidate, type Obstacle } from '../../lib/map/label-placement.ts';
import { labelBox, labelFont, labelFontScale, type LabelPlan } from '../../lib/map/label-plan.ts';

/** The font stack of the page (Tailwind's --font-sans); labels are measured in the font they are shown in. */
const FONT_FAMILY = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Labels longer than this many characters wrap at a ` · ` onto two lines. */
const MAX_LINE_CHARS = 22;

/** How a topic's label looks at some zoom; sizes in CSS pixels. */
interface LabelStyle {
  fontSizePx: number;
  fontWeight: number;
  lines: string[];
  width: number;
  height: number;
}

/** Keeps one element per topic label and moves, shows and hides them as the view changes. */
export class LabelLayer {
  private readonly container: HTMLElement;
  private readonly elements = new Map<number, HTMLElement>();
  private readonly styles = new Map<string, LabelStyle>();
  private readonly measure: CanvasRenderingContext2D | null;
  private readonly maxSize: number;

  constructor(container: HTMLElement, topics: readonly AtlasTopic[]) {
    this.container = container;
    this.measure = document.createElement('canvas').getContext('2d');
    this.maxSize = Math.max(1, ...topics.map((topic) => topic.size));
  }

  /**
   * Place and show the labels for this frame. `toScreen` maps data to screen pixels; `colorOf` gives each label's
   * text colour; `isDimmed` fades labels of topics outside the focus.
   */
  update(
    topics: readonly AtlasTopic[],
    plans: readonly LabelPlan[],
    toScreen: (x: number, y: number) => [number, number],
    viewport: { width: number; height: number },
    obstacles: readonly Obstacle[],
    colorOf: (topic: AtlasTopic) => string,
    isDimmed: (topic: AtlasTopic) => boolean,
  ): void {
    const candidates: LabelCandidate[] = [];
    const styleOf = new Map<number, LabelStyle>();
    for (const plan of plans) {
      const topic = topics[plan.topicId];
      if (!topic) continue;
      const [x, y] = toScreen(topic.centroid[0], topic.centroid[1]);
      if (x < -200 || y < -100 || x > viewport.width + 200 || y > viewport.height + 100) continue;
      const style = this.styleFor(topic, plan.isTheme);
      styleOf.set(topic.id, style);
      candidates.push({ id: topic.id, x, y, width: style.width, height: style.height, priority: plan.priority });
    }
    const placed = placeLabels(candidates, viewport, { obstacles, gapPx: 6 });
    const shown = new Set<number>();
    for (const label of placed) {
      const topic = topics[label.id];
      const style = styleOf.get(label.id);
      if (!topic || !style) continue;
      shown.add(label.id);
      const element = this.elementFor(topic.id);
      this.applyStyle(element, style);
      element.style.transform = `translate(${Math.round(label.left)}px, ${Math.round(label.top)}px)`;
      element.style.color = colorOf(topic);
      element.classList.toggle('is-dimmed', isDimmed(topic));
      element.classList.add('is-visible');
    }
    for (const [id, element] of this.elements) {
      if (!shown.has(id)) element.classList.remove('is-visible');
    }
  }

  /** Forget measured sizes (after fonts load, text may have a different width). */
  clearMeasurements(): void {
    this.styles.clear();
  }

  /** Label sizes shrink on narrow maps (a phone) so a few labels do not cover the whole map. */
  private fontScale = 1;

  /** Set the label size factor for a map `widthPx` wide; sizes are measured again when it changes. */
  setViewportWidth(widthPx: number): void {
    const scale = labelFontScale(widthPx);
    if (scale === this.fontScale) return;
    this.fontScale = scale;
    this.styles.clear();
  }

  private styleFor(topic: AtlasTopic, isTheme: boolean): LabelStyle {
    const key = `${topic.id}:${isTheme ? 1 : 0}`;
    const cached = this.styles.get(key);
    if (cached) return cached;
    const { fontSizePx, fontWeight } = labelFont(topic.size, this.maxSize, isTheme, this.fontScale);
    const lines = splitLabel(topic.label, MAX_LINE_CHARS);
    let width = 0;
    if (this.measure) {
      this.measure.font = `${fontWeight} ${fontSizePx}px ${FONT_FAMILY}`;
      for (const line of lines) width = Math.max(width, this.measure.measureText(line).width);
    } else {
      width = Math.max(...lines.map((line) => line.length)) * fontSizePx * 0.6;
    }
    const style: LabelStyle = { fontSizePx, fontWeight, lines, ...labelBox(width, lines.length, fontSizePx) };
    this.styles.set(key, style);
    return style;
  }

  private elementFor(topicId: number): HTMLElement {
    let element = this.elements.get(topicId);
    if (!element) {
      element = document.createElement('div');
      element.className = 'atlas-map-label';
      element.dataset.topicLabel = String(topicId);
      this.container.append(element);
      this.elements.set(topicId, element);
    }
    return element;
  }

  private applyStyle(element: HTMLElement, style: LabelStyle): void {
    const signature = `${style.fontSizePx}/${style.fontWeight}/${style.lines.join('\n')}`;
    if (element.dataset.signature === signature) return;
    element.dataset.signature = signature;
    element.style.fontSize = `${style.fontSizePx}px`;
    element.style.fontWeight = String(style.fontWeight);
    element.style.width = `${style.width}px`;
    element.replaceChildren(
      ...style.lines.map((line) => {
        const span = document.createElement('span');
        span.textContent = line;
        return span;
      }),
    );
  }
}
