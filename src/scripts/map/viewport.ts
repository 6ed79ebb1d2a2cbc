import { select, type Selection } from 'd3-selection';
import { zoom as createZoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { pointBounds, type Bounds } from '../../lib/map/bounds.ts';
import { clampZoom, framePaddingPx, MIN_ZOOM, sidePanelInset, topicView } from '../../lib/map/framing.ts';
import type { Obstacle } from '../../lib/map/label-placement.ts';
import { fitMap, mapGrids, type MapGrids } from '../../lib/map/free-area-fit.ts';
import { pointRadiusPx } from '../../lib/map/point-radius.ts';
import {
  dataToScreen,
  dataToWorld,
  easeInOutCubic,
  interpolateView,
  isHomeTransform,
  screenToData,
  transformForView,
  viewForTransform,
  type BaseFit,
  type MapView,
  type ZoomTransformLike,
} from '../../lib/map/view-transform.ts';
import type { MapModel } from './atlas-data.ts';
import { resizeCanvas, type PointLayer } from './renderer.ts';

/** Share of points ignored at each edge when framing a topic, so one outlier does not zoom out to the whole map. */
const TOPIC_TRIM = 0.02;
const ANIMATION_MS = 550;

/** What the viewport tells the map when the view moves. */
export interface ViewportEvents {
  /** The transform changed: draw again. */
  redraw: () => void;
  /** The visitor or an animation moved the map (a d3-zoom event): the URL may follow. */
  moved: () => void;
}

/**
 * The map's view of the data: the stage size, the fit of the data into it, the zoom transform (driven by d3-zoom
 * on interactive maps), animations between views, and the screen rectangles labels keep clear of.
 */
export class MapViewport {
  width = 0;
  height = 0;
  /** Width of the open side legend, which the map is fitted beside. */
  rightInset = 0;
  fit: BaseFit = { scale: 1, offsetX: 0, offsetY: 0 };
  transform: ZoomTransformLike = { k: 1, x: 0, y: 0 };
  context: CanvasRenderingContext2D | null = null;
  /** Paper positions in world pixels for the renderer, refitted on every layout. */
  readonly layer: PointLayer;
  /** Screen rectangles of the overlays (search, legend, buttons) that labels keep clear of. */
  obstacles: Obstacle[] = [];
  readonly maxZoom: number;

  private readonly root: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly legend: HTMLDetailsElement | null;
  private readonly model: MapModel;
  private readonly events: ViewportEvents;
  private readonly stageSelection: Selection<HTMLElement, unknown, null, undefined>;
  private readonly topicBounds = new Map<number, Bounds | null>();
  /** Where the points are, upright and turned, for fitting them around the overlays. */
  private readonly grids: MapGrids;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  private zoomBehavior: ZoomBehavior<HTMLElement, unknown> | null = null;
  private animationRequest = 0;

  constructor(
    elements: { root: HTMLElement; stage: HTMLElement; canvas: HTMLCanvasElement; legend: HTMLDetailsElement | null },
    model: MapModel,
    maxZoom: number,
    events: ViewportEvents,
  ) {
    this.root = elements.root;
    this.stage = elements.stage;
    this.canvas = elements.canvas;
    this.legend = elements.legend;
    this.model = model;
    this.maxZoom = maxZoom;
    this.events = events;
    this.stageSelection = select(this.stage);
    this.layer = {
      worldX: new Float32Array(model.count),
      worldY: new Float32Array(model.count),
      order: model.order,
      groupStart: model.groupStart,
    };
    this.grids = mapGrids(model.xs, model.ys);
  }

  /**
   * Size the canvas to the stage and refit the data, keeping the same part of the map in view (or the home view
   * when the map was at home). Returns false, changing nothing, while the stage has no size.
   */
  layout(): boolean {
    const width = this.stage.clientWidth;
    const height = this.stage.clientHeight;
    if (width === 0 || height === 0) return false;
    const previousView = this.hasLayout() ? this.currentView() : null;
    const wasHome = previousView !== null && this.isHome();
    this.width = width;
    this.height = height;
    this.context = resizeCanvas(this.canvas, width, height);
    this.measureObstacles();
    this.rightInset = this.legendInset();
    // The points fill the area the overlays leave free: beside a side panel, under a short one, between a phone's
    // search bar and its buttons; turned when that shows the map much larger (free-area-fit.ts).
    this.fit = fitMap(this.grids, width, height, framePaddingPx(width, height), this.obstacles);
    const { xs, ys } = this.model;
    for (let i = 0; i < this.model.count; i++) {
      const [worldX, worldY] = dataToWorld(this.fit, xs[i] as number, ys[i] as number);
      this.layer.worldX[i] = worldX;
      this.layer.worldY[i] = worldY;
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
    return true;
  }

  hasLayout(): boolean {
    return this.width > 0 && this.height > 0;
  }

  isHome(): boolean {
    return isHomeTransform(this.transform);
  }

  /** Measure the overlays again (after one appears or changes size). */
  measureObstacles(): void {
    const stageBox = this.stage.getBoundingClientRect();
    this.obstacles = [];
    for (const element of this.root.querySelectorAll<HTMLElement>('[data-map-obstacle]')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      this.obstacles.push({ left: box.left - stageBox.left, top: box.top - stageBox.top, width: box.width, height: box.height });
    }
  }

  currentView(): MapView {
    return viewForTransform(this.fit, this.transform, this.width, this.height);
  }

  homeView(): MapView {
    return viewForTransform(this.fit, { k: 1, x: 0, y: 0 }, this.width, this.height);
  }

  /** The view that frames a topic in the part of the map not covered by the legend; null for an empty topic. */
  viewForTopic(topicId: number): MapView | null {
    if (!this.topicBounds.has(topicId)) {
      const members = this.model.membersOfTopic[topicId];
      this.topicBounds.set(topicId, members ? pointBounds(this.model.xs, this.model.ys, members, TOPIC_TRIM) : null);
    }
    const bounds = this.topicBounds.get(topicId);
    return bounds ? topicView(this.fit, bounds, this.width, this.height, this.rightInset, this.maxZoom) : null;
  }

  toScreen(x: number, y: number): [number, number] {
    return dataToScreen(this.fit, this.transform, x, y);
  }

  toData(sx: number, sy: number): [number, number] {
    return screenToData(this.fit, this.transform, sx, sy);
  }

  /** The data rectangle on screen, left of `rightInset` pixels (the side legend) when given. */
  visibleBounds(rightInset = 0): Bounds {
    const [x0, y0] = this.toData(0, 0);
    const [x1, y1] = this.toData(this.width - rightInset, this.height);
    return { minX: Math.min(x0, x1), minY: Math.min(y0, y1), maxX: Math.max(x0, x1), maxY: Math.max(y0, y1) };
  }

  /** Screen position of paper `index`. */
  paperOnScreen(index: number): [number, number] {
    return this.toScreen(this.model.xs[index] as number, this.model.ys[index] as number);
  }

  radiusPx(): number {
    return pointRadiusPx(this.model.count, this.width - this.rightInset, this.height, this.transform.k);
  }

  /**
   * Let the visitor pan and zoom. The full map takes the wheel; an embedded map (home, topic pages) leaves the wheel
   * and one-finger swipes to page scrolling and zooms on Ctrl/⌘ + wheel or a two-finger pinch.
   */
  attachZoom(isFullPage: boolean): void {
    this.zoomBehavior = createZoom<HTMLElement, unknown>()
      .scaleExtent([MIN_ZOOM, this.maxZoom])
      .filter((event: Event) => {
        if (event.type === 'wheel') return isFullPage || (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type === 'touchstart' && !isFullPage) return (event as TouchEvent).touches.length >= 2;
        return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
      })
      .on('start', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        if (event.sourceEvent) this.cancelAnimation();
      })
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        const { k, x, y } = event.transform;
        this.transform = { k, x, y };
        this.events.redraw();
        this.events.moved();
      });
    // No double-click/double-tap zoom: on touch the second tap of "tap to preview, tap again to open" would zoom.
    this.stageSelection.call(this.zoomBehavior).on('dblclick.zoom', null);
    this.zoomBehavior.extent([
      [0, 0],
      [this.width, this.height],
    ]);
    this.applyTransform(this.transform);
  }

  /** Jump to a transform (through d3-zoom when attached, so its gesture state stays in step). */
  applyTransform(next: ZoomTransformLike): void {
    if (this.zoomBehavior) {
      this.zoomBehavior.transform(this.stageSelection, zoomIdentity.translate(next.x, next.y).scale(next.k));
    } else {
      this.transform = next;
      this.events.redraw();
    }
  }

  /** Jump to a view. */
  showView(view: MapView): void {
    this.applyTransform(transformForView(this.fit, view, this.width, this.height));
  }

  /** Glide to a view (zoom geometric, centre linear), or jump there when the visitor prefers reduced motion. */
  animateTo(target: MapView): void {
    this.cancelAnimation();
    if (this.reducedMotion.matches || !this.hasLayout()) {
      this.showView(target);
      return;
    }
    const from = this.currentView();
    const startedAt = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - startedAt) / ANIMATION_MS);
      this.showView(interpolateView(from, target, easeInOutCubic(t)));
      this.animationRequest = t < 1 ? requestAnimationFrame(step) : 0;
    };
    this.animationRequest = requestAnimationFrame(step);
  }

  /** Glide to `factor` times the current zoom (kept in range); returns the zoom reached. */
  zoomBy(factor: number): number {
    const view = this.currentView();
    const zoom = clampZoom(view.zoom * factor, this.maxZoom);
    this.animateTo({ ...view, zoom });
    return zoom;
  }

  private cancelAnimation(): void {
    if (this.animationRequest) cancelAnimationFrame(this.animationRequest);
    this.animationRequest = 0;
  }

  /** Width taken by the open legend panel on the right, which the map is fitted beside on wide screens. */
  private legendInset(): number {
    if (!this.legend?.open) return 0;
    return sidePanelInset(this.stage.getBoundingClientRect(), this.legend.getBoundingClientRect());
  }
}
