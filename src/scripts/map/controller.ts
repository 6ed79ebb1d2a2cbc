import { select, type Selection } from 'd3-selection';
import { zoom as createZoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { AtlasTopic } from '../../lib/topics/atlas-schema.ts';
import { joinBase } from '../../lib/site/paths.ts';
import { atlasTopicColors } from '../../lib/map/palette.ts';
import { pointBounds, type Bounds } from '../../lib/map/bounds.ts';
import { nearestInDirection, nearestPoint, type Direction } from '../../lib/map/direction.ts';
import type { Obstacle } from '../../lib/map/label-placement.ts';
import {
  fitBounds,
  interpolateView,
  transformForView,
  viewForBounds,
  viewForTransform,
  type BaseFit,
  type MapView,
  type ZoomTransformLike,
} from '../../lib/map/view-transform.ts';
import { loadMapModel, type MapModel } from './atlas-data.ts';
import { createHitTester, type HitTester } from './hit-test.ts';
import { attachKeyboard, type MapKeyAction } from './keyboard.ts';
import { LabelLayer, planLabels } from './labels.ts';
import { renderLegend, syncLegend } from './legend.ts';
import { PointRenderer, pointRadiusPx, resizeCanvas, type PointLayer } from './renderer.ts';
import { attachSearchBox, createEngineSearch, createTitleSearch, type MapSearch } from './search.ts';
import { currentTheme, labelColor, pointColor, watchTheme, type MapTheme } from './theme.ts';
import { Tooltip } from './tooltip.ts';
import { createUrlStateWriter, readUrlState } from './view-state.ts';

/** Zooming out further than this only shrinks the map into a corner. */
const MIN_ZOOM = 0.7;
/** Share of points ignored at each edge when framing a topic, so one outlier does not zoom out to the whole map. */
const TOPIC_TRIM = 0.02;
const ANIMATION_MS = 550;
const FRAME_PADDING_PX = 28;
/** Pointer slop around a dot, so small dots are easy to hover (larger for fingers). */
const HIT_SLOP_PX = { mouse: 5, touch: 14 } as const;

/** Start every `[data-atlas-map]` on the page that has not been started yet. */
export function initAtlasMaps(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-atlas-map]')) {
    if (root.dataset.mapState) continue;
    root.dataset.mapState = 'loading';
    void startAtlasMap(root);
  }
}

function required<T extends Element>(root: HTMLElement, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`AtlasMap: missing ${selector} inside [data-atlas-map]`);
  return element;
}

async function startAtlasMap(root: HTMLElement): Promise<void> {
  const frame = required<HTMLElement>(root, '[data-map-frame]');
  const fallback = root.querySelector<HTMLElement>('[data-map-fallback]');
  const loading = root.querySelector<HTMLElement>('[data-map-loading]');
  frame.hidden = false;
  if (fallback) fallback.hidden = true;
  if (root.dataset.height === 'full') {
    // Fill the window below the sticky site header, whatever height it wraps to.
    const header = document.querySelector<HTMLElement>('body > header');
    if (header) root.style.setProperty('--atlas-map-top', `${header.offsetHeight}px`);
  }
  const base = root.dataset.base ?? '/';
  let model: MapModel;
  try {
    model = await loadMapModel(joinBase(base, '/map-data.json'));
  } catch (error) {
    root.dataset.mapState = 'error';
    if (loading) loading.textContent = 'The map could not be loaded. The list of topics below still works.';
    if (fallback) fallback.hidden = false;
    console.warn('AtlasMap:', error);
    return;
  }
  loading?.remove();
  new AtlasMapController(root, frame, model, base).start();
  root.dataset.mapState = 'ready';
}

/** One map on the page: owns its canvas, zoom behaviour, labels, legend, search and keyboard state. */
class AtlasMapController {
  private readonly root: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ring: HTMLElement;
  private readonly status: HTMLElement;
  private readonly tooltip: Tooltip;
  private readonly labels: LabelLayer;
  private readonly legend: HTMLDetailsElement | null;
  private readonly legendList: HTMLElement | null;
  private readonly searchCount: HTMLElement | null;
  private readonly focusChip: HTMLElement | null;
  private readonly model: MapModel;
  private readonly base: string;
  private readonly isInteractive: boolean;
  private readonly syncsUrl: boolean;
  private readonly maxZoom: number;
  private readonly hitTester: HitTester;
  private readonly renderer = new PointRenderer();
  private readonly writeUrl = createUrlStateWriter();
  private readonly topicBounds = new Map<number, Bounds | null>();
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  private zoomBehavior: ZoomBehavior<HTMLElement, unknown> | null = null;
  private stageSelection: Selection<HTMLElement, unknown, null, undefined>;

