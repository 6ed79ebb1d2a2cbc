/**
 * Buttons with `data-copy-target="<id>"` copy that element's text and say so, visibly and to screen readers. They are
 * served disabled and enabled here, so a click made before this script runs is never silently lost.
 */
export function initCopyButtons(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-copy-target]');
  if (buttons.length === 0) return;
  const status = liveStatus();
  for (const button of buttons) {
    const label = button.textContent?.trim() ?? 'Copy';
    button.addEventListener('click', async () => {
      const target = document.getElementById(button.dataset['copyTarget'] ?? '');
      if (!target) return;
      const text = target.textContent ?? '';
      const copied = await copyText(text, target);
      button.textContent = copied ? 'Copied ✓' : 'Select and copy';
      status.textContent = copied ? `${label.replace(/^Copy /, '')} citation copied to the clipboard` : 'Copy failed; the text is selected';
      window.setTimeout(() => (button.textContent = label), 2000);
    });
    button.disabled = false;
  }
}

/**
 * The polite live region that announces a copy, added by the script rather than served in every page: it exists long
 * before the first click, which is what a screen reader needs to announce its change.
 */
function liveStatus(): HTMLElement {
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('aria-live', 'polite');
  status.dataset['copyStatus'] = '';
  document.querySelector('main')?.append(status);
  return status;
}

async function copyText(text: string, element: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure origin, permissions): fall back to selecting the text for the reader.
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand?.('copy') ?? false;
  }
}
