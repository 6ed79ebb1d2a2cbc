// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF; one in an abstract would make the whole feed
// unparseable, so they are dropped rather than escaped (they cannot be escaped in XML 1.0).
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/**
 * Escape text for an XML element or a double- or single-quoted attribute, dropping characters XML cannot hold.
 * @example escapeXml('Tom & "Jerry" <3\u0007') // => 'Tom &amp; &quot;Jerry&quot; &lt;3'
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The absolute URL of a site path: the site origin, the base path, then the path.
 * @example absoluteUrl('https://example.org', '/my-atlas/', '/papers/x/') // => 'https://example.org/my-atlas/papers/x/'
 */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return new URL(`${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`, site).href;
}
