import type { AtlasTopic } from '../../lib/topics/atlas-schema.ts';
import { papersInViewByTopic } from '../../lib/map/view-labels.ts';
import type { MapModel } from './atlas-data.ts';
import { renderLegend, syncLegend, syncLegendToView } from './legend.ts';
import type { MapSelection } from './selection.ts';
import type { MapViewport } from './viewport.ts';

/** Wait after the last frame before the topics panel follows the view, so a pan does not rescan every frame. */
const FOLLOW_DELAY_MS = 200;

/** The map's panels around the stage: the topics legend, the focus chip and the counts beside search and years. */
export class MapPanels {
  readonly legend: HTMLDetailsElement | null;
  private readonly root: HTMLElement;
  private readonly legendList: HTMLElement | null;
  private readonly searchCount: HTMLElement | null;
  private readonly yearCount: HTMLElement | null;
  private readonly focusChip: HTMLElement | null;
  private readonly model: MapModel;
  private readonly parentOf: (number | null)[];
  private followTimer = 0;

  constructor(root: HTMLElement, frame: HTMLElement, model: MapModel) {
    this.root = root;
    this.model = model;
    this.legend = frame.querySelector('details[data-map-legend]');
    this.legendList = frame.querySelector('[data-map-legend-list]');
    this.searchCount = frame.querySelector('[data-map-search-count]');
    this.yearCount = frame.querySelector('[data-map-year-count]');
    this.focusChip = frame.querySelector('[data-map-focus-chip]');
    this.parentOf = model.topics.map((topic) => topic.parent);
  }

  /** Fill the legend (colours from `colorOf`); a click on a topic calls `onPick`. A phone starts with it folded. */
  renderLegend(colorOf: (topic: AtlasTopic) => string, onPick: (topicId: number) => void): void {
    if (!this.legendList) return;
    const { atlas } = this.model;
    renderLegend(this.legendList, atlas.topics, atlas.levels, colorOf, (topicId) => {
      onPick(topicId);
      // On a phone the legend is a sheet over the map: fold it so the picked topic is seen, not covered.
      if (this.legend && isPhone()) this.legend.open = false;
    });
    const count = this.root.querySelector('[data-map-legend-count]');
    if (count) count.textContent = String(atlas.levels === 2 ? atlas.topics.filter((t) => t.level === 0).length : this.model.topics.length);
    if (this.legend && isPhone()) this.legend.open = false;
  }

  /** Show the focused topic (null: none) in the legend and the chip. Returns whether the chip changed size. */
  syncFocus(topic: AtlasTopic | null, color: string): boolean {
    if (this.legendList) syncLegend(this.legendList, topic?.id ?? null);
    if (!this.focusChip) return false;
    this.focusChip.hidden = topic === null;
    if (!topic) return true;
    const label = this.focusChip.querySelector('[data-map-focus-label]');
    const swatch = this.focusChip.querySelector<HTMLElement>('[data-map-focus-swatch]');
    if (label) label.textContent = topic.label;
    if (swatch) swatch.style.background = color;
    return true;
  }

  /** The search and year counts, and `data-emphasized` / `data-years` on the root for tests and tools. */
  syncCounts(selection: MapSelection): void {
    if (this.searchCount) this.searchCount.textContent = selection.searchCount();
    const emphasized = selection.emphasis?.indices.length;
    if (emphasized === undefined) delete this.root.dataset.emphasized;
    else this.root.dataset.emphasized = String(emphasized);
    const { years } = selection;
    if (this.yearCount) {
      const inRange = years ? this.model.yearOfPaper.filter((year) => year >= years[0] && year <= years[1]).length : null;
      this.yearCount.textContent = inRange === null ? '' : `${inRange.toLocaleString('en')} papers`;
    }
    if (years) this.root.dataset.years = `${years[0]}-${years[1]}`;
    else delete this.root.dataset.years;
  }

  /** The topics panel follows the view: a moment after the map stops moving, it marks and shows the topics in view. */
  followView(viewport: MapViewport): void {
    const list = this.legendList;
    if (!list) return;
    window.clearTimeout(this.followTimer);
    this.followTimer = window.setTimeout(() => {
      if (viewport.isHome()) {
        syncLegendToView(list, null);
        return;
      }
      const { xs, ys, topicOfPaper } = this.model;
      syncLegendToView(list, papersInViewByTopic(xs, ys, topicOfPaper, this.parentOf, null, viewport.visibleBounds(viewport.rightInset)));
    }, FOLLOW_DELAY_MS);
  }
}

function isPhone(): boolean {
  return window.matchMedia('(max-width: 767px)').matches;
}
