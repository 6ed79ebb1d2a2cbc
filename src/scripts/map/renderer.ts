import type { ZoomTransformLike } from '../../lib/map/view-transform.ts';
import { hexToRgb } from '../../lib/map/palette.ts';

/** Paper positions in world pixels (data scaled to fit the viewport at zoom 1), grouped for batched drawing. */
export interface PointLayer {
  worldX: Float32Array;
  worldY: Float32Array;
  order: Uint32Array;
  groupStart: Uint32Array;
}

export interface DrawOptions {
  transform: ZoomTransformLike;
  width: number;
  height: number;
  radiusPx: number;
  /** Fill colour of each group (finest topic). */
  groupColors: readonly string[];
  alpha: number;
  /** When set, points with 0 are drawn first in `dimColor`, and only points with 1 in their topic colour. */
  emphasis: Uint8Array | null;
  dimColor: string;
  dimAlpha: number;
}

/**
 * Up to this radius in device pixels, dots are stamped straight into a pixel buffer; larger ones are drawn as canvas
 * arcs. Stamping 100k small dots takes a few milliseconds even where canvas paths are rasterised in software
 * (tens of milliseconds for the same paths), and zooming far in leaves few dots on screen for the arc path.
 */
const STAMP_MAX_DEVICE_PX = 8;

/** Size the canvas backing store for the device pixel ratio, so dots stay crisp on high-density screens. */
export function resizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = Math.min(window.devicePixelRatio || 1, 3);
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext('2d', { alpha: true });
  if (!context) throw new Error('AtlasMap: the browser gave no 2D canvas context');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

/** Draws the points of one map; keeps the pixel buffer and dot stamps between frames. */
export class PointRenderer {
  private image: ImageData | null = null;
  private stamp: { radius: number; dx: Int32Array; dy: Int32Array; coverage: Float32Array } | null = null;
  private readonly rgbCache = new Map<string, [number, number, number]>();

  /**
   * Draw every point, dimmed ones first, then each topic's in its colour, skipping points outside the viewport.
   * Returns how many points were inside it.
   */
  draw(context: CanvasRenderingContext2D, layer: PointLayer, options: DrawOptions): number {
    const ratio = context.getTransform().a || 1;
    return options.radiusPx * ratio <= STAMP_MAX_DEVICE_PX
      ? this.drawStamped(context, layer, options, ratio)
      : drawArcs(context, layer, options);
  }

  private drawStamped(context: CanvasRenderingContext2D, layer: PointLayer, options: DrawOptions, ratio: number): number {
    const { canvas } = context;
    const width = canvas.width;
    const height = canvas.height;
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.image = context.createImageData(width, height);
    }
    const data = this.image.data;
    const pixels = new Uint32Array(data.buffer);
    pixels.fill(0);
    const stamp = this.stampFor(options.radiusPx * ratio);
    const { k, x: tx, y: ty } = options.transform;
    const { emphasis } = options;
    const margin = Math.ceil(stamp.radius) + 1;
    let visible = 0;

    const coverage = stamp.coverage;
    const stampX = stamp.dx;
    const stampY = stamp.dy;
    const pass = (index: number, rgb: readonly [number, number, number], alpha: number): void => {
      const cx = Math.round(((layer.worldX[index] as number) * k + tx) * ratio);
      const cy = Math.round(((layer.worldY[index] as number) * k + ty) * ratio);
      if (cx < -margin || cy < -margin || cx >= width + margin || cy >= height + margin) return;
      visible++;
      const red = rgb[0];
      const green = rgb[1];
      const blue = rgb[2];
      const isInside = cx >= margin && cy >= margin && cx < width - margin && cy < height - margin;
      for (let m = 0; m < coverage.length; m++) {
        const x = cx + (stampX[m] as number);
        const y = cy + (stampY[m] as number);
        if (!isInside && (x < 0 || y < 0 || x >= width || y >= height)) continue;
        const pixel = y * width + x;
        const sourceAlpha = alpha * (coverage[m] as number);
        if (pixels[pixel] === 0) {
          // Empty pixel (most of them): the dot's colour at its own alpha, one 32-bit write (RGBA, little-endian).
          pixels[pixel] = ((sourceAlpha * 255) << 24) | (blue << 16) | (green << 8) | red;
          continue;
        }
        // "Source over" in non-premultiplied RGBA: out = a + dA(1 - a); colour moves toward the source by a / out.
        const offset = pixel * 4;
        const outAlpha = sourceAlpha + ((data[offset + 3] as number) / 255) * (1 - sourceAlpha);
        const toward = sourceAlpha / outAlpha;
        data[offset] = (data[offset] as number) + (red - (data[offset] as number)) * toward;
        data[offset + 1] = (data[offset + 1] as number) + (green - (data[offset + 1] as number)) * toward;
        data[offset + 2] = (data[offset + 2] as number) + (blue - (data[offset + 2] as number)) * toward;
        data[offset + 3] = outAlpha * 255;
      }
    };

