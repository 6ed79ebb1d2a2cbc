import { joinBase } from '../../lib/site/paths.ts';
import { loadMapModel, type MapModel } from './atlas-data.ts';
import { AtlasMapController } from './controller.ts';

/** Start every `[data-atlas-map]` on the page that has not been started yet. */
export function initAtlasMaps(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-atlas-map]')) {
    if (root.dataset.mapState) continue;
    root.dataset.mapState = 'loading';
    void startAtlasMap(root);
  }
}

/**
 * Show the map frame in place of the no-JS fallback, load the map data and hand it to a controller; when the data
 * cannot be loaded, say so and bring the fallback back.
 */
async function startAtlasMap(root: HTMLElement): Promise<void> {
  const frame = root.querySelector<HTMLElement>('[data-map-frame]');
  if (!frame) throw new Error('AtlasMap: missing [data-map-frame] inside [data-atlas-map]');
  const fallback = root.querySelector<HTMLElement>('[data-map-fallback]');
  const loading = root.querySelector<HTMLElement>('[data-map-loading]');
  frame.hidden = false;
  if (fallback) fallback.hidden = true;
  if (root.dataset.height === 'full') {
    // Fill the window below the sticky site header, whatever height it wraps to.
    const header = document.querySelector<HTMLElement>('body > header');
    if (header) root.style.setProperty('--atlas-map-top', `${header.offsetHeight}px`);
  }
  const base = root.dataset.base ?? '/';
  let model: MapModel;
  try {
    model = await loadMapModel(joinBase(base, '/map-data.deflate'));
  } catch (error) {
    root.dataset.mapState = 'error';
    if (loading) loading.textContent = 'The map could not be loaded. The list of topics below still works.';
    if (fallback) fallback.hidden = false;
    console.warn('AtlasMap:', error);
    return;
  }
  loading?.remove();
  new AtlasMapController(root, frame, model, base).start();
  root.dataset.mapState = 'ready';
}
