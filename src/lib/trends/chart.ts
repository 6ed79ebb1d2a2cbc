/**
 * The geometry of the time charts (a topic page's papers-per-year bars, the sparklines of theme cards and /trends/):
 * scales and SVG paths, with coordinates written to one decimal so the same atlas gives the same bytes. The
 * components (TopicTrendChart.astro, TrendSparkline.astro) only draw what this returns.
 */

/** One year's value of a series (a count of papers, or a share 0–1). */
export interface YearValue {
  year: number;
  value: number;
}

/** A coordinate to one decimal, as SVG text (`12.3`, `4`, never `-0`). */
function coordinate(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * Every year from `firstYear` to `lastYear` with the topic's count (0 for a year it has none), from atlas.json's
 * `years` object.
 * @example yearSeries({ '2014': 3, '2016': 5 }, 2013, 2016) // => [{ year: 2013, value: 0 }, { year: 2014, value: 3 }, { year: 2015, value: 0 }, { year: 2016, value: 5 }]
 */
export function yearSeries(years: Readonly<Record<string, number>> | undefined, firstYear: number, lastYear: number): YearValue[] {
  const series: YearValue[] = [];
  for (let year = firstYear; year <= lastYear; year++) series.push({ year, value: years?.[String(year)] ?? 0 });
  return series;
}

/**
 * Each year's count as a share of all the atlas's papers of that year (0 for a year with none).
 * @example shareSeries([{ year: 2015, value: 5 }], new Map([[2015, 50]])) // => [{ year: 2015, value: 0.1 }]
 */
export function shareSeries(counts: readonly YearValue[], papersPerYear: ReadonlyMap<number, number>): YearValue[] {
  return counts.map(({ year, value }) => {
    const total = papersPerYear.get(year) ?? 0;
    return { year, value: total > 0 ? value / total : 0 };
  });
}

/**
 * The first and last year of a series that are not 0, or undefined when every value is 0.
 * @example activeYears([{ year: 2013, value: 0 }, { year: 2014, value: 3 }, { year: 2015, value: 1 }]) // => [2014, 2015]
 */
export function activeYears(series: readonly YearValue[]): [number, number] | undefined {
  const active = series.filter((point) => point.value > 0);
  return active.length === 0 ? undefined : [active[0]!.year, active.at(-1)!.year];
}

/**
 * A sparkline of a series in a `widthPx` × `heightPx` box: `line` through every point (the highest value touches the
 * top, 0 the bottom, 1 px kept free for the stroke) and `area`, the same line closed along the bottom. A single
 * point is drawn as a flat line across the box.
 * @example sparklinePaths([{ year: 2014, value: 0 }, { year: 2015, value: 2 }], 100, 20) // => { line: 'M0 19L100 1', area: 'M0 19L100 1L100 20L0 20Z' }
 */
export function sparklinePaths(series: readonly YearValue[], widthPx: number, heightPx: number): { line: string; area: string } {
  if (series.length === 0) return { line: '', area: '' };
  const max = Math.max(...series.map((point) => point.value));
  const y = (value: number) => coordinate(max > 0 ? heightPx - 1 - (value / max) * (heightPx - 2) : heightPx - 1);
  const points = series.length === 1
    ? [`0 ${y(series[0]!.value)}`, `${coordinate(widthPx)} ${y(series[0]!.value)}`]
    : series.map((point, index) => `${coordinate((index / (series.length - 1)) * widthPx)} ${y(point.value)}`);
  const line = `M${points.join('L')}`;
  return { line, area: `${line}L${coordinate(widthPx)} ${coordinate(heightPx)}L0 ${coordinate(heightPx)}Z` };
}

/**
 * The smallest "nice" number (1, 2 or 5 times a power of ten) at or above `value`; 1 for 0 or less.
 * @example niceCeiling(126) // => 200
 * @example niceCeiling(7) // => 10
 */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** A bar chart laid out in its viewBox: one bar per year, the value axis and the year labels. */
export interface BarChart {
  widthPx: number;
  heightPx: number;
  /** The plot area: bars grow up from `bottom` to at most `top`, between `left` and `right`. */
  plot: { left: number; right: number; top: number; bottom: number };
  bars: Array<{ year: number; value: number; x: string; y: string; width: string; height: string }>;
  /** The value axis's top (a nice number ≥ the largest value) and its position. */
  axisMax: number;
  /** Year labels under the bars, at most about one per 48 px (first and last year always). */
  yearTicks: Array<{ year: number; x: string }>;
}

const MARGIN = { left: 42, right: 8, top: 8, bottom: 20 };
const MIN_TICK_GAP_PX = 36;

/**
 * The bars of a papers-per-year chart in a `widthPx` × `heightPx` viewBox, with room on the left for the value axis
 * and below for year labels.
 * @example barChart([{ year: 2015, value: 2 }, { year: 2016, value: 4 }], 200, 100).bars[1] // => { year: 2016, value: 4, x: '124.5', y: '22.4', width: '60', height: '57.6' }
 */
export function barChart(series: readonly YearValue[], widthPx: number, heightPx: number): BarChart {
  const plot = { left: MARGIN.left, right: widthPx - MARGIN.right, top: MARGIN.top, bottom: heightPx - MARGIN.bottom };
  const axisMax = niceCeiling(Math.max(0, ...series.map((point) => point.value)));
  const slot = (plot.right - plot.left) / Math.max(1, series.length);
  // A gap of a fifth of the slot between bars, but never under 1 px, so 70 bars stay apart.
  const gap = Math.max(1, slot * 0.2);
  const bars = series.map((point, index) => {
    const height = (point.value / axisMax) * (plot.bottom - plot.top);
    return {
      year: point.year,
      value: point.value,
      x: coordinate(plot.left + index * slot + gap / 2),
      y: coordinate(plot.bottom - height),
      width: coordinate(Math.max(0.5, slot - gap)),
      height: coordinate(height),
    };
  });
  const every = Math.max(1, Math.ceil(series.length / Math.max(1, Math.floor((plot.right - plot.left) / 48))));
  const yearTicks = series.flatMap((point, index) =>
    index % every === 0 || index === series.length - 1 ? [{ year: point.year, x: coordinate(plot.left + (index + 0.5) * slot) }] : [],
  );
  // The last label replaces a regular one too close before it (a four-digit year at 12 px is about 30 px wide).
  const [before, last] = yearTicks.slice(-2);
  if (before && last && Number(last.x) - Number(before.x) < MIN_TICK_GAP_PX) yearTicks.splice(-2, 1);
  return { widthPx, heightPx, plot, bars, axisMax, yearTicks };
}

/**
 * The numbers of a series as words, for screen readers and the chart's text alternative; years with 0 are left out.
 * @example describeCounts([{ year: 2014, value: 3 }, { year: 2015, value: 0 }, { year: 2016, value: 1 }]) // => '2014: 3 papers, 2016: 1 paper'
 */
export function describeCounts(series: readonly YearValue[]): string {
  return series
    .filter((point) => point.value > 0)
    .map((point) => `${point.year}: ${point.value.toLocaleString('en-US')} ${point.value === 1 ? 'paper' : 'papers'}`)
    .join(', ');
}
