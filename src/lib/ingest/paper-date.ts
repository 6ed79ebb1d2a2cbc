/**
 * The publication date of a record that brought none: the one documented fallback every importer shares.
 *
 * Importers first read the date their source gives (arXiv Atom `published`, OAI `created`/version date/`datestamp`,
 * BibTeX `date` or `year`+`month`, CSV/JSON `date`/`year`/OpenReview `pdate`, Markdown frontmatter `date`). When that
 * is missing, the paper's arXiv id carries the month it was submitted:
 * - new style `YYMM.NNNNN` (from April 2007): `1305.5120` → `2013-05`; 4 digits after the dot up to 1412, 5 from 1501;
 * - old style `archive/YYMMNNN` (August 1991 to March 2007): `cs/0601001` → `2006-01`, `math.CO/9901001` → `1999-01`
 *   (`91`–`99` are the 1990s);
 * - a version (`v2`) is ignored, and the id may sit in an arXiv URL or an arXiv DOI (`10.48550/arXiv.2101.00001`).
 * An id whose month is impossible (`cs/9913001`) or outside arXiv's history (`9999.99999`) gives no date. Nothing
 * else is guessed: a paper with no date anywhere stays undated.
 */
import { arxivIdFromText } from './record-fields.ts';

/** New-style ids: year and month, then the 4- or 5-digit sequence number. */
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})$/;
/** Old-style ids: archive (with an optional subject class), then year, month and a 3-digit sequence number. */
const OLD_STYLE = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})$/;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The submission month (`YYYY-MM`) an arXiv id carries, or undefined when the text is no valid arXiv id.
 * @example arxivIdMonth('1305.5120') // => '2013-05'
 * @example arxivIdMonth('0704.0001v2') // => '2007-04'
 * @example arxivIdMonth('math.CO/9901001') // => '1999-01'
 * @example arxivIdMonth('cs/9913001') // => undefined (no month 13)
 */
export function arxivIdMonth(text: string | undefined): string | undefined {
  const id = arxivIdFromText(text);
  if (id === undefined) return undefined;
  const newStyle = NEW_STYLE.exec(id);
  if (newStyle) {
    const [, yy, mm, sequence] = newStyle;
    const yymm = Number(yy) * 100 + Number(mm);
    const month = Number(mm);
    // New-style ids began in April 2007 (0704); the sequence grew to 5 digits in January 2015 (1501).
    if (month < 1 || month > 12 || yymm < 704) return undefined;
    if ((sequence?.length === 5) !== yymm >= 1501) return undefined;
    return `${2000 + Number(yy)}-${pad2(month)}`;
  }
  const oldStyle = OLD_STYLE.exec(id);
  if (oldStyle) {
    const [, yy, mm] = oldStyle;
    const month = Number(mm);
    const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
    // Old-style ids ran from August 1991 (9108) to March 2007 (0703).
    if (month < 1 || month > 12 || year * 100 + month < 199108 || year * 100 + month > 200703) return undefined;
    return `${year}-${pad2(month)}`;
  }
  return undefined;
}

/** What the fallback reads of a record: its own date, and the places an arXiv id can be. */
export interface DatedFields {
  date?: string;
  arxivId?: string;
  url?: string;
  doi?: string;
}

/**
 * The record's date: its own when it has one, else the month of its arXiv id (from `arxivId`, an arxiv.org URL or an
 * arXiv DOI), else undefined — never invented.
 * @example paperDate({ date: '2016-03-01', arxivId: '1305.5120' }) // => '2016-03-01'
 * @example paperDate({ arxivId: 'cs/0601001' }) // => '2006-01'
 * @example paperDate({ doi: '10.48550/arXiv.2101.00001' }) // => '2021-01'
 * @example paperDate({ url: 'https://example.org/1305.5120' }) // => undefined
 */
export function paperDate(fields: DatedFields): string | undefined {
  if (fields.date !== undefined) return fields.date;
  const fromUrl = fields.url !== undefined && /arxiv\.org\//i.test(fields.url) ? fields.url : undefined;
  const fromDoi = fields.doi !== undefined && /^10\.48550\//.test(fields.doi) ? fields.doi : undefined;
  return arxivIdMonth(fields.arxivId) ?? arxivIdMonth(fromUrl) ?? arxivIdMonth(fromDoi);
}

/**
 * The year of an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or undefined for an undated paper.
 * @example yearOfDate('2013-05') // => 2013
 * @example yearOfDate(undefined) // => undefined
 */
export function yearOfDate(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const year = Number(date.slice(0, 4));
  return Number.isInteger(year) && /^\d{4}/.test(date) ? year : undefined;
}
