/** Pointer slop around a dot, so small dots are easy to hover (larger for fingers). */
const HIT_SLOP_PX = { mouse: 5, touch: 14 } as const;

/**
 * Dot radius for a zoom level: sized so dots at zoom 1 cover about a fifth of the space per paper (dense maps get
 * finer dots, 0.9 to 3.2 px), growing with the square root of zoom (at most 9 px) so clusters open up when zooming in.
 * @example pointRadiusPx(100, 1000, 1000, 1) // => 3.2
 */
export function pointRadiusPx(pointCount: number, width: number, height: number, zoom: number): number {
  const spacing = Math.sqrt((width * height) / Math.max(1, pointCount));
  const base = Math.min(3.2, Math.max(0.9, spacing * 0.2));
  return Math.min(9, base * Math.sqrt(zoom));
}

/**
 * Dot opacity: a little lower on large maps, where dots overlap and a solid colour would hide the density.
 * @example pointAlpha(50_000) // => 0.7
 */
export function pointAlpha(pointCount: number): number {
  return pointCount > 20_000 ? 0.7 : 0.85;
}

/**
 * Diameter of the ring drawn around the hovered or selected dot: 4 px clear of the dot, at least 12 px.
 * @example ringSizePx(3) // => 14
 */
export function ringSizePx(radiusPx: number): number {
  return Math.max(12, radiusPx * 2 + 8);
}

/**
 * How far from the pointer a dot still counts as under it, in data units: the dot's radius plus the pointer's slop,
 * divided by the pixels per data unit at this zoom (`zoom` × the fit's `scale`).
 * @example hitRadius(3, 'touch', 2, 100) // => 0.085
 */
export function hitRadius(radiusPx: number, pointerType: string, zoom: number, scale: number): number {
  const slop = pointerType === 'touch' ? HIT_SLOP_PX.touch : HIT_SLOP_PX.mouse;
  return (radiusPx + slop) / (zoom * scale);
}
