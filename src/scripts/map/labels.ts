import { nearestPointOfBox, placeLabels, splitLabel, type LabelCandidate, type LabelForm, type Obstacle, type PlacedLabel } from '../../lib/map/label-placement.ts';
import { labelBox, labelFont, labelFontScale, leaderOffsets, shortLabel } from '../../lib/map/label-plan.ts';
import { shortTitle } from '../../lib/map/view-labels.ts';

/** The font stack of the page (Tailwind's --font-sans); labels are measured in the font they are shown in. */
const FONT_FAMILY = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** Labels longer than this many characters wrap at a ` · ` onto two lines. */
const MAX_LINE_CHARS = 22;
/** Paper titles are cut to this many characters: enough to recognise a paper, short enough to leave room. */
const MAX_TITLE_CHARS = 44;
/** A paper title's font size at full scale, in pixels. */
const TITLE_FONT_PX = 11.5;
/** A fine cluster's font size at full scale, in pixels: below subtopics (11–13.5), shrinking less on a phone. */
const FINE_FONT_PX = 10.5;

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

/** The smallest font a crowded theme's short name may take, in pixels: still readable on a phone. */
const MIN_THEME_FONT_PX = 10;

/** One label the map wants this frame: a theme, a subtopic or (zoomed far in) a paper title. */
export interface LabelRequest {
  kind: 'theme' | 'subtopic' | 'fine' | 'paper';
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
  /** Shown away from its anchor, joined to it by a leader line. */
  hasLeader?: boolean;
}