    if (emphasis) {
      const dim = this.rgb(options.dimColor);
      for (let i = 0; i < layer.order.length; i++) {
        const index = layer.order[i] as number;
        if (emphasis[index] === 0) pass(index, dim, options.dimAlpha);
      }
    }
    const groupCount = layer.groupStart.length - 1;
    for (let group = 0; group < groupCount; group++) {
      const rgb = this.rgb(options.groupColors[group] ?? '#888888');
      for (let i = layer.groupStart[group] as number; i < (layer.groupStart[group + 1] as number); i++) {
        const index = layer.order[i] as number;
        if (!emphasis || emphasis[index] === 1) pass(index, rgb, options.alpha);
      }
    }
    context.putImageData(this.image, 0, 0);
    return visible;
  }

  /** The pixels a dot of `radius` device pixels covers, with anti-aliased coverage at the rim. */
  private stampFor(radius: number): { radius: number; dx: Int32Array; dy: Int32Array; coverage: Float32Array } {
    const rounded = Math.max(0.5, Math.round(radius * 4) / 4);
    if (this.stamp?.radius === rounded) return this.stamp;
    const reach = Math.ceil(rounded + 0.5);
    const dx: number[] = [];
    const dy: number[] = [];
    const coverage: number[] = [];
    for (let y = -reach; y <= reach; y++) {
      for (let x = -reach; x <= reach; x++) {
        const cover = Math.min(1, Math.max(0, rounded + 0.5 - Math.hypot(x, y)));
        if (cover <= 0) continue;
        dx.push(x);
        dy.push(y);
        coverage.push(cover);
      }
    }
    this.stamp = { radius: rounded, dx: Int32Array.from(dx), dy: Int32Array.from(dy), coverage: Float32Array.from(coverage) };
    return this.stamp;
  }

  private rgb(hex: string): [number, number, number] {
    let rgb = this.rgbCache.get(hex);
    if (!rgb) {
      rgb = hexToRgb(hex);
      this.rgbCache.set(hex, rgb);
    }
    return rgb;
  }
}

/** The canvas-path fallback for large dots: one path and one fill per colour. */
function drawArcs(context: CanvasRenderingContext2D, layer: PointLayer, options: DrawOptions): number {
  const { transform, width, height, radiusPx: r, emphasis } = options;
  context.clearRect(0, 0, width, height);
  const { k, x: tx, y: ty } = transform;
  let visible = 0;
  const tracePoint = (index: number): void => {
    const sx = (layer.worldX[index] as number) * k + tx;
    const sy = (layer.worldY[index] as number) * k + ty;
    if (sx < -r || sx > width + r || sy < -r || sy > height + r) return;
    visible++;
    context.moveTo(sx + r, sy);
    context.arc(sx, sy, r, 0, Math.PI * 2);
  };
  if (emphasis) {
    context.globalAlpha = options.dimAlpha;
    context.fillStyle = options.dimColor;
    context.beginPath();
    for (let i = 0; i < layer.order.length; i++) {
      const index = layer.order[i] as number;
      if (emphasis[index] === 0) tracePoint(index);
    }
    context.fill();
  }
  context.globalAlpha = options.alpha;
  const groupCount = layer.groupStart.length - 1;
  for (let group = 0; group < groupCount; group++) {
    context.fillStyle = options.groupColors[group] ?? '#888888';
    context.beginPath();
    for (let i = layer.groupStart[group] as number; i < (layer.groupStart[group + 1] as number); i++) {
      const index = layer.order[i] as number;
      if (!emphasis || emphasis[index] === 1) tracePoint(index);
    }
    context.fill();
  }
  context.globalAlpha = 1;
  return visible;
}