  private context: CanvasRenderingContext2D | null = null;
  private width = 0;
  private height = 0;
  private rightInset = 0;
  private fit: BaseFit = { scale: 1, offsetX: 0, offsetY: 0 };
  private layer: PointLayer;
  private transform: ZoomTransformLike = { k: 1, x: 0, y: 0 };
  private theme: MapTheme = currentTheme();
  /** Palette colour of each topic (subtopics in their theme's family), by id. */
  private readonly topicColors: string[];
  /** Dot colour of each topic for the current theme. */
  private groupColors: string[] = [];
  private obstacles: Obstacle[] = [];

  private focusedTopic: number | null = null;
  private searchMatches: number[] | null = null;
  private emphasis: Uint8Array | null = null;
  private emphasized: Int32Array | null = null;
  private selected = -1;
  private hovered = -1;
  private lastPointerType = 'mouse';
  private frameRequest = 0;
  private animationRequest = 0;
  private hasDrawn = false;

  constructor(root: HTMLElement, frame: HTMLElement, model: MapModel, base: string) {
    this.root = root;
    this.model = model;
    this.base = base;
    this.stage = required(frame, '[data-map-stage]');
    this.canvas = required(frame, 'canvas[data-map-canvas]');
    this.ring = required(frame, '[data-map-ring]');
    this.status = required(root, '[data-map-status]');
    this.tooltip = new Tooltip(required(frame, '[data-map-tooltip]'));
    this.labels = new LabelLayer(required(frame, '[data-map-labels]'), model.topics);
    this.legend = frame.querySelector('details[data-map-legend]');
    this.legendList = frame.querySelector('[data-map-legend-list]');
    this.searchCount = frame.querySelector('[data-map-search-count]');
    this.focusChip = frame.querySelector('[data-map-focus-chip]');
    this.isInteractive = root.dataset.interactive !== 'false';
    this.syncsUrl = root.dataset.syncUrl === 'true';
    this.maxZoom = Math.min(200, Math.max(16, Math.sqrt(model.count) / 2));
    this.hitTester = createHitTester(model.xs, model.ys);
    this.topicColors = atlasTopicColors(model.atlas.topics);
    this.layer = {
      worldX: new Float32Array(model.count),
      worldY: new Float32Array(model.count),
      order: model.order,
      groupStart: model.groupStart,
    };
    this.stageSelection = select(this.stage);
  }

  start(): void {
    this.updateColors();
    this.layout();
    this.renderLegend();
    this.attachPointer();
    if (this.isInteractive) {
      this.attachZoom();
      attachKeyboard(this.stage, (action) => this.onKey(action));
      this.attachButtons();
      this.attachSearch();
    }
    const highlight = Number(this.root.dataset.highlightTopic);
    if (this.root.dataset.highlightTopic && Number.isInteger(highlight) && this.model.topics[highlight]) {
      this.setFocus(highlight, { zoom: false });
    }
    if (this.syncsUrl) this.restoreFromUrl();
    new ResizeObserver(() => {
      this.layout();
      this.draw();
    }).observe(this.stage);
    // Opening or folding the side legend changes the free area the map is fitted into.
    this.legend?.addEventListener('toggle', () => {
      this.layout();
      this.draw();
    });
    watchTheme(() => {
      this.theme = currentTheme();
      this.updateColors();
      this.scheduleDraw();
    });
    void document.fonts?.ready.then(() => {
      this.labels.clearMeasurements();
      this.scheduleDraw();
    });
    this.draw();
  }

  // ---- geometry -------------------------------------------------------------------------------------------

