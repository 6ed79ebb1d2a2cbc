/**
 * Saved papers on the map: a ring around each saved paper's dot, always, and the "My library" layer (a toggle in
 * the map's top bar, kept in the URL as `?library=1`) that dims nothing but draws the saved papers larger with
 * their titles. Hooked to the map at one point: the `atlas-map-drawn` event the map controller dispatches after
 * every frame (src/scripts/map/controller.ts), so the map code knows nothing of the library.
 */
import type { MapDrawnDetail } from '../map/controller.ts';
import { currentLibrary, loadLibrary, onLibraryChange } from './storage.ts';

const TITLE_CHARS = 48;

export function initLibraryMapLayers(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-atlas-map]')) attach(root);
}

function attach(root: HTMLElement): void {
  const stage = root.querySelector<HTMLElement>('[data-map-stage]');
  if (!stage) return;
  let entries = currentLibrary().entries;
  const canvas = document.createElement('canvas');
  canvas.className = 'pointer-events-none absolute inset-0';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset['libraryLayer'] = '';
  stage.querySelector('[data-map-labels]')?.before(canvas);
  let last: MapDrawnDetail | undefined;

  const topbar = root.querySelector<HTMLElement>('.atlas-map-topbar');
  let toggle: HTMLButtonElement | undefined;
  if (topbar) {
    toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.dataset['mapLibraryToggle'] = '';
    toggle.setAttribute('aria-pressed', String(new URLSearchParams(window.location.search).get('library') === '1'));
    topbar.append(toggle);
    toggle.addEventListener('click', () => {
      const on = toggle?.getAttribute('aria-pressed') !== 'true';
      toggle?.setAttribute('aria-pressed', String(on));
      const url = new URL(window.location.href);
      if (on) url.searchParams.set('library', '1');
      else url.searchParams.delete('library');
      window.history.replaceState(window.history.state, '', url);
      if (last) draw(last);
    });
  }
  const label = () => {
    if (toggle) toggle.textContent = `My library (${entries.length})`;
  };
  label();

  function draw(detail: MapDrawnDetail): void {
    last = detail;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(detail.width * ratio) || canvas.height !== Math.round(detail.height * ratio)) {
      canvas.width = Math.round(detail.width * ratio);
      canvas.height = Math.round(detail.height * ratio);
      canvas.style.width = `${detail.width}px`;
      canvas.style.height = `${detail.height}px`;
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, detail.width, detail.height);
    const layerOn = toggle?.getAttribute('aria-pressed') === 'true';
    const dark = document.documentElement.classList.contains('dark');
    const ring = dark ? '#fbbf24' : '#b45309';
    const radius = detail.radiusPx + (layerOn ? 5 : 2.5);
    context.lineWidth = layerOn ? 2.5 : 1.5;
    context.strokeStyle = ring;
    context.font = '12px system-ui, sans-serif';
    let marked = 0;
    for (const entry of entries) {
      const position = detail.positionOf(entry.id);
      if (!position) continue;
      const [x, y] = position;
      if (x < -radius || y < -radius || x > detail.width + radius || y > detail.height + radius) continue;
      marked += 1;
      context.beginPath();
      context.arc(x, y, radius, 0, Math.PI * 2);
      context.stroke();
      if (layerOn) {
        const title = entry.paper.title.length > TITLE_CHARS ? `${entry.paper.title.slice(0, TITLE_CHARS - 1)}…` : entry.paper.title;
        context.lineWidth = 3;
        context.strokeStyle = dark ? '#0f172a' : '#ffffff';
        context.strokeText(title, x + radius + 3, y + 4);
        context.fillStyle = dark ? '#fde68a' : '#78350f';
        context.fillText(title, x + radius + 3, y + 4);
        context.lineWidth = 2.5;
        context.strokeStyle = ring;
      }
    }
    root.dataset['libraryMarked'] = String(marked);
  }

  root.addEventListener('atlas-map-drawn', (event) => draw((event as CustomEvent<MapDrawnDetail>).detail));
  const reload = () =>
    void loadLibrary().then(({ library }) => {
      entries = library.entries;
      label();
      if (last) draw(last);
    });
  onLibraryChange(reload);
  reload();
}
