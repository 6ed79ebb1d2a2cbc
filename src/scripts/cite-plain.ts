import { formatPlainCitation, plainCitationFieldsFromJsonLd } from '../lib/site/plain-citation.ts';

/**
 * Fills the paper page's `[data-cite-plain]` box with the plain-text reference, built from the page's JSON-LD by the
 * formatter the build uses (so it reads as `toPlainCitation` would have written it), in the markup of the BibTeX
 * part above it. Text only: every value goes in through `textContent`. Run before `initCopyButtons`, which enables
 * the new Copy button with the others.
 */
export function initPlainCitation(): void {
  // BibTeX's Copy button, beside its heading: the page does not serve it, as it does nothing without this script.
  document.getElementById('cite-bibtex')?.previousElementSibling?.append(copyButton('cite-bibtex', 'Copy BibTeX'));
  const box = document.querySelector<HTMLElement>('[data-cite-plain]');
  const jsonLd = document.querySelector('script[type="application/ld+json"]')?.textContent;
  if (!box || !jsonLd) return;
  let fields;
  try {
    fields = plainCitationFieldsFromJsonLd(JSON.parse(jsonLd));
  } catch {
    return;
  }
  if (!fields) return;
  const row = document.createElement('div');
  const heading = document.createElement('h3');
  heading.textContent = 'Plain text';
  row.append(heading, copyButton('cite-plain', 'Copy Plain text'));
  const text = document.createElement('pre');
  text.id = 'cite-plain';
  text.tabIndex = 0;
  text.setAttribute('aria-label', 'Plain text');
  text.textContent = formatPlainCitation(fields);
  box.append(row, text);
}

/** A disabled Copy button for the element `target` (copy-button.ts enables it). */
function copyButton(target: string, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset['copyTarget'] = target;
  button.disabled = true;
  button.textContent = label;
  return button;
}
