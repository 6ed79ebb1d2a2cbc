import { z } from 'zod';

/** Where a record came from: the file (relative to the content folder), its 1-based line, and the format that read it. */
export const SourceRefSchema = z.object({
  path: z.string().min(1),
  line: z.number().int().positive(),
  format: z.string().min(1),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * One paper as every format produces it and the `papers` collection stores it.
 * Text fields hold plain, untrusted text: they are rendered as text, never as HTML.
 */
export const PaperSchema = z.object({
  /** The title, whitespace collapsed. */
  title: z.string().min(1),
  /** The abstract as plain text; paragraphs separated by a blank line. Empty only when `hasAbstract` is false. */
  abstract: z.string(),
  /** False for records that carried no abstract (kept as a page marked "no abstract"). */
  hasAbstract: z.boolean().default(true),
  /** Author names in source order, "Given Family". */
  authors: z.array(z.string().min(1)).default([]),
  /** Publication date as ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  /** The paper's landing page. */
  url: z.string().url().optional(),
  /** DOI without the resolver prefix, e.g. `10.1145/3292500.3330701`. */
  doi: z.string().optional(),
  /** arXiv identifier without version, e.g. `2411.15124` or `cs/0112017`. */
  arxivId: z.string().optional(),
  /** The identifier the source gave the record (arXiv id, OpenReview forum id, BibTeX key…). */
  sourceId: z.string().optional(),
  /** Venue, journal or primary category as the source names it. */
  venue: z.string().optional(),
  /** Subject categories (arXiv categories, keywords), primary first. */
  categories: z.array(z.string()).default([]),
  /** Free-form tags given by the user. */
  tags: z.array(z.string()).default([]),
  /** Where the record was read. */
  source: SourceRefSchema,
  /** Other records merged into this one as duplicates. */
  mergedFrom: z.array(SourceRefSchema).default([]),
  /**
   * The vector the record brought (`embedding`, JSON and JSON Lines), reduced and int8-coded (src/lib/vectors/embedding.ts);
   * the topic step uses it when every paper has one of the same length.
   */
  embedding: z.object({ dimensions: z.number().int().positive(), model: z.string().optional(), codes: z.string(), scale: z.number() }).optional(),
  /** Position in source order across all files (files sorted by path, records in file order), from 0. */
  order: z.number().int().nonnegative(),
});
export type Paper = z.infer<typeof PaperSchema>;
/** A paper with the slug that names its page. */
export type SluggedPaper = Paper & { slug: string };
