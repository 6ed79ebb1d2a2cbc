/**
 * The build's date as `YYYY-MM-DD`: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set,
 * so the same sources give the same bytes, else today's date in UTC.
 * @example buildDate({ SOURCE_DATE_EPOCH: '1700000000' }) // => '2023-11-14'
 */
export function buildDate(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return date.toISOString().slice(0, 10);
}

/**
 * Format a count with thousands separators, stable across machines' locales.
 * @example formatCount(102538) // => '102,538'
 */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * "1 paper", "119 papers".
 * @example pluralize(1, 'paper') // => '1 paper'
 */
export function pluralize(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}
