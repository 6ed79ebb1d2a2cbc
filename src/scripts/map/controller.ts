import type { AtlasTopic } from '../../lib/topics/atlas-schema.ts';
import { joinBase } from '../../lib/site/paths.ts';
import type { Direction } from '../../lib/map/direction.ts';
import { clampZoom, maxZoomForCount, MIN_ZOOM, revealView } from '../../lib/map/framing.ts';
import { normalizeYears } from '../../lib/map/year-range.ts';
import { hitRadius } from '../../lib/map/point-radius.ts';
import type { MapModel } from './atlas-data.ts';
import { createHitTester, type HitTester } from './hit-test.ts';
import { attachKeyboard, type MapKeyAction } from './keyboard.ts';
import { MapPanels } from './panels.ts';
import { YearControl } from './years.ts';
import { attachSearchBox, createEngineSearch, createTitleSearch } from './search.ts';
import { MapSelection } from './selection.ts';
import { MapScene } from './scene.ts';
import { watchTheme } from './theme.ts';
import { createUrlStateWriter, readUrlState } from './view-state.ts';
import { MapViewport } from './viewport.ts';

/** The data direction of each screen direction when the map is drawn turned a quarter clockwise. */
const TURNED_DIRECTION: Record<Direction, Direction> = { right: 'up', down: 'right', left: 'down', up: 'left' };
/** The data direction of each screen direction when the map is drawn mirrored. */
const FLIPPED_X: Record<Direction, Direction> = { right: 'left', down: 'down', left: 'right', up: 'up' };
const FLIPPED_Y: Record<Direction, Direction> = { right: 'right', down: 'up', left: 'left', up: 'down' };

function required<T extends Element>(parent: HTMLElement, selector: string): T {
  const element = parent.querySelector<T>(selector);
  if (!element) throw new Error(`AtlasMap: missing ${selector} inside [data-atlas-map]`);
  return element;
}

/** What `atlas-map-drawn` (dispatched on the map's root after every frame) tells overlays. */
export interface MapDrawnDetail {
  width: number;
  height: number;
  radiusPx: number;
  /** A paper's position in CSS pixels of the map stage, or undefined when the map does not have it. */
  positionOf(slug: string): [number, number] | undefined;
}

/**
 * One map on the page: wires the viewport (size, zoom, animation; viewport.ts), the selection (focus, search,
 * selected paper; selection.ts) and the drawing (dots, labels, ring, tooltip; scene.ts) to the pointer, keyboard,
 * buttons, legend, search box and URL.
 */
export class AtlasMapController {
  private readonly root: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly status: HTMLElement;
  private readonly panels: MapPanels;
  private readonly model: MapModel;
  private readonly base: string;
  private readonly isInteractive: boolean;
  private readonly syncsUrl: boolean;
  private readonly viewport: MapViewport;
  private readonly selection: MapSelection;
  private readonly scene: MapScene;
  private readonly hitTester: HitTester;
  private readonly writeUrl = createUrlStateWriter();
  private lastPointerType = 'mouse';
  private frameRequest = 0;
  private yearControl: YearControl | null = null;
  private runSearch: ((query: string) => void) | null = null;
  private hasDrawn = false;

  constructor(root: HTMLElement, frame: HTMLElement, model: MapModel, base: string) {
    this.root = root;
    this.model = model;
    this.base = base;
    this.stage = required(frame, '[data-map-stage]');
    this.status = required(root, '[data-map-status]');
    this.panels = new MapPanels(root, frame, model);
    this.isInteractive = root.dataset.interactive !== 'false';
    this.syncsUrl = root.dataset.syncUrl === 'true';
    this.hitTester = createHitTester(model.xs, model.ys);
    this.scene = new MapScene(
      { labels: required(frame, '[data-map-labels]'), ring: required(frame, '[data-map-ring]'), tooltip: required(frame, '[data-map-tooltip]') },
      model,
      this.isInteractive,
    );
    this.selection = new MapSelection(model);
    this.viewport = new MapViewport(
      { root, stage: this.stage, canvas: required(frame, 'canvas[data-map-canvas]'), legend: this.panels.legend },
      model,
      maxZoomForCount(model.count),
      { redraw: () => this.scheduleDraw(), moved: () => this.persist() },
    );
  }

