import { authorSlugOf } from '../lib/site/authors.ts';
import { joinBase } from '../lib/site/paths.ts';
import { newestFirst, toPaperListItems, yearsOf, type PapersBrowserView } from '../lib/site/paper-list.ts';
import { PAPERS_PER_LIST_PAGE } from '../lib/site/pagination.ts';
import { getAtlasLookups } from './atlas.ts';
import { getAuthorLookups } from './authors.ts';
import { getCategoryIndex } from './categories.ts';
import { getPapers } from './papers.ts';

let listOrderOfBuild: Promise<{ papers: Awaited<ReturnType<typeof getPapers>>; isByDate: boolean }> | undefined;

/**
 * The papers in the papers list's order, newest first when any paper is dated, else source order: the order of
 * /papers/ and of the Newer/Older (Previous/Next) links on paper pages. Sorted once per build.
 */
export function getPapersInListOrder(): Promise<{ papers: Awaited<ReturnType<typeof getPapers>>; isByDate: boolean }> {
  listOrderOfBuild ??= getPapers().then((papers) => {
    const isByDate = papers.some((paper) => paper.date !== undefined);
    return { papers: isByDate ? newestFirst(papers) : [...papers], isByDate };
  });
  return listOrderOfBuild;
}

/** Number of pages of the papers list (/papers/ and /papers/page/<n>/). */
export async function getPapersListPageCount(): Promise<number> {
  return Math.max(1, Math.ceil((await getPapers()).length / PAPERS_PER_LIST_PAGE));
}

/**
 * The props of page `pageNumber` (1-based) of the papers list (src/components/PapersBrowser.astro): its
 * `PAPERS_PER_LIST_PAGE` rows, newest first, their topic badges (linked under `base`), and the topics and years
 * its whole-atlas filters offer (topics, years, categories).
 */
export async function getPapersBrowserPage(pageNumber: number, base: string): Promise<PapersBrowserView> {
  const { papers, isByDate } = await getPapersInListOrder();
  const { atlas, badgeBySlug } = await getAtlasLookups();
  const { index: authorIndex } = await getAuthorLookups();
  const { options: categories } = await getCategoryIndex();
  const pagePapers = papers.slice((pageNumber - 1) * PAPERS_PER_LIST_PAGE, pageNumber * PAPERS_PER_LIST_PAGE);
  const topicBySlug = new Map(
    pagePapers.flatMap((paper) => {
      const badge = badgeBySlug.get(paper.slug);
      return badge ? [[paper.slug, { label: badge.label, color: badge.color, href: joinBase(base, `/topics/${badge.slug}/`) }] as const] : [];
    }),
  );
  return {
    items: toPaperListItems(pagePapers, (name) => authorSlugOf(authorIndex, name)),
    topicBySlug,
    topics: [...atlas.topics].sort((a, b) => a.label.localeCompare(b.label, 'en') || a.id - b.id).map((topic) => ({ id: topic.id, label: topic.label })),
    years: yearsOf(papers),
    hasAuthors: authorIndex.authors.length > 0,
    categories,
    pageNumber,
    pageCount: Math.max(1, Math.ceil(papers.length / PAPERS_PER_LIST_PAGE)),
    paperCount: papers.length,
    isByDate,
  };
}
