import { nearestInDirection, nearestPoint, type Direction } from '../../lib/map/direction.ts';
import { emphasisOf, searchCountText, type Emphasis } from '../../lib/map/emphasis.ts';
import type { MapUrlState } from '../../lib/map/url-state.ts';
import { papersInYears } from '../../lib/map/year-range.ts';
import type { MapView } from '../../lib/map/view-transform.ts';
import type { MapModel } from './atlas-data.ts';

/**
 * What the reader has picked on one map: the focused topic, the search matches, the selected paper (arrow keys,
 * a tap) and the hovered one, and from the first two which papers are drawn in colour.
 */
export class MapSelection {
  focusedTopic: number | null = null;
  /** Paper indices matching the search box, or null without a search. */
  searchMatches: number[] | null = null;
  /** The search box's words, kept in the URL; null without a search. */
  query: string | null = null;
  /** Papers a link asked to highlight (`?papers=`), by slug; null for none. */
  highlighted: readonly string[] | null = null;
  /** The year range drawn in colour, inclusive; null for all years. */
  years: readonly [number, number] | null = null;
  /** Papers drawn in colour (in the focused topic and the search results); null when none is dimmed. */
  emphasis: Emphasis | null = null;
  /** The paper picked with the keyboard or a tap; -1 for none. */
  selected = -1;
  /** The paper under the mouse; -1 for none. */
  hovered = -1;

  private readonly model: MapModel;

  constructor(model: MapModel) {
    this.model = model;
  }

  /** The paper the ring and tooltip show: the hovered one, else the selected one; -1 for none. */
  get active(): number {
    return this.hovered >= 0 ? this.hovered : this.selected;
  }

  /** Whether the active paper was picked with the keyboard rather than hovered. */
  get isKeyboardSelection(): boolean {
    return this.hovered < 0 && this.selected >= 0;
  }

  setFocus(topicId: number | null): void {
    this.focusedTopic = topicId;
    this.updateEmphasis();
  }

  /** Highlight `matches` (null: none) found for `query`, or for the `highlighted` slugs of a link. */
  setSearch(matches: number[] | null, query: string | null, highlighted: readonly string[] | null = null): void {
    this.searchMatches = matches;
    this.query = matches === null ? null : query;
    this.highlighted = matches === null ? null : highlighted;
    this.updateEmphasis();
  }

  /** Draw only the papers of `years` (inclusive) in colour; null for all years. */
  setYears(years: readonly [number, number] | null): void {
    this.years = years;
    this.updateEmphasis();
  }

  /** The search box's count ("12 matches", "3 of 12 matches" while a topic is focused). */
  searchCount(): string {
    return searchCountText(this.searchMatches?.length ?? null, this.emphasis?.indices.length ?? 0);
  }

  /**
   * The paper the arrow keys move to: from the selected paper, the nearest one in `direction`; with none selected,
   * the one nearest `center` (data coordinates). Only emphasised papers are candidates while some are dimmed.
   */
  nextPaper(direction: Direction, center: readonly [number, number]): number {
    const candidates = this.emphasis?.indices;
    const { xs, ys } = this.model;
    if (this.selected < 0) return nearestPoint(xs, ys, center[0], center[1], candidates);
    return nearestInDirection(xs, ys, this.selected, direction, candidates);
  }

  /** What a screen reader hears when paper `index` is selected. */
  announcementFor(index: number): string {
    const paper = this.model.atlas.papers[index];
    const topic = this.model.topics[this.model.topicOfPaper[index] as number];
    return paper && topic ? `${paper.title}. Topic: ${topic.label}. Press Enter to open.` : 'No paper selected.';
  }

  /** The state the page's URL keeps, given the current view (null at home). */
  urlState(view: MapView | null): MapUrlState {
    return {
      view,
      topicSlug: this.focusedTopic === null ? null : (this.model.topics[this.focusedTopic]?.slug ?? null),
      paperSlug: this.selected < 0 ? null : (this.model.atlas.papers[this.selected]?.slug ?? null),
      query: this.highlighted ? null : this.query,
      years: this.years,
      highlighted: this.highlighted,
    };
  }

  private updateEmphasis(): void {
    const sets: ArrayLike<number>[] = [];
    if (this.focusedTopic !== null) sets.push(this.model.membersOfTopic[this.focusedTopic] ?? []);
    if (this.searchMatches) sets.push(this.searchMatches);
    if (this.years) sets.push(papersInYears(this.model.yearOfPaper, this.years));
    this.emphasis = emphasisOf(this.model.count, sets);
  }
}
