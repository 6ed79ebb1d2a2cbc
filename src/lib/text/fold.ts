/**
 * Diacritic and case folding, the one copy every caller imports: the topic tokenizer, the search options (build and
 * browser), paper and topic slugs, author keys, duplicate (merge) keys, BibTeX keys, the map's title match and the
 * paper-list filter. Two copies with different letter tables used to disagree in front of a reader ("Straße" was
 * `strasse` in search but `straße` in the map search); one table keeps every surface in step.
 *
 * No Node or DOM imports: the browser bundles this module too.
 */

/**
 * Letters that Unicode compatibility decomposition (NFKD) does not split into a base letter and a mark, spelled in
 * ASCII the way a reader types them (German ß → ss, Danish Ø → O, Polish Ł → L, Croatian Đ → D, Icelandic Þ → Th).
 * Case is kept: foldDiacritics('Þór') is 'Thor'. Letters with a mark NFKD does split (é, ñ, Å, ı̇) are not listed.
 */
export const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ȷ: 'j',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'ng',
  Ŋ: 'NG',
  ĸ: 'k',
};

const SPECIAL_LETTER = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * The text without diacritics, case kept: NFKD (which also splits ligatures such as ﬁ and full-width forms), every
 * combining mark dropped, then the letters of LETTER_FOLDS spelled out. ASCII text is returned as it is.
 * @example foldDiacritics('Łukasz Đoković Þór, Straße, Schrödinger') // => 'Lukasz Dokovic Thor, Strasse, Schrodinger'
 */
export function foldDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL_LETTER, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/**
 * The form two strings are compared in when accents and case must not count: foldDiacritics, then lower case.
 * @example foldText('TÜLU 3 Façade, Straße') // => 'tulu 3 facade, strasse'
 */
export function foldText(text: string): string {
  return foldDiacritics(text).toLowerCase();
}
