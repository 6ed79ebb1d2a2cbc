import { mapTopicColors } from '../../lib/map/theme-coloring.ts';
import type { Obstacle } from '../../lib/map/label-placement.ts';
import { isLabelDimmed, planLabels } from '../../lib/map/label-plan.ts';
import { pointAlpha, ringSizePx } from '../../lib/map/point-radius.ts';
import { tooltipHint } from '../../lib/map/tooltip.ts';
import { titleCandidates, titleLimit, topicAnchorsInView } from '../../lib/map/view-labels.ts';
import type { PlacedLabel } from '../../lib/map/label-placement.ts';
import type { MapModel } from './atlas-data.ts';
import { LabelLayer, type LabelRequest } from './labels.ts';
import { PointRenderer } from './renderer.ts';
import type { MapSelection } from './selection.ts';
import { currentTheme, labelColor, pointColor, type MapTheme } from './theme.ts';
import { Tooltip } from './tooltip.ts';
import type { MapViewport } from './viewport.ts';

/** From this zoom, the fine clusters (the level between subtopics and paper titles) are labelled. */
const FINE_LABEL_ZOOM = 2.5;

/** The stage's drawn layers: canvas dots, topic labels, the ring around the active paper and its tooltip. */
export interface SceneElements {
  labels: HTMLElement;
  ring: HTMLElement;
  tooltip: HTMLElement;
}

/** Draws one frame of the map from the viewport and the selection, in the current theme's colours. */
export class MapScene {
  /** Palette colour of each topic (subtopics in their theme's family), by id. */
  readonly topicColors: string[];
  private readonly model: MapModel;
  private readonly isInteractive: boolean;
  private readonly ring: HTMLElement;
  private readonly tooltip: Tooltip;
  private readonly labels: LabelLayer;
  private readonly renderer = new PointRenderer();
  private theme: MapTheme = currentTheme();
  /** Dot colour of each topic for the current theme. */
  private groupColors: string[] = [];
  /** Parent topic id of each topic id (null for a theme). */
  private readonly parentOf: (number | null)[];

  constructor(elements: SceneElements, model: MapModel, isInteractive: boolean) {
    this.model = model;
    this.isInteractive = isInteractive;
    this.ring = elements.ring;
    this.tooltip = new Tooltip(elements.tooltip);
    this.labels = new LabelLayer(elements.labels, Math.max(1, ...model.topics.map((topic) => topic.size)));
    this.parentOf = model.topics.map((topic) => topic.parent);
    this.topicColors = mapTopicColors(model.atlas);
    this.updateColors();
  }

  /** Take the page's light or dark theme again (after the visitor switched it). */
  updateTheme(): void {
    this.theme = currentTheme();
    this.updateColors();
  }

  /** Label sizes follow the map's width. */
  setViewportWidth(widthPx: number): void {
    this.labels.setViewportWidth(widthPx);
  }

  /** Measure labels again (after web fonts load, text may have another width). */
  clearMeasurements(): void {
    this.labels.clearMeasurements();
  }

  /**
   * Draw the dots, labels, ring and tooltip. `isTouch`: the last pointer was a finger, which changes what the
   * tooltip says opens the paper.
   */
  draw(viewport: MapViewport, selection: MapSelection, isTouch: boolean): void {
    if (!viewport.context || !viewport.hasLayout()) return;
    const radiusPx = viewport.radiusPx();
    this.renderer.draw(viewport.context, viewport.layer, {
      transform: viewport.transform,
      width: viewport.width,
      height: viewport.height,
      radiusPx,
      groupColors: this.groupColors,
      alpha: pointAlpha(this.model.count),
      emphasis: selection.emphasis?.flags ?? null,
      dimColor: this.theme.dimColor,
      dimAlpha: this.theme.dimAlpha,
    });
    const labels = this.drawLabels(viewport, selection);
    this.placeRingAndTooltip(viewport, selection, radiusPx, isTouch, labels);
  }

  private updateColors(): void {
    this.groupColors = this.topicColors.map((color) => pointColor(color, this.theme));
  }

