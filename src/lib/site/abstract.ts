/** A run of abstract text: plain text, or a URL found in it. */
export type AbstractSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A single-block abstract longer than this reads better as two or three paragraphs.
const LONG_PARAGRAPH_CHARS = 900;
const TARGET_PARAGRAPH_CHARS = 520;

/**
 * Split an abstract into paragraphs: on blank lines first, then long blocks at sentence ends
 * into paragraphs of roughly equal length (scraped abstracts arrive as one line).
 * @example abstractToParagraphs('First.\n\nSecond.') // => ['First.', 'Second.']
 */
export function abstractToParagraphs(abstract: string): string[] {
  const blocks = abstract
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '');
  return blocks.flatMap((block) => (block.length > LONG_PARAGRAPH_CHARS ? splitAtSentences(block) : [block]));
}

function splitAtSentences(block: string): string[] {
  // A sentence ends at . ! ? followed by a space and a capital/digit; "e.g. the" and "Fig. 3" are not ends
  // because the next character is lower-case or the word before is a short abbreviation.
  const sentences = block.split(/(?<=(?<!\b(?:e\.g|i\.e|et al|vs|Fig|Eq|cf|approx)\.?)[.!?]["')\]]?)\s+(?=[A-Z0-9"(\[])/);
  const count = Math.max(1, Math.round(block.length / TARGET_PARAGRAPH_CHARS));
  const goal = block.length / count;
  const paragraphs: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    current = current === '' ? sentence : `${current} ${sentence}`;
    if (current.length >= goal && paragraphs.length < count - 1) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

// http(s) URLs, and bare github.com / huggingface.co style hosts that abstracts often print without a scheme.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'{}|\\^`]+|\b(?:www\.|github\.com\/|huggingface\.co\/|gitlab\.com\/)[^\s<>"'{}|\\^`]+/gi;

/**
 * Split text into plain runs and links. Only http(s) URLs become links (a `javascript:` text stays text);
 * trailing sentence punctuation and unbalanced closing brackets stay outside the link.
 * @example splitLinks('Code: https://github.com/a/b.') // => [{kind:'text',text:'Code: '},{kind:'link',text:'https://github.com/a/b',href:'https://github.com/a/b'},{kind:'text',text:'.'}]
 */
export function splitLinks(text: string): AbstractSegment[] {
  const segments: AbstractSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const linkText = trimUrl(match[0]);
    if (linkText.length < 8) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    const href = /^https?:\/\//i.test(linkText) ? linkText : `https://${linkText}`;
    segments.push({ kind: 'link', text: linkText, href });
    last = start + linkText.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/**
 * Every URL in a text, in order, as absolute http(s) addresses.
 * @example extractUrls('See https://x.org/a, and github.com/o/r).') // => ['https://x.org/a', 'https://github.com/o/r']
 */
export function extractUrls(text: string): string[] {
  return splitLinks(text).flatMap((segment) => (segment.kind === 'link' ? [segment.href] : []));
}

/** Sentence punctuation that ends a sentence after a URL rather than the URL itself. */
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*']);

/**
 * The URL without trailing sentence punctuation and without closing brackets that have no opening partner inside
 * it ("(see https://x.org/a)"). One pass from the end with bracket counts kept up to date, so the cost is linear
 * however long the run of `)))…` or `...` (a regex `/[.,]+$/` retried per bracket took minutes on 1 MB).
 */
function trimUrl(raw: string): string {
  const opened = { '(': 0, '[': 0 };
  const closed = { ')': 0, ']': 0 };
  for (const char of raw) {
    if (char === '(' || char === '[') opened[char] += 1;
    else if (char === ')' || char === ']') closed[char] += 1;
  }
  let end = raw.length;
  while (end > 0) {
    const char = raw[end - 1] ?? '';
    if (TRAILING_PUNCTUATION.has(char)) {
      end -= 1;
    } else if (char === ')' && opened['('] < closed[')']) {
      closed[')'] -= 1;
      end -= 1;
    } else if (char === ']' && opened['['] < closed[']']) {
      closed[']'] -= 1;
      end -= 1;
    } else {
      break;
    }
  }
  return raw.slice(0, end);
}