  /** Size the canvas to the stage and refit the data, keeping the same part of the map in view. */
  private layout(): void {
    const width = this.stage.clientWidth;
    const height = this.stage.clientHeight;
    if (width === 0 || height === 0) return;
    const previousView = this.hasLayout() ? this.currentView() : null;
    const wasHome = previousView !== null && this.isHomeTransform();
    this.width = width;
    this.height = height;
    this.context = resizeCanvas(this.canvas, width, height);
    this.labels.setViewportWidth(width);
    this.measureObstacles();
    this.rightInset = this.legendInset();
    const padding = Math.max(FRAME_PADDING_PX, Math.min(width, height) * 0.04);
    this.fit = fitBounds(this.model.bounds, width - this.rightInset, height, padding);
    const { xs, ys } = this.model;
    for (let i = 0; i < this.model.count; i++) {
      this.layer.worldX[i] = (xs[i] as number) * this.fit.scale + this.fit.offsetX;
      this.layer.worldY[i] = (ys[i] as number) * this.fit.scale + this.fit.offsetY;
    }
    if (this.zoomBehavior) {
      this.zoomBehavior.extent([
        [0, 0],
        [width, height],
      ]);
      this.zoomBehavior.translateExtent([
        [-width * 0.6, -height * 0.6],
        [width * 1.6, height * 1.6],
      ]);
    }
    const next = previousView && !wasHome ? transformForView(this.fit, previousView, width, height) : { k: 1, x: 0, y: 0 };
    this.applyTransform(next);
  }

  private hasLayout(): boolean {
    return this.width > 0 && this.height > 0;
  }

  private isHomeTransform(): boolean {
    const { k, x, y } = this.transform;
    return Math.abs(k - 1) < 1e-6 && Math.abs(x) < 0.5 && Math.abs(y) < 0.5;
  }

  /** Width taken by the legend panel on the right, which the map is fitted beside on wide screens. */
  private legendInset(): number {
    if (!this.legend?.open) return 0;
    const stageBox = this.stage.getBoundingClientRect();
    const box = this.legend.getBoundingClientRect();
    // On a wide stage the open legend sits over the right edge: fit the points beside it, however short it is,
    // so no topic starts out hidden under it. On a phone it is a bottom sheet the reader folds away.
    const isSidePanel = stageBox.width >= 640 && box.left > stageBox.left + stageBox.width * 0.5;
    return isSidePanel ? Math.max(0, stageBox.right - box.left) : 0;
  }

  /** Screen rectangles of the overlays (search, legend, buttons) that labels keep clear of. */
  private measureObstacles(): void {
    const stageBox = this.stage.getBoundingClientRect();
    this.obstacles = [];
    for (const element of this.root.querySelectorAll<HTMLElement>('[data-map-obstacle]')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      this.obstacles.push({ left: box.left - stageBox.left, top: box.top - stageBox.top, width: box.width, height: box.height });
    }
  }

  private currentView(): MapView {
    return viewForTransform(this.fit, this.transform, this.width, this.height);
  }

  private homeView(): MapView {
    return viewForTransform(this.fit, { k: 1, x: 0, y: 0 }, this.width, this.height);
  }

  /** The view that frames a topic in the part of the map not covered by the legend. */
  private viewForTopic(topicId: number): MapView | null {
    if (!this.topicBounds.has(topicId)) {
      const members = this.model.membersOfTopic[topicId];
      this.topicBounds.set(topicId, members ? pointBounds(this.model.xs, this.model.ys, members, TOPIC_TRIM) : null);
    }
    const bounds = this.topicBounds.get(topicId);
    if (!bounds) return null;
    const freeWidth = this.width - this.rightInset;
    const view = viewForBounds(this.fit, bounds, freeWidth, this.height, 56, 1, Math.min(this.maxZoom, 12));
    return { ...view, centerX: view.centerX + this.rightInset / 2 / (view.zoom * this.fit.scale) };
  }

  private dataToScreen(x: number, y: number): [number, number] {
    const { k, x: tx, y: ty } = this.transform;
    return [(x * this.fit.scale + this.fit.offsetX) * k + tx, (y * this.fit.scale + this.fit.offsetY) * k + ty];
  }

  private screenToData(sx: number, sy: number): [number, number] {
    const { k, x: tx, y: ty } = this.transform;
    return [((sx - tx) / k - this.fit.offsetX) / this.fit.scale, ((sy - ty) / k - this.fit.offsetY) / this.fit.scale];
  }

  private radiusPx(): number {
    return pointRadiusPx(this.model.count, this.width - this.rightInset, this.height, this.transform.k);
  }

  // ---- zoom ------------------------------------------------------------------------------------------------

