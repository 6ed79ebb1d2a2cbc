import { clampLightness } from '../../lib/map/palette.ts';

/** Colours the canvas needs for the current theme (canvas cannot read Tailwind's dark variant by itself). */
export interface MapTheme {
  isDark: boolean;
  /** Colour of points outside the focused topic or search. */
  dimColor: string;
  dimAlpha: number;
}

/** Whether the page is dark: the layout keeps `.dark` on <html> in step with the visitor's choice or system. */
export function isDarkPage(): boolean {
  return document.documentElement.classList.contains('dark');
}

export function currentTheme(): MapTheme {
  const isDark = isDarkPage();
  return isDark
    ? { isDark, dimColor: '#475569', dimAlpha: 0.35 }
    : { isDark, dimColor: '#94a3b8', dimAlpha: 0.3 };
}

/**
 * A topic colour made legible as a dot on this theme's background: pale yellow darkens on white, deep wine lightens
 * on near-black; the hue stays so dots still match their badges.
 */
export function pointColor(color: string, theme: MapTheme): string {
  return theme.isDark ? clampLightness(color, 0.58, 1) : clampLightness(color, 0, 0.8);
}

/** A topic colour for label text: dark enough to read on light halos, light enough on dark ones. */
export function labelColor(color: string, theme: MapTheme): string {
  return theme.isDark ? clampLightness(color, 0.82, 1) : clampLightness(color, 0, 0.42);
}

/** Call `onChange` whenever the page switches between light and dark; returns the unsubscribe function. */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
