import { atlasTopicColors } from '../../lib/map/palette.ts';
import type { Obstacle } from '../../lib/map/label-placement.ts';
import { isLabelDimmed, planLabels } from '../../lib/map/label-plan.ts';
import { pointAlpha, ringSizePx } from '../../lib/map/point-radius.ts';
import { tooltipHint } from '../../lib/map/tooltip.ts';
import type { MapModel } from './atlas-data.ts';
import { LabelLayer } from './labels.ts';
import { PointRenderer } from './renderer.ts';
import type { MapSelection } from './selection.ts';
import { currentTheme, labelColor, pointColor, type MapTheme } from './theme.ts';
import { Tooltip } from './tooltip.ts';
import type { MapViewport } from './viewport.ts';

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

  constructor(elements: SceneElements, model: MapModel, isInteractive: boolean) {
    this.model = model;
    this.isInteractive = isInteractive;
    this.ring = elements.ring;
    this.tooltip = new Tooltip(elements.tooltip);
    this.labels = new LabelLayer(elements.labels, model.topics);
    this.topicColors = atlasTopicColors(model.atlas.topics);
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
    this.drawLabels(viewport, selection);
    this.placeRingAndTooltip(viewport, selection, radiusPx, isTouch);
  }

  private updateColors(): void {
    this.groupColors = this.topicColors.map((color) => pointColor(color, this.theme));
  }

  private drawLabels(viewport: MapViewport, selection: MapSelection): void {
    const { topics, atlas } = this.model;
    const { focusedTopic } = selection;
    this.labels.update(
      topics,
      planLabels(atlas.topics, atlas.levels, viewport.transform.k, focusedTopic),
      (x, y) => viewport.toScreen(x, y),
      { width: viewport.width, height: viewport.height },
      this.labelObstacles(viewport, selection),
      (topic) => labelColor(this.topicColors[topic.id] ?? '#64748b', this.theme),
      (topic) => isLabelDimmed(topic, focusedTopic),
    );
  }

  /** The overlays, plus the hovered or selected paper so its label never hides the dot being looked at. */
  private labelObstacles(viewport: MapViewport, selection: MapSelection): Obstacle[] {
    const { active } = selection;
    if (active < 0) return viewport.obstacles;
    const [sx, sy] = viewport.paperOnScreen(active);
    const reach = viewport.radiusPx() + 6;
    return [...viewport.obstacles, { left: sx - reach, top: sy - reach, width: 2 * reach, height: 2 * reach }];
  }

  private placeRingAndTooltip(viewport: MapViewport, selection: MapSelection, radiusPx: number, isTouch: boolean): void {
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
    this.tooltip.show({ title: paper.title, topicLabel: topic.label, topicColor: this.groupColors[topic.id] ?? '', hint }, sx, sy, width, height);
  }
}
