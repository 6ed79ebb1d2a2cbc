/** One line of a build's output with the time it arrived, in ms since the build process started. */
export interface TimedLine {
  atMs: number;
  text: string;
}

/** Stage timings of one build, in seconds; undefined when the log did not show the stage. */
export interface BuildStages {
  /** Content layer sync: reading and parsing every source file into the data store. */
  loadSeconds?: number | undefined;
  /** Vite bundling of the client and server entry points (sum of Vite's own `✓ built in` times: a build that
   * printed 100k lines before them delivers them late, so arrival times would mismeasure it). */
  bundleSeconds?: number | undefined;
  /** The topic step (sum of its `[atlas] topics:` step times). */
  topicsSeconds?: number | undefined;
  /** The search index (`[atlas] search index:` line). */
  indexSeconds?: number | undefined;
  /** Page rendering: static route generation minus the topic and index steps that run inside it. */
  pagesSeconds?: number | undefined;
  /** Pages Astro reports as built. */
  pageCount?: number | undefined;
}

// Astro colours its output when it thinks it may; the timings are read from the plain text.
const ANSI = /\u001b\[[0-9;]*m/g;
const SECONDS_OF_STEP = / in (\d+(?:\.\d+)?) s\b/;

/**
 * Read stage timings from an Astro build log whose lines carry their arrival time.
 * @example parseBuildLog([{ atMs: 100, text: '[content] Syncing content' }, { atMs: 900, text: '[content] Synced content' },
 *   { atMs: 1000, text: ' generating static routes ' }, { atMs: 1500, text: '[atlas] topics: svd 10 docs in 0.3 s' },
 *   { atMs: 3000, text: '✓ Completed in 2.0s.' }, { atMs: 3100, text: '[build] 12 page(s) built in 3.1s' }])
 * // => { loadSeconds: 0.8, bundleSeconds: undefined, topicsSeconds: 0.3, indexSeconds: undefined, pagesSeconds: 1.7, pageCount: 12 }
 */
export function parseBuildLog(lines: readonly TimedLine[]): BuildStages {
  const plain = lines.map((line) => ({ atMs: line.atMs, text: line.text.replace(ANSI, '') }));
  const at = (pattern: RegExp, after = -1): { atMs: number; index: number } | undefined => {
    const index = plain.findIndex((line, position) => position > after && pattern.test(line.text));
    const line = plain[index];
    return line ? { atMs: line.atMs, index } : undefined;
  };
  const span = (start: { atMs: number } | undefined, end: { atMs: number } | undefined) =>
    start && end ? round((end.atMs - start.atMs) / 1000) : undefined;

  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  const generateStart = at(/generating static routes/);
  const generateEnd = generateStart ? at(/✓ Completed in/, generateStart.index) : undefined;

  const stepSeconds = (pattern: RegExp): number | undefined => {
    const matching = plain.filter((line) => pattern.test(line.text));
    if (matching.length === 0) return undefined;
    return round(matching.reduce((sum, line) => sum + Number(SECONDS_OF_STEP.exec(line.text)?.[1] ?? 0), 0));
  };
  const bundleLines = plain.flatMap((line) => {
    const match = /\[vite\] ✓ built in (\d+(?:\.\d+)?)(ms|s)\b/.exec(line.text);
    return match ? [Number(match[1]) / (match[2] === 'ms' ? 1000 : 1)] : [];
  });
  const bundleSeconds = bundleLines.length > 0 ? round(bundleLines.reduce((sum, seconds) => sum + seconds, 0)) : undefined;
  const topicsSeconds = stepSeconds(/\[atlas\] topics:/);
  const indexSeconds = stepSeconds(/\[atlas\] search index:/);
  const generateSeconds = span(generateStart, generateEnd);
  const pagesSeconds = generateSeconds === undefined ? undefined : round(Math.max(0, generateSeconds - (topicsSeconds ?? 0) - (indexSeconds ?? 0)));
  const pageCountLine = plain.find((line) => /\d+ page\(s\) built in/.test(line.text));
  const pageCount = pageCountLine ? Number(/(\d+) page\(s\) built/.exec(pageCountLine.text)?.[1]) : undefined;
  return {
    loadSeconds: span(syncStart, syncEnd),
    bundleSeconds,
    topicsSeconds,
    indexSeconds,
    pagesSeconds,
    pageCount,
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