  /**
   * Four levels of labels: broad themes zoomed out, subtopics zoomed in, fine clusters deeper, and paper titles once
   * few enough papers are in view. A topic whose centre is off screen is labelled on its papers in view, so deep zooms stay named.
   */
  private drawLabels(viewport: MapViewport, selection: MapSelection): PlacedLabel[] {
    const { topics, atlas, xs, ys } = this.model;
    const { focusedTopic } = selection;
    const { width, height } = viewport;
    const zoom = viewport.transform.k;
    const view = viewport.visibleBounds();
    const anchors = zoom > 1.05 ? topicAnchorsInView(xs, ys, this.model.topicOfPaper, this.parentOf, view, 3) : null;
    const requests: LabelRequest[] = [];
    for (const plan of planLabels(atlas.topics, atlas.levels, zoom, focusedTopic)) {
      const topic = topics[plan.topicId];
      if (!topic) continue;
      let [x, y] = viewport.toScreen(topic.centroid[0], topic.centroid[1]);
      const isCentreOnScreen = x >= 0 && y >= 0 && x <= width && y <= height;
      const anchor = anchors?.get(topic.id);
      if (!isCentreOnScreen && anchor) [x, y] = viewport.toScreen(anchor.x, anchor.y);
      else if (!isCentreOnScreen && (x < -200 || y < -100 || x > width + 200 || y > height + 100)) continue;
      requests.push({
        kind: plan.isTheme ? 'theme' : 'subtopic',
        id: topic.id,
        name: String(topic.id),
        text: topic.label,
        x,
        y,
        priority: plan.priority,
        size: topic.size,
        color: labelColor(this.topicColors[topic.id] ?? '#64748b', this.theme),
        isDimmed: isLabelDimmed(topic, focusedTopic),
      });
    }
    if (zoom >= FINE_LABEL_ZOOM) {
      // Fine clusters: small groups of papers within a topic, named by what sets them apart from it.
      this.model.fine.forEach((cluster, index) => {
        const [x, y] = viewport.toScreen(cluster.x, cluster.y);
        if (x < 0 || y < 0 || x > width || y > height) return;
        const topic = topics[cluster.topic]!;
        requests.push({
          kind: 'fine',
          id: topics.length + atlas.papers.length + index,
          name: String(index),
          text: cluster.label,
          x,
          y,
          // Below every topic label, above every paper title; larger groups first.
          priority: -5e8 + cluster.size,
          size: cluster.size,
          color: labelColor(this.topicColors[topic.id] ?? '#64748b', this.theme),
          isDimmed: isLabelDimmed(topic, focusedTopic),
        });
      });
    }
    if (zoom >= 1.5) {
      // Cells about one title wide and two lines high: one representative title per small group of dots.
      const scale = zoom * viewport.fit.scale;
      const [cellWidth, cellHeight] = viewport.fit.turned ? [48 / scale, 180 / scale] : [180 / scale, 48 / scale];
      const titled = titleCandidates(xs, ys, selection.emphasis?.flags ?? null, view, titleLimit(width, height), cellWidth, cellHeight);
      const radiusPx = viewport.radiusPx();
      for (const { index, weight } of titled) {
        const paper = atlas.papers[index];
        if (!paper) continue;
        const [x, y] = viewport.paperOnScreen(index);
        requests.push({
          kind: 'paper',
          id: topics.length + index,
          name: paper.slug,
          text: paper.title,
          x,
          y,
          // Below every topic label; representatives of larger groups first, then the titles nearest the middle.
          priority: -1e9 + weight * 1e4 - Math.hypot(x - width / 2, y - height / 2),
          size: 0,
          color: labelColor(this.topicColors[paper.topic] ?? '#64748b', this.theme),
          isDimmed: false,
          dotRadiusPx: radiusPx,
        });
      }
    }
    return this.labels.update(requests, { width, height }, this.labelObstacles(viewport, selection));
  }

  /** The overlays, plus the hovered or selected paper so its label never hides the dot being looked at. */
  private labelObstacles(viewport: MapViewport, selection: MapSelection): Obstacle[] {
    const { active } = selection;
    if (active < 0) return viewport.obstacles;
    const [sx, sy] = viewport.paperOnScreen(active);
    const reach = viewport.radiusPx() + 6;
    return [...viewport.obstacles, { left: sx - reach, top: sy - reach, width: 2 * reach, height: 2 * reach }];
  }

  private placeRingAndTooltip(viewport: MapViewport, selection: MapSelection, radiusPx: number, isTouch: boolean, labels: readonly PlacedLabel[]): void {
    const { active } = selection;
    if (active < 0) {
      this.ring.hidden = true;
      this.tooltip.hide();
      return;
    }
    const { width, height } = viewport;
    const [sx, sy] = viewport.paperOnScreen(active);
    const isOnScreen = sx >= 0 && sy >= 0 && sx <= width && sy <= height;
    this.ring.hidden = !isOnScreen;
    const size = ringSizePx(radiusPx);
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
    const hint = tooltipHint({ isInteractive: this.isInteractive, isTouch, isKeyboardSelection: selection.isKeyboardSelection });
    this.tooltip.show({ title: paper.title, topicLabel: topic.label, topicColor: this.groupColors[topic.id] ?? '', hint }, sx, sy, width, height, labels.filter((label) => label.id < this.model.topics.length));
  }
}