  private attachZoom(): void {
    const isFullPage = this.root.dataset.height === 'full';
    this.zoomBehavior = createZoom<HTMLElement, unknown>()
      .scaleExtent([MIN_ZOOM, this.maxZoom])
      .filter((event: Event) => {
        if (event.type === 'wheel') return isFullPage || (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        // Embedded maps leave one-finger swipes to page scrolling; two fingers pinch the map.
        if (event.type === 'touchstart' && !isFullPage) return (event as TouchEvent).touches.length >= 2;
        return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
      })
      .on('start', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        if (event.sourceEvent) this.cancelAnimation();
      })
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        const { k, x, y } = event.transform;
        this.transform = { k, x, y };
        this.scheduleDraw();
        this.persist();
      });
    // No double-click/double-tap zoom: on touch the second tap of "tap to preview, tap again to open" would zoom.
    this.stageSelection.call(this.zoomBehavior).on('dblclick.zoom', null);
    this.zoomBehavior.extent([
      [0, 0],
      [this.width, this.height],
    ]);
    this.applyTransform(this.transform);
  }

  private applyTransform(next: ZoomTransformLike): void {
    if (this.zoomBehavior) {
      this.zoomBehavior.transform(this.stageSelection, zoomIdentity.translate(next.x, next.y).scale(next.k));
    } else {
      this.transform = next;
      this.scheduleDraw();
    }
  }

  /** Glide to a view (zoom geometric, centre linear), or jump there when the visitor prefers reduced motion. */
  private animateTo(target: MapView): void {
    this.cancelAnimation();
    if (this.reducedMotion.matches || !this.hasLayout()) {
      this.applyTransform(transformForView(this.fit, target, this.width, this.height));
      return;
    }
    const from = this.currentView();
    const startedAt = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - startedAt) / ANIMATION_MS);
      const eased = t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
      this.applyTransform(transformForView(this.fit, interpolateView(from, target, eased), this.width, this.height));
      this.animationRequest = t < 1 ? requestAnimationFrame(step) : 0;
    };
    this.animationRequest = requestAnimationFrame(step);
  }

  private cancelAnimation(): void {
    if (this.animationRequest) cancelAnimationFrame(this.animationRequest);
    this.animationRequest = 0;
  }

  private zoomBy(factor: number): void {
    const view = this.currentView();
    const zoom = Math.min(this.maxZoom, Math.max(MIN_ZOOM, view.zoom * factor));
    this.animateTo({ ...view, zoom });
  }

  // ---- drawing ---------------------------------------------------------------------------------------------

  private updateColors(): void {
    this.groupColors = this.topicColors.map((color) => pointColor(color, this.theme));
  }

  private scheduleDraw(): void {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.context || !this.hasLayout()) return;
    const radiusPx = this.radiusPx();
    this.renderer.draw(this.context, this.layer, {
      transform: this.transform,
      width: this.width,
      height: this.height,
      radiusPx,
      groupColors: this.groupColors,
      alpha: this.model.count > 20_000 ? 0.7 : 0.85,
      emphasis: this.emphasis,
      dimColor: this.theme.dimColor,
      dimAlpha: this.theme.dimAlpha,
    });
    this.drawLabels();
    this.placeRingAndTooltip(radiusPx);
    if (!this.hasDrawn) {
      this.hasDrawn = true;
      this.root.dataset.points = String(this.model.count);
    }
  }

  private drawLabels(): void {
    const { topics, atlas } = this.model;
    const plans = planLabels(atlas.topics, atlas.levels, this.transform.k, this.focusedTopic);
    this.labels.update(
      topics,
      plans,
      (x, y) => this.dataToScreen(x, y),
      { width: this.width, height: this.height },
      this.labelObstacles(),
      (topic) => labelColor(this.topicColors[topic.id] ?? '#64748b', this.theme),
      (topic) => this.focusedTopic !== null && topic.id !== this.focusedTopic && topic.parent !== this.focusedTopic,
    );
  }

  /** The overlays, plus the hovered or selected paper so its label never hides the dot being looked at. */
  private labelObstacles(): Obstacle[] {
    const active = this.hovered >= 0 ? this.hovered : this.selected;
    if (active < 0) return this.obstacles;
    const [sx, sy] = this.dataToScreen(this.model.xs[active] as number, this.model.ys[active] as number);
    const reach = this.radiusPx() + 6;
    return [...this.obstacles, { left: sx - reach, top: sy - reach, width: 2 * reach, height: 2 * reach }];
  }

  private placeRingAndTooltip(radiusPx: number): void {
    const active = this.hovered >= 0 ? this.hovered : this.selected;
    if (active < 0) {
      this.ring.hidden = true;
      this.tooltip.hide();
      return;
    }
    const [sx, sy] = this.dataToScreen(this.model.xs[active] as number, this.model.ys[active] as number);
    const isOnScreen = sx >= 0 && sy >= 0 && sx <= this.width && sy <= this.height;
    this.ring.hidden = !isOnScreen;
    const size = Math.max(12, radiusPx * 2 + 8);
    this.ring.style.width = `${size}px`;
    this.ring.style.height = `${size}px`;
    this.ring.style.transform = `translate(${sx - size / 2}px, ${sy - size / 2}px)`;
    this.ring.style.borderColor = this.groupColors[this.model.topicOfPaper[active] as number] ?? '';
    if (!isOnScreen) {
      this.tooltip.hide();
      return;
    }
    const paper = this.model.atlas.papers[active];
    const topic = this.model.topics[this.model.topicOfPaper[active] as number];
    if (!paper || !topic) return;
    const isTouch = this.lastPointerType === 'touch';
    const hint = !this.isInteractive
      ? 'Open the full map'
      : isTouch
        ? 'Tap again to open'
        : active === this.selected && this.hovered < 0
          ? 'Enter to open'
          : 'Click to open';
    this.tooltip.show(
      { title: paper.title, topicLabel: topic.label, topicColor: this.groupColors[topic.id] ?? '', hint },
      sx,
      sy,
      this.width,
      this.height,
    );
  }

  // ---- pointer ---------------------------------------------------------------------------------------------

  private attachPointer(): void {
    this.stage.addEventListener('pointerdown', (event) => {
      this.lastPointerType = event.pointerType;
    });
    this.stage.addEventListener('pointermove', (event) => {
      if (event.pointerType === 'touch' || event.buttons !== 0) return;
      this.lastPointerType = event.pointerType;
      const index = this.hitAt(event);
      this.stage.classList.toggle('is-over-point', index >= 0);
      if (index !== this.hovered) {
        this.hovered = index;
        this.scheduleDraw();
      }
    });
    this.stage.addEventListener('pointerleave', () => {
      if (this.hovered < 0) return;
      this.hovered = -1;
      this.stage.classList.remove('is-over-point');
      this.scheduleDraw();
    });
    if (!this.isInteractive) return;
    this.stage.addEventListener('click', (event) => {
      // A mouse opens what the tooltip shows; hit-testing again could pick a neighbour half a pixel away.
      const index = this.lastPointerType !== 'touch' && this.hovered >= 0 ? this.hovered : this.hitAt(event);
      if (index < 0) {
        if (this.lastPointerType === 'touch' && this.selected >= 0) this.select(-1, { announce: false, reveal: false });
        return;
      }
      if (this.lastPointerType === 'touch' && index !== this.selected) {
        this.select(index, { announce: true, reveal: false });
        return;
      }
      this.openPaper(index);
    });
  }

  private hitAt(event: MouseEvent): number {
    const box = this.stage.getBoundingClientRect();
    const [x, y] = this.screenToData(event.clientX - box.left, event.clientY - box.top);
    const slop = this.lastPointerType === 'touch' ? HIT_SLOP_PX.touch : HIT_SLOP_PX.mouse;
    const radius = (this.radiusPx() + slop) / (this.transform.k * this.fit.scale);
    return this.hitTester.find(x, y, radius);
  }

  private openPaper(index: number): void {
    const paper = this.model.atlas.papers[index];
    if (!paper) return;
    this.selected = index;
    this.persist(true);
    window.location.assign(joinBase(this.base, `/papers/${encodeURIComponent(paper.slug)}/`));
  }

  // ---- selection, focus, search ----------------------------------------------------------------------------

  private select(index: number, options: { announce: boolean; reveal: boolean }): void {
    this.selected = index;
    this.hovered = -1;
    if (index >= 0 && options.reveal) this.reveal(index);
    if (options.announce) {
      const paper = this.model.atlas.papers[index];
      const topic = this.model.topics[this.model.topicOfPaper[index] as number];
      this.announce(paper && topic ? `${paper.title}. Topic: ${topic.label}. Press Enter to open.` : 'No paper selected.');
    }
    this.persist();
    this.scheduleDraw();
  }

  /** Pan (keeping the zoom) when a selected paper sits near or beyond the edge of the visible area. */
  private reveal(index: number): void {
    const [sx, sy] = this.dataToScreen(this.model.xs[index] as number, this.model.ys[index] as number);
    const freeWidth = this.width - this.rightInset;
    const marginX = freeWidth * 0.15;
    const marginY = this.height * 0.15;
    if (sx >= marginX && sx <= freeWidth - marginX && sy >= marginY && sy <= this.height - marginY) return;
    const zoom = this.transform.k;
    this.animateTo({
      zoom,
      centerX: (this.model.xs[index] as number) + this.rightInset / 2 / (zoom * this.fit.scale),
      centerY: this.model.ys[index] as number,
    });
  }

  private setFocus(topicId: number | null, options: { zoom: boolean }): void {
    this.focusedTopic = topicId;
    this.updateEmphasis();
    if (this.legendList) syncLegend(this.legendList, topicId);
    if (options.zoom) {
      const target = topicId === null ? this.homeView() : this.viewForTopic(topicId);
      if (target) this.animateTo(target);
    }
    const topic = topicId === null ? null : this.model.topics[topicId];
    this.syncFocusChip(topic ?? null);
    if (topic) this.announce(`Showing topic ${topic.label}, ${topic.size} papers. Escape shows all topics.`);
    this.persist();
    this.scheduleDraw();
  }

  private syncFocusChip(topic: AtlasTopic | null): void {
    if (!this.focusChip) return;
    this.focusChip.hidden = topic === null;
    if (!topic) return;
    const label = this.focusChip.querySelector('[data-map-focus-label]');
    const swatch = this.focusChip.querySelector<HTMLElement>('[data-map-focus-swatch]');
    if (label) label.textContent = topic.label;
    if (swatch) swatch.style.background = this.topicColors[topic.id] ?? '';
    this.measureObstacles();
  }

  private setSearch(query: string, matches: number[] | null): void {
    this.searchMatches = matches;
    this.updateEmphasis();
    if (matches !== null) this.announce(`${matches.length} papers match ${query.trim()}.`);
    this.scheduleDraw();
  }

  /** "12 matches", or "3 of 12 matches" while a topic is focused (only those 3 are drawn in colour). */
  private syncSearchCount(): void {
    if (!this.searchCount) return;
    const matches = this.searchMatches;
    if (matches === null) {
      this.searchCount.textContent = '';
      return;
    }
    const total = `${matches.length.toLocaleString('en')} match${matches.length === 1 ? '' : 'es'}`;
    const shown = this.emphasized?.length ?? matches.length;
    this.searchCount.textContent =
      matches.length === 0 ? 'No matches' : shown === matches.length ? total : `${shown.toLocaleString('en')} of ${total}`;
  }

  /** Points in both the focused topic and the search results are drawn in colour; the rest are dimmed. */
  private updateEmphasis(): void {
    this.computeEmphasis();
    this.syncSearchCount();
  }

  private computeEmphasis(): void {
    const sets: ArrayLike<number>[] = [];
    if (this.focusedTopic !== null) sets.push(this.model.membersOfTopic[this.focusedTopic] ?? []);
    if (this.searchMatches) sets.push(this.searchMatches);
    if (sets.length === 0) {
      this.emphasis = null;
      this.emphasized = null;
      delete this.root.dataset.emphasized;
      return;
    }
    const hits = new Uint8Array(this.model.count);
    for (const set of sets) for (let i = 0; i < set.length; i++) hits[set[i] as number]! += 1;
    const emphasis = new Uint8Array(this.model.count);
    const emphasized: number[] = [];
    for (let i = 0; i < this.model.count; i++) {
      if (hits[i] === sets.length) {
        emphasis[i] = 1;
        emphasized.push(i);
      }
    }
    this.emphasis = emphasis;
    this.emphasized = Int32Array.from(emphasized);
    // How many papers are drawn in colour (the rest dimmed), for tests and tools; absent when nothing is dimmed.
    this.root.dataset.emphasized = String(emphasized.length);
  }

  private resetAll(): void {
    const input = this.root.querySelector<HTMLInputElement>('[data-map-search] input[type="search"]');
    if (input?.value) {
      input.value = '';
      this.setSearch('', null);
    }
    this.select(-1, { announce: false, reveal: false });
    this.setFocus(null, { zoom: false });
    this.animateTo(this.homeView());
    this.announce('Map reset: all topics shown.');
  }

  // ---- keyboard --------------------------------------------------------------------------------------------

  private onKey(action: MapKeyAction): void {
    switch (action.kind) {
      case 'move':
        this.move(action.direction);
        break;
      case 'open':
        if (this.selected >= 0) this.openPaper(this.selected);
        else this.announce('No paper selected. Use the arrow keys to pick one.');
        break;
      case 'reset':
        this.resetAll();
        break;
      case 'zoom':
        this.zoomBy(action.factor);
        break;
    }
  }

  private move(direction: Direction): void {
    const candidates = this.emphasized ?? undefined;
    const { xs, ys } = this.model;
    let next: number;
    if (this.selected < 0) {
      const [cx, cy] = this.screenToData((this.width - this.rightInset) / 2, this.height / 2);
      next = nearestPoint(xs, ys, cx, cy, candidates);
    } else {
      next = nearestInDirection(xs, ys, this.selected, direction, candidates);
    }
    if (next < 0) {
      this.announce(`No paper further ${direction}.`);
      return;
    }
    this.select(next, { announce: true, reveal: true });
  }

  // ---- controls --------------------------------------------------------------------------------------------

  private attachButtons(): void {
    this.root.querySelector('[data-map-zoom-in]')?.addEventListener('click', () => this.zoomBy(1.6));
    this.root.querySelector('[data-map-zoom-out]')?.addEventListener('click', () => this.zoomBy(1 / 1.6));
    this.root.querySelector('[data-map-reset]')?.addEventListener('click', () => this.resetAll());
    this.root.querySelector('[data-map-focus-clear]')?.addEventListener('click', () => {
      this.setFocus(null, { zoom: true });
      this.stage.focus({ preventScroll: true });
    });
  }

  private attachSearch(): void {
    const form = this.root.querySelector<HTMLFormElement>('form[data-map-search]');
    if (!form) return;
    const search: MapSearch = createEngineSearch(this.base, this.model, createTitleSearch(this.model));
    attachSearchBox(form, search, (query, matches) => this.setSearch(query, matches));
  }

  private renderLegend(): void {
    if (!this.legendList) return;
    const topicCount = this.model.topics.length;
    renderLegend(
      this.legendList,
      this.model.atlas.topics,
      this.model.atlas.levels,
      (topic: AtlasTopic) => this.topicColors[topic.id] ?? '',
      (topicId) => this.setFocus(topicId === this.focusedTopic ? null : topicId, { zoom: true }),
    );
    const count = this.root.querySelector('[data-map-legend-count]');
    if (count) count.textContent = String(this.model.atlas.levels === 2 ? this.model.atlas.topics.filter((t) => t.level === 0).length : topicCount);
    // A phone shows the legend folded so the map is visible; wide screens show it open beside the map.
    if (this.legend && window.matchMedia('(max-width: 767px)').matches) this.legend.open = false;
  }

  // ---- URL and announcements -------------------------------------------------------------------------------

  private restoreFromUrl(): void {
    const state = readUrlState();
    const topic = state.topicSlug ? this.model.topicBySlug.get(state.topicSlug) : undefined;
    if (topic) this.setFocus(topic.id, { zoom: false });
    const paperIndex = state.paperSlug ? this.model.paperIndexBySlug.get(state.paperSlug) : undefined;
    if (paperIndex !== undefined) this.select(paperIndex, { announce: true, reveal: false });
    if (state.view) {
      const zoom = Math.min(this.maxZoom, Math.max(MIN_ZOOM, state.view.zoom));
      this.applyTransform(transformForView(this.fit, { ...state.view, zoom }, this.width, this.height));
    } else if (topic) {
      const view = this.viewForTopic(topic.id);
      if (view) this.applyTransform(transformForView(this.fit, view, this.width, this.height));
    } else if (paperIndex !== undefined) {
      const zoom = Math.min(this.maxZoom, 6);
      this.applyTransform(
        transformForView(this.fit, { zoom, centerX: this.model.xs[paperIndex] as number, centerY: this.model.ys[paperIndex] as number }, this.width, this.height),
      );
    }
  }

  private persist(immediately = false): void {
    if (!this.syncsUrl || !this.hasLayout()) return;
    const state = {
      view: this.isHomeTransform() ? null : this.currentView(),
      topicSlug: this.focusedTopic === null ? null : (this.model.topics[this.focusedTopic]?.slug ?? null),
      paperSlug: this.selected < 0 ? null : (this.model.atlas.papers[this.selected]?.slug ?? null),
    };
    this.writeUrl(state, immediately);
  }

  private announce(message: string): void {
    this.status.textContent = message;
  }
}