  start(): void {
    this.renderLegend(); // first: the fit keeps the points out from under the legend, so it must be there to measure
    this.layout();
    this.attachPointer();
    if (this.isInteractive) {
      this.viewport.attachZoom(this.root.dataset.height === 'full');
      attachKeyboard(this.stage, (action) => this.onKey(action));
      this.attachButtons();
      this.attachSearch();
      this.attachYears();
    }
    const highlight = Number(this.root.dataset.highlightTopic);
    if (this.root.dataset.highlightTopic && Number.isInteger(highlight) && this.model.topics[highlight]) {
      this.setFocus(highlight, { zoom: false });
    }
    if (this.syncsUrl) this.restoreFromUrl();
    // Only a new size redraws (the first call reports the size laid out above; redrawing doubled the first paint's work).
    let laidOut = `${this.stage.clientWidth}×${this.stage.clientHeight}`;
    new ResizeObserver(() => {
      const size = `${this.stage.clientWidth}×${this.stage.clientHeight}`;
      if (size === laidOut) return;
      laidOut = size;
      this.layout();
      this.draw();
    }).observe(this.stage);
    // Opening or folding the side legend changes the free area the map is fitted into.
    this.panels.legend?.addEventListener('toggle', () => {
      this.layout();
      this.draw();
    });
    watchTheme(() => {
      this.scene.updateTheme();
      this.scheduleDraw();
    });
    // Labels were measured in the fonts there are now; only fonts still loading can change their sizes.
    if (document.fonts?.status === 'loading') void document.fonts.ready.then(() => [this.scene.clearMeasurements(), this.scheduleDraw()]);
    this.draw();
  }

  private layout(): void {
    if (this.viewport.layout()) this.scene.setViewportWidth(this.viewport.width);
  }