/** Keeps one element per label and moves, shows and hides them as the view changes. */
export class LabelLayer {
  private readonly container: HTMLElement;
  private readonly elements = new Map<string, HTMLElement>();
  private readonly leaders = new Map<string, HTMLElement>();
  /** Each label's forms: its own first, then (themes) the fallbacks a crowded map may need. */
  private readonly styles = new Map<string, LabelStyle[]>();
  private readonly measure: CanvasRenderingContext2D | null;
  private measureFont = '';
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
    const byId = new Map<number, { request: LabelRequest; forms: LabelStyle[] }>();
    for (const request of requests) byId.set(request.id, { request, forms: this.stylesFor(request) });
    // Every theme is named when it can be. When some theme found no room, the themes near it (within 220 px) start
    // from their short names; then every theme does; then every theme's smaller short name. The placement naming
    // the most themes is kept, so the full labels stay wherever they leave room for the others.
    const themes = requests.filter((request) => request.kind === 'theme');
    let placed: PlacedLabel[] = [];
    let bestNamed = -1;
    let firstForm = (_request: LabelRequest): number => 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      const attemptForm = firstForm;
      const result = placeLabels(this.candidates(byId, attemptForm), viewport, { obstacles, gapPx: 6 });
      const namedIds = new Set(result.filter((label) => byId.get(label.id)?.request.kind === 'theme').map((label) => label.id));
      if (namedIds.size > bestNamed) {
        placed = result.map((label) => {
          const request = byId.get(label.id)?.request;
          return request?.kind === 'theme' ? { ...label, form: label.form + attemptForm(request) } : label;
        });
        bestNamed = namedIds.size;
      }
      if (namedIds.size === themes.length) break;
      const unnamed = themes.filter((theme) => !namedIds.has(theme.id));
      const isNearUnnamed = (request: LabelRequest) => unnamed.some((other) => Math.hypot(other.x - request.x, other.y - request.y) < 220);
      firstForm = attempt === 0 ? (request) => (isNearUnnamed(request) ? 1 : 0) : attempt === 1 ? () => 1 : () => 2;
    }
    const shown = new Set<string>();
    const leadersShown = new Set<string>();
    for (const label of placed) {
      const entry = byId.get(label.id);
      if (!entry) continue;
      const { request } = entry;
      const style = entry.forms[label.form] ?? entry.forms[0]!;
      const key = `${request.kind}:${request.name}`;
      shown.add(key);
      if (style.hasLeader) {
        this.drawLeader(key, label, request);
        leadersShown.add(key);
      }
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
    for (const [key, element] of this.leaders) {
      if (!leadersShown.has(key)) element.classList.remove('is-visible');
    }
    return placed;
  }

  /** The placement candidates, each theme offered its forms from `firstThemeForm(theme)` on (0: its full label). */
  private candidates(
    byId: ReadonlyMap<number, { request: LabelRequest; forms: LabelStyle[] }>,
    firstThemeForm: (request: LabelRequest) => number,
  ): LabelCandidate[] {
    const candidates: LabelCandidate[] = [];
    for (const { request, forms: allForms } of byId.values()) {
      const forms = request.kind === 'theme' ? allForms.slice(firstThemeForm(request)) : allForms;
      const style = forms[0]!;
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
        // A theme is never left unnamed while its short name fits: smaller, then out on a leader line.
        candidate.fallbacks = forms.slice(1).map(
          (form): LabelForm => ({
            width: form.width,
            height: form.height,
            shifts: form.hasLeader ? leaderOffsets().map(([dx, dy]) => [dx / form.width, dy / form.height] as const) : THEME_SHIFTS,
            leader: form.hasLeader === true,
          }),
        );
      }
      candidates.push(candidate);
    }
    return candidates;
  }

  /** A thin line from the label's nearest edge to its anchor (the cluster's centre), in the label's colour. */
  private drawLeader(key: string, label: PlacedLabel, request: LabelRequest): void {
    let line = this.leaders.get(key);
    if (!line) {
      line = document.createElement('div');
      line.className = 'atlas-map-leader';
      line.dataset.leaderFor = request.name;
      this.container.prepend(line);
      this.leaders.set(key, line);
    }
    const [fromX, fromY] = nearestPointOfBox(label, request.x, request.y);
    const length = Math.hypot(request.x - fromX, request.y - fromY);
    const angle = Math.atan2(request.y - fromY, request.x - fromX);
    line.style.width = `${Math.max(0, length - 3).toFixed(1)}px`;
    line.style.transform = `translate(${fromX.toFixed(1)}px, ${fromY.toFixed(1)}px) rotate(${angle.toFixed(4)}rad)`;
    line.style.color = request.color;
    line.classList.toggle('is-dimmed', request.isDimmed);
    line.classList.add('is-visible');
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

  private stylesFor(request: LabelRequest): LabelStyle[] {
    const key = `${request.kind}:${request.name}`;
    const cached = this.styles.get(key);
    if (cached) return cached;
    const isPaper = request.kind === 'paper';
    const { fontSizePx, fontWeight } = isPaper
      ? { fontSizePx: Math.round(TITLE_FONT_PX * Math.max(0.9, this.fontScale) * 2) / 2, fontWeight: 500 }
      : request.kind === 'fine'
        ? { fontSizePx: Math.round(FINE_FONT_PX * Math.max(0.8, this.fontScale) * 2) / 2, fontWeight: 500 }
        : labelFont(request.size, this.maxSize, request.kind === 'theme', this.fontScale);
    const lines = isPaper ? [shortTitle(request.text, MAX_TITLE_CHARS)] : splitLabel(request.text, MAX_LINE_CHARS);
    const styles = [this.measured(lines, fontSizePx, fontWeight)];
    if (request.kind === 'theme') {
      const short = [shortLabel(request.text)];
      const smallFont = Math.max(MIN_THEME_FONT_PX, Math.round(fontSizePx * 0.8 * 2) / 2);
      const smaller = this.measured(short, smallFont, fontWeight);
      styles.push(this.measured(short, fontSizePx, fontWeight), smaller, { ...smaller, hasLeader: true });
    }
    this.styles.set(key, styles);
    return styles;
  }

  private measured(lines: string[], fontSizePx: number, fontWeight: number): LabelStyle {
    let width = 0;
    if (this.measure) {
      // Setting a canvas font parses it, which cost more than the measuring on a map's first draw (a profile at 4×
      // CPU slowdown: 68 ms of 130 ms placing the fixture atlas's labels), so it is set only when it changes.
      const font = `${fontWeight} ${fontSizePx}px ${FONT_FAMILY}`;
      if (font !== this.measureFont) {
        this.measure.font = font;
        this.measureFont = font;
      }
      for (const line of lines) width = Math.max(width, this.measure.measureText(line).width);
    } else {
      width = Math.max(...lines.map((line) => line.length)) * fontSizePx * 0.6;
    }
    return { fontSizePx, fontWeight, lines, ...labelBox(width, lines.length, fontSizePx) };
  }

  private elementFor(key: string, request: LabelRequest): HTMLElement {
    let element = this.elements.get(key);
    if (!element) {
      element = document.createElement('div');
      element.className = request.kind === 'paper' ? 'atlas-map-label is-paper' : request.kind === 'fine' ? 'atlas-map-label is-fine' : 'atlas-map-label';
      if (request.kind === 'paper') element.dataset.paperLabel = request.name;
      else if (request.kind === 'fine') element.dataset.fineLabel = request.name;
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
