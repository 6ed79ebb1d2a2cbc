import { authorSlugOf } from '../lib/site/authors.ts';
import { joinBase } from '../lib/site/paths.ts';
import { toPaperListItems, type PaperListPageView } from '../lib/site/paper-list.ts';
import { PAPERS_PER_PAGE } from '../lib/site/pagination.ts';
import { getAtlasLookups } from './atlas.ts';
import { getAuthorLookups } from './authors.ts';
import { getPapers } from './papers.ts';

/**
 * The props of page `pageNumber` (1-based) of the papers list (src/components/PaperListPage.astro): its rows, their
 * topic badges (linked under `base`), the author names the author filter shows, and where the page sits in the list.
 */
export async function getPaperListPage(pageNumber: number, base: string): Promise<PaperListPageView> {
  const papers = await getPapers();
  const { badgeBySlug } = await getAtlasLookups();
  const { index: authorIndex, nameBySlug } = await getAuthorLookups();
  const pagePapers = papers.slice((pageNumber - 1) * PAPERS_PER_PAGE, pageNumber * PAPERS_PER_PAGE);
  const topicBySlug = new Map(
    pagePapers.flatMap((paper) => {
      const badge = badgeBySlug.get(paper.slug);
      return badge ? [[paper.slug, { label: badge.label, color: badge.color, href: joinBase(base, `/topics/${badge.slug}/`) }] as const] : [];
    }),
  );
  return {
    items: toPaperListItems(pagePapers, (name) => authorSlugOf(authorIndex, name)),
    topicBySlug,
    authorNameBySlug: nameBySlug,
    pageNumber,
    pageCount: Math.max(1, Math.ceil(papers.length / PAPERS_PER_PAGE)),
    paperCount: papers.length,
  };
}
