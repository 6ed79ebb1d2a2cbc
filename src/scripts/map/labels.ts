import { placeLabels, splitLabel, type LabelCandidate, type Obstacle, type PlacedLabel } from '../../lib/map/label-placement.ts';
import { labelBox, labelFont, labelFontScale } from '../../lib/map/label-plan.ts';
import { shortTitle } from '../../lib/map/view-labels.ts';

/** The font stack of the page (Tailwind's --font-sans); labels are measured in the font they are shown in. */
const FONT_FAMILY = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Labels longer than this many characters wrap at a ` · ` onto two lines. */
const MAX_LINE_CHARS = 22;
/** Paper titles are cut to this many characters: enough to recognise a paper, short enough to leave room. */
const MAX_TITLE_CHARS = 44;
/** A paper title's font size at full scale, in pixels. */
const TITLE_FONT_PX = 11.5;

/**
 * Where a theme's label may go, tried in order: centred, then next to the centre, then a step farther out. A broad
 * theme is never left unnamed while any of these is free (a crowded phone map dropped one at the nearer ones).
 */
const THEME_SHIFTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, -0.75],
  [0, 0.75],
  [-0.45, 0],
  [0.45, 0],
  [-0.5, -0.75],
  [0.5, -0.75],
  [-0.5, 0.75],
  [0.5, 0.75],
  [0, -1.5],
  [0, 1.5],
  [-0.9, 0],
  [0.9, 0],
];

/** One label the map wants this frame: a theme, a subtopic or (zoomed far in) a paper title. */
export interface LabelRequest {
  kind: 'theme' | 'subtopic' | 'paper';
  /** Unique among this frame's requests; the placement tiebreak. Topic ids, then topic count + paper index. */
  id: number;
  /** The topic id or the paper slug, written on the element (`data-topic-label`, `data-paper-label`). */
  name: string;
  text: string;
  /** Anchor in screen pixels: the cluster's centre, or the paper's dot. */
  x: number;
  y: number;
  priority: number;
  /** Topic size, which sets a topic label's font size. */
  size: number;
  color: string;
  isDimmed: boolean;
  /** A paper's dot radius in pixels: its title sits just beside the dot. */
  dotRadiusPx?: number;
}

/** How a label looks at some zoom; sizes in CSS pixels. */
interface LabelStyle {
  fontSizePx: number;
  fontWeight: number;
  lines: string[];
  width: number;
  height: number;
}

/** Keeps one element per label and moves, shows and hides them as the view changes. */
export class LabelLayer {
  private readonly container: HTMLElement;
  private readonly elements = new Map<string, HTMLElement>();
  private readonly styles = new Map<string, LabelStyle>();
  private readonly measure: CanvasRenderingContext2D | null;
  private readonly maxSize: number;
  /** Label sizes shrink on narrow maps (a phone) so a few labels do not cover the whole map. */
  private fontScale = 1;

  constructor(container: HTMLElement, maxTopicSize: number) {
    this.container = container;
    this.measure = document.createElement('canvas').getContext('2d');
    this.maxSize = Math.max(1, maxTopicSize);
  }

  /**
   * Place the requested labels so none overlaps another or an obstacle, show them and hide the rest. Returns the
   * boxes of the labels shown (the tooltip keeps clear of them).
   */
  update(requests: readonly LabelRequest[], viewport: { width: number; height: number }, obstacles: readonly Obstacle[]): PlacedLabel[] {
    const candidates: LabelCandidate[] = [];
    const byId = new Map<number, { request: LabelRequest; style: LabelStyle }>();
    for (const request of requests) {
      const style = this.styleFor(request);
      byId.set(request.id, { request, style });
      const candidate: LabelCandidate = { id: request.id, x: request.x, y: request.y, width: style.width, height: style.height, priority: request.priority };
      if (request.kind === 'paper') {
        // Beside the dot: right, left, above, below; never slid away from it.
        const reachX = 0.5 + ((request.dotRadiusPx ?? 2) + 3) / style.width;
        const reachY = 0.5 + ((request.dotRadiusPx ?? 2) + 2) / style.height;
        candidate.shifts = [
          [reachX, 0],
          [-reachX, 0],
          [0, -reachY],
          [0, reachY],
        ];
        candidate.slides = false;
      } else if (request.kind === 'theme') {
        candidate.shifts = THEME_SHIFTS;
      }
      candidates.push(candidate);
    }
    const placed = placeLabels(candidates, viewport, { obstacles, gapPx: 6 });
    const shown = new Set<string>();
    for (const label of placed) {
      const entry = byId.get(label.id);
      if (!entry) continue;
      const { request, style } = entry;
      const key = `${request.kind}:${request.name}`;
      shown.add(key);
      const element = this.elementFor(key, request);
      this.applyStyle(element, style);
      element.style.transform = `translate(${Math.round(label.left)}px, ${Math.round(label.top)}px)`;
      element.style.color = request.color;
      element.classList.toggle('is-dimmed', request.isDimmed);
      element.classList.add('is-visible');
    }
    for (const [key, element] of this.elements) {
      if (!shown.has(key)) element.classList.remove('is-visible');
    }
    return placed;
  }

  /** Forget measured sizes (after fonts load, text may have a different width). */
  clearMeasurements(): void {
    this.styles.clear();
  }

  /** Set the label size factor for a map `widthPx` wide; sizes are measured again when it changes. */
  setViewportWidth(widthPx: number): void {
    const scale = labelFontScale(widthPx);
    if (scale === this.fontScale) return;
    this.fontScale = scale;
    this.styles.clear();
  }

  private styleFor(request: LabelRequest): LabelStyle {
    const key = `${request.kind}:${request.name}`;
    const cached = this.styles.get(key);
    if (cached) return cached;
    const isPaper = request.kind === 'paper';
    const { fontSizePx, fontWeight } = isPaper
      ? { fontSizePx: Math.round(TITLE_FONT_PX * Math.max(0.9, this.fontScale) * 2) / 2, fontWeight: 500 }
      : labelFont(request.size, this.maxSize, request.kind === 'theme', this.fontScale);
    const lines = isPaper ? [shortTitle(request.text, MAX_TITLE_CHARS)] : splitLabel(request.text, MAX_LINE_CHARS);
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

  private elementFor(key: string, request: LabelRequest): HTMLElement {
    let element = this.elements.get(key);
    if (!element) {
      element = document.createElement('div');
      element.className = request.kind === 'paper' ? 'atlas-map-label is-paper' : 'atlas-map-label';
      if (request.kind === 'paper') element.dataset.paperLabel = request.name;
      else element.dataset.topicLabel = request.name;
      element.dataset.labelKind = request.kind;
      this.container.append(element);
      this.elements.set(key, element);
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
