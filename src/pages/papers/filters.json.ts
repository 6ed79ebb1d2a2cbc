import type { APIRoute } from 'astro';
import { getPapersBrowserPage } from '../../data/paper-list.ts';
import { filterChoicesToJson } from '../../lib/site/filter-choices.ts';

/** `/papers/filters.json`: the papers list's Topic, Category and year choices (src/lib/site/filter-choices.ts). */
export const GET: APIRoute = async () => {
  const { topics, categories, years } = await getPapersBrowserPage(1, import.meta.env.BASE_URL);
  return new Response(filterChoicesToJson({ topics, categories, years }), { headers: { 'Content-Type': 'application/json' } });
};
