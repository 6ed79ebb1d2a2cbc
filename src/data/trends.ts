import { getAtlasLookups } from './atlas.ts';
import { getPaperBySlug } from './papers.ts';
import { MIN_WINDOW_PAPERS, papersPerYear, rankTrends, type TopicTrend, type TrendEntry, type TrendReport } from '../lib/trends/growth.ts';
import { newTermsByGroup, type DatedText } from '../lib/trends/recent-terms.ts';
import { shareSeries, yearSeries } from '../lib/trends/chart.ts';
import type { AtlasTopic } from '../lib/topics/atlas-schema.ts';

export type TrendsPage =
  | { kind: 'none'; report: Extract<TrendReport, { kind: 'none' }> }
  | { kind: 'trends'; report: Extract<TrendReport, { kind: 'trends' }>; rising: TrendEntry[]; fading: TrendEntry[]; sparkFrom: number };

let trendsOfBuild: Promise<TrendsPage> | undefined;

/**
 * What /trends/ shows (src/lib/trends/growth.ts for the rule): the rising and fading topics with their sparklines
 * and the words new in their recent papers, or why this atlas has no trends. Memoised per build.
 */
export function getTrends(): Promise<TrendsPage> {
  trendsOfBuild ??= (async () => {
    const { atlas, colorOfTopic } = await getAtlasLookups();
    const report = rankTrends(atlas);
    if (report.kind === 'none') return { kind: 'none', report };
    const perYear = papersPerYear(atlas);
    // Shares of the first years of a corpus rest on a handful of papers (arXiv cs had 10 in 1993): the sparklines
    // start at the first year with enough papers for a share to mean something.
    const sparkFrom = [...perYear].find(([, count]) => count >= MIN_WINDOW_PAPERS)?.[0] ?? report.window.firstYear;
    const listed = [...report.rising, ...report.fading];
    const groupOfTopic = new Map(listed.map((trend, index) => [trend.topic.id, index]));
    const paperBySlug = await getPaperBySlug();
    const texts: DatedText[] = [];
    for (const paper of atlas.papers) {
      const group = groupOfTopic.get(paper.topic);
      const source = paperBySlug.get(paper.slug);
      if (group === undefined || paper.year === undefined || !source) continue;
      texts.push({ group, text: `${source.title}. ${source.abstract}`, recent: paper.year >= report.window.recentFrom });
    }
    const termsByGroup = newTermsByGroup(texts, listed.length);
    const topicById = new Map(atlas.topics.map((topic) => [topic.id, topic]));
    const entry = (trend: TopicTrend): TrendEntry => {
      const parent: AtlasTopic | undefined = trend.topic.parent === null ? undefined : topicById.get(trend.topic.parent);
      return {
        trend,
        theme: parent && { slug: parent.slug, label: parent.label },
        color: colorOfTopic(trend.topic.id),
        newTerms: termsByGroup[groupOfTopic.get(trend.topic.id)!] ?? [],
        shares: shareSeries(yearSeries(trend.topic.years, sparkFrom, report.window.lastYear), perYear),
      };
    };
    return { kind: 'trends', report, rising: report.rising.map(entry), fading: report.fading.map(entry), sparkFrom };
  })();
  return trendsOfBuild;
}

/** The atlas's papers per year and the first and last year; undefined when no paper is dated. */
export interface YearSpan {
  firstYear: number;
  lastYear: number;
  perYear: Map<number, number>;
}

let spanOfBuild: Promise<YearSpan | undefined> | undefined;

/** The years of this build's dated papers (for the topic pages' charts and the theme cards' sparklines); memoised. */
export function getYearSpan(): Promise<YearSpan | undefined> {
  spanOfBuild ??= getAtlasLookups().then(({ atlas }) => {
    const perYear = papersPerYear(atlas);
    const years = [...perYear.keys()];
    const firstYear = years[0];
    const lastYear = years.at(-1);
    return firstYear === undefined || lastYear === undefined ? undefined : { firstYear, lastYear, perYear };
  });
  return spanOfBuild;
}
