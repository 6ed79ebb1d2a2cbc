import { decodeMapUrlState, encodeMapUrlState, type MapUrlState } from '../../lib/map/url-state.ts';

/** The map state in the page's URL right now. */
export function readUrlState(): MapUrlState {
  return decodeMapUrlState(window.location.search);
}

/**
 * Returns a writer that puts the map state into the address bar with replaceState (so Back leaves the map rather
 * than stepping through every pan), at most once per `delayMs` so a zoom gesture does not flood the history API.
 * Pass `immediately` before navigating away, so Back returns to exactly this view.
 */
export function createUrlStateWriter(delayMs = 250): (state: MapUrlState, immediately?: boolean) => void {
  let timer: number | undefined;
  let latest: MapUrlState | null = null;
  const flush = () => {
    window.clearTimeout(timer);
    timer = undefined;
    if (!latest) return;
    const search = encodeMapUrlState(latest, window.location.search);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', url);
    }
  };
  return (state, immediately = false) => {
    latest = state;
    if (immediately) flush();
    else if (timer === undefined) timer = window.setTimeout(flush, delayMs);
  };
}
