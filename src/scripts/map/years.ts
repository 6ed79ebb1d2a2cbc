import { nextPlayRange, normalizeYears, playStart } from '../../lib/map/year-range.ts';

/** How long "play" shows each year, in milliseconds: long enough to see the new dots settle. */
const PLAY_STEP_MS = 900;

/**
 * The year range control (two selects and a play button, MapYears.astro): tells the map the range to show, and
 * plays the years one by one. Served disabled; enabled here, so a choice before the script runs is not lost.
 */
export class YearControl {
  private readonly from: HTMLSelectElement;
  private readonly to: HTMLSelectElement;
  private readonly play: HTMLButtonElement | null;
  private readonly bounds: readonly [number, number];
  private readonly onChange: (years: [number, number] | null) => void;
  private timer = 0;

  constructor(element: HTMLElement, bounds: readonly [number, number], onChange: (years: [number, number] | null) => void) {
    const from = element.querySelector<HTMLSelectElement>('select[data-map-year-from]');
    const to = element.querySelector<HTMLSelectElement>('select[data-map-year-to]');
    if (!from || !to) throw new Error('AtlasMap: missing year selects inside [data-map-years]');
    this.from = from;
    this.to = to;
    this.play = element.querySelector('button[data-map-play]');
    this.bounds = bounds;
    this.onChange = onChange;
    for (const select of [from, to]) {
      select.disabled = false;
      select.addEventListener('change', () => {
        this.stop();
        this.emit([Number(this.from.value), Number(this.to.value)]);
      });
    }
    if (this.play) {
      this.play.disabled = false;
      this.play.addEventListener('click', () => (this.isPlaying ? this.stop() : this.start()));
    }
  }

  get isPlaying(): boolean {
    return this.timer !== 0;
  }

  /** Show `years` in the selects (null: every year) without telling the map. */
  show(years: readonly [number, number] | null): void {
    this.from.value = String(years ? years[0] : this.bounds[0]);
    this.to.value = String(years ? years[1] : this.bounds[1]);
  }

  /** Stop playing, keeping the year reached. */
  stop(): void {
    if (!this.timer) return;
    window.clearInterval(this.timer);
    this.timer = 0;
    this.syncPlayButton();
  }

  private start(): void {
    const current = normalizeYears([Number(this.from.value), Number(this.to.value)], this.bounds);
    this.emit(playStart(current, this.bounds));
    this.timer = window.setInterval(() => {
      const next = nextPlayRange([Number(this.from.value), Number(this.to.value)], this.bounds);
      if (!next) {
        this.stop();
        return;
      }
      this.emit(next);
    }, PLAY_STEP_MS);
    this.syncPlayButton();
  }

  private emit(years: [number, number]): void {
    const normalized = normalizeYears(years, this.bounds);
    this.show(normalized ?? years);
    this.onChange(normalized);
  }

  private syncPlayButton(): void {
    if (!this.play) return;
    // The button says what it does next (Play / Pause); its name changes rather than a pressed state.
    this.play.dataset.playing = String(this.isPlaying);
    const label = this.play.querySelector('[data-map-play-label]');
    if (label) label.textContent = this.isPlaying ? 'Pause' : 'Play';
  }
}