  private scheduleDraw(): void {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.viewport.hasLayout()) return;
    this.scene.draw(this.viewport, this.selection, this.lastPointerType === 'touch');
    // The one hook of overlays kept outside the map (src/scripts/library/map-layer.ts marks saved papers).
    const detail: MapDrawnDetail = {
      width: this.viewport.width,
      height: this.viewport.height,
      radiusPx: this.viewport.radiusPx(),
      positionOf: (slug) => {
        const index = this.model.paperIndexBySlug.get(slug);
        return index === undefined ? undefined : this.viewport.paperOnScreen(index);
      },
    };
    this.root.dispatchEvent(new CustomEvent('atlas-map-drawn', { detail }));
    this.panels.followView(this.viewport);
    if (!this.hasDrawn) {
      this.hasDrawn = true;
      this.root.dataset.points = String(this.model.count);
    }
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
      if (index !== this.selection.hovered) {
        this.selection.hovered = index;
        this.scheduleDraw();
      }
    });
    this.stage.addEventListener('pointerleave', () => {
      if (this.selection.hovered < 0) return;
      this.selection.hovered = -1;
      this.stage.classList.remove('is-over-point');
      this.scheduleDraw();
    });
    if (!this.isInteractive) return;
    this.stage.addEventListener('click', (event) => {
      const isTouch = this.lastPointerType === 'touch';
      // A mouse opens what the tooltip shows; hit-testing again could pick a neighbour half a pixel away.
      const index = !isTouch && this.selection.hovered >= 0 ? this.selection.hovered : this.hitAt(event);
      if (index < 0) {
        if (isTouch && this.selection.selected >= 0) this.select(-1, { announce: false, reveal: false });
        return;
      }
      if (isTouch && index !== this.selection.selected) {
        this.select(index, { announce: true, reveal: false });
        return;
      }
      this.openPaper(index);
    });
  }

  private hitAt(event: MouseEvent): number {
    const box = this.stage.getBoundingClientRect();
    const [x, y] = this.viewport.toData(event.clientX - box.left, event.clientY - box.top);
    const { transform, fit } = this.viewport;
    return this.hitTester.find(x, y, hitRadius(this.viewport.radiusPx(), this.lastPointerType, transform.k, fit.scale));
  }

  private openPaper(index: number): void {
    const paper = this.model.atlas.papers[index];
    if (!paper) return;
    this.selection.selected = index;
    this.persist(true);
    window.location.assign(joinBase(this.base, `/papers/${encodeURIComponent(paper.slug)}/`));
  }

  // ---- selection, focus, search ----------------------------------------------------------------------------

  private select(index: number, options: { announce: boolean; reveal: boolean }): void {
    this.selection.selected = index;
    this.selection.hovered = -1;
    if (index >= 0 && options.reveal) this.reveal(index);
    if (options.announce) this.announce(this.selection.announcementFor(index));
    this.persist();
    this.scheduleDraw();
  }

  /** Pan (keeping the zoom) when a selected paper sits near or beyond the edge of the visible area. */
  private reveal(index: number): void {
    const { viewport } = this;
    const target = revealView(
      viewport.fit,
      viewport.transform.k,
      viewport.paperOnScreen(index),
      [this.model.xs[index] as number, this.model.ys[index] as number],
      viewport.width,
      viewport.height,
      viewport.rightInset,
    );
    if (target) viewport.animateTo(target);
  }

  private setFocus(topicId: number | null, options: { zoom: boolean }): void {
    this.selection.setFocus(topicId);
    this.syncSearchCount();
    if (options.zoom) {
      const target = topicId === null ? this.viewport.homeView() : this.viewport.viewForTopic(topicId);
      if (target) this.viewport.animateTo(target);
    }
    const topic = topicId === null ? null : this.model.topics[topicId];
    if (this.panels.syncFocus(topic ?? null, topic ? (this.scene.topicColors[topic.id] ?? '') : '')) this.viewport.measureObstacles();
    if (topic) this.announce(`Showing topic ${topic.label}, ${topic.size} papers. Escape shows all topics.`);
    this.persist();
    this.scheduleDraw();
  }

  private setSearch(query: string, matches: number[] | null, highlighted: readonly string[] | null = null): void {
    this.selection.setSearch(matches, query.trim() || null, highlighted);
    this.syncSearchCount();
    if (matches !== null) this.announce(`${matches.length} papers match ${highlighted ? 'the papers of the link' : query.trim()}.`);
    this.persist();
    this.scheduleDraw();
  }

  private setYears(years: [number, number] | null): void {
    this.selection.setYears(years);
    this.syncSearchCount();
    this.persist();
    this.scheduleDraw();
  }

  private syncSearchCount(): void {
    this.panels.syncCounts(this.selection);
  }

  private resetAll(): void {
    const input = this.root.querySelector<HTMLInputElement>('[data-map-search] input[type="search"]');
    if (input) input.value = '';
    if (this.selection.searchMatches) this.setSearch('', null);
    this.yearControl?.stop();
    this.yearControl?.show(null);
    if (this.selection.years) this.setYears(null);
    this.select(-1, { announce: false, reveal: false });
    this.setFocus(null, { zoom: false });
    this.viewport.animateTo(this.viewport.homeView());
    this.announce('Map reset: all topics shown.');
  }

  // ---- keyboard and controls -------------------------------------------------------------------------------

  private onKey(action: MapKeyAction): void {
    switch (action.kind) {
      case 'move':
        this.move(action.direction);
        break;
      case 'open':
        if (this.selection.selected >= 0) this.openPaper(this.selection.selected);
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
    const { viewport } = this;
    // On a turned map (a phone; a laptop beside a short panel), the arrow's screen direction is not the data's.
    const { fit } = viewport;
    const inData = fit.turned ? TURNED_DIRECTION[direction] : fit.flipY ? FLIPPED_Y[fit.flipX ? FLIPPED_X[direction] : direction] : fit.flipX ? FLIPPED_X[direction] : direction;
    const next = this.selection.nextPaper(inData, viewport.toData((viewport.width - viewport.rightInset) / 2, viewport.height / 2));
    if (next < 0) {
      this.announce(`No paper further ${direction}.`);
      return;
    }
    this.select(next, { announce: true, reveal: true });
  }

  private attachButtons(): void {
    this.root.querySelector('[data-map-zoom-in]')?.addEventListener('click', () => this.zoomBy(1.6));
    this.root.querySelector('[data-map-zoom-out]')?.addEventListener('click', () => this.zoomBy(1 / 1.6));
    this.root.querySelector('[data-map-reset]')?.addEventListener('click', () => this.resetAll());
    this.root.querySelector('[data-map-focus-clear]')?.addEventListener('click', () => {
      this.setFocus(null, { zoom: true });
      this.stage.focus({ preventScroll: true });
    });
  }

  /** Zoom by `factor` and say the zoom level reached (the + and − buttons and keys). */
  private zoomBy(factor: number): void {
    const zoom = this.viewport.zoomBy(factor);
    const level = zoom >= 10 ? Math.round(zoom) : Math.round(zoom * 10) / 10;
    this.announce(`Zoom ${level}×${zoom >= this.viewport.maxZoom ? ', the closest view' : zoom <= MIN_ZOOM ? ', the widest view' : ''}.`);
  }

  private attachSearch(): void {
    const form = this.root.querySelector<HTMLFormElement>('form[data-map-search]');
    if (!form) return;
    const search = createEngineSearch(this.base, this.model, createTitleSearch(this.model));
    this.runSearch = attachSearchBox(form, search, (query, matches) => this.setSearch(query, matches));
  }

  private attachYears(): void {
    const element = this.root.querySelector<HTMLElement>('[data-map-years]');
    const bounds = this.model.yearBounds;
    if (!element || !bounds) return;
    this.yearControl = new YearControl(element, bounds, (years) => this.setYears(years));
  }

  private renderLegend(): void {
    this.panels.renderLegend(
      (topic: AtlasTopic) => this.scene.topicColors[topic.id] ?? '',
      (topicId) => this.setFocus(topicId === this.selection.focusedTopic ? null : topicId, { zoom: true }),
    );
  }

  // ---- URL and announcements -------------------------------------------------------------------------------

  private restoreFromUrl(): void {
    const { viewport } = this;
    const state = readUrlState();
    // `?papers=` (from /similar/'s "show on map") highlights those papers as a search would; `?q=` runs the search.
    const { highlighted } = state;
    if (highlighted) {
      const indices = highlighted.map((slug) => this.model.paperIndexBySlug.get(slug)).filter((index) => index !== undefined);
      this.setSearch('', indices.sort((a, b) => a - b), highlighted);
    } else if (state.query && this.runSearch) {
      this.runSearch(state.query);
    }
    if (state.years && this.model.yearBounds) {
      const years = normalizeYears(state.years, this.model.yearBounds);
      this.yearControl?.show(years);
      this.setYears(years);
    }
    const topic = state.topicSlug ? this.model.topicBySlug.get(state.topicSlug) : undefined;
    if (topic) this.setFocus(topic.id, { zoom: false });
    const paperIndex = state.paperSlug ? this.model.paperIndexBySlug.get(state.paperSlug) : undefined;
    if (paperIndex !== undefined) this.select(paperIndex, { announce: true, reveal: false });
    if (state.view) {
      viewport.showView({ ...state.view, zoom: clampZoom(state.view.zoom, viewport.maxZoom) });
    } else if (topic) {
      const view = viewport.viewForTopic(topic.id);
      if (view) viewport.showView(view);
    } else if (paperIndex !== undefined) {
      const zoom = Math.min(viewport.maxZoom, 6);
      viewport.showView({ zoom, centerX: this.model.xs[paperIndex] as number, centerY: this.model.ys[paperIndex] as number });
    }
  }

  private persist(immediately = false): void {
    if (!this.syncsUrl || !this.viewport.hasLayout()) return;
    this.writeUrl(this.selection.urlState(this.viewport.isHome() ? null : this.viewport.currentView()), immediately);
  }

  private announce(message: string): void {
    this.status.textContent = message;
  }
}
