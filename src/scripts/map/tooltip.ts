import { tooltipPosition, type TooltipAvoid } from '../../lib/map/tooltip.ts';

/** What the tooltip shows for one paper. */
export interface TooltipContent {
  title: string;
  topicLabel: string;
  topicColor: string;
  hint: string;
}

/** The paper tooltip: built from text nodes only (titles are untrusted), placed beside the point and kept in view. */
export class Tooltip {
  private readonly element: HTMLElement;
  private readonly titleElement: HTMLElement;
  private readonly swatch: HTMLElement;
  private readonly topicElement: HTMLElement;
  private readonly hintElement: HTMLElement;

  constructor(element: HTMLElement) {
    this.element = element;
    this.titleElement = document.createElement('p');
    this.titleElement.className = 'atlas-map-tooltip-title';
    const topicRow = document.createElement('p');
    topicRow.className = 'atlas-map-tooltip-topic';
    this.swatch = document.createElement('span');
    this.swatch.className = 'atlas-map-swatch';
    this.topicElement = document.createElement('span');
    topicRow.append(this.swatch, this.topicElement);
    this.hintElement = document.createElement('p');
    this.hintElement.className = 'atlas-map-tooltip-hint';
    element.replaceChildren(this.titleElement, topicRow, this.hintElement);
  }

  /**
   * Show the tooltip for a point at (x, y) in the stage, above it when there is room, else below or beside it,
   * wherever it covers least of the `avoid` boxes (the labels on screen).
   */
  show(content: TooltipContent, x: number, y: number, stageWidth: number, stageHeight: number, avoid: readonly TooltipAvoid[] = []): void {
    this.titleElement.textContent = content.title;
    this.topicElement.textContent = content.topicLabel;
    this.swatch.style.background = content.topicColor;
    this.hintElement.textContent = content.hint;
    this.element.hidden = false;
    const { left, top } = tooltipPosition(x, y, this.element.offsetWidth, this.element.offsetHeight, stageWidth, stageHeight, avoid);
    this.element.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  get isVisible(): boolean {
    return !this.element.hidden;
  }
}
