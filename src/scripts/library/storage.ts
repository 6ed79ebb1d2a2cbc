/**
 * The library in localStorage (key LIBRARY_KEY, src/lib/library/store.ts). Every read goes through parseLibrary
 * (which migrates older versions); a value it cannot read is left untouched and reported, never overwritten.
 * Storage that is full or blocked (private mode, disabled cookies) gives a message and the page keeps working with
 * the library in memory.
 */
import { LIBRARY_KEY, emptyLibrary, parseLibrary, serializeLibrary, type Library } from '../../lib/library/store.ts';

export interface LoadedLibrary {
  library: Library;
  /** Why the stored library could not be read or storage is unavailable; the page shows it. */
  problem?: string;
}

let unreadable = false;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The stored library, migrated; an empty one (and a problem) when storage is blocked or the value unreadable. */
export function loadLibrary(): LoadedLibrary {
  const store = storage();
  if (!store) return { library: emptyLibrary(), problem: 'This browser blocks site storage (private mode?): saves last until the tab closes.' };
  try {
    const library = parseLibrary(store.getItem(LIBRARY_KEY));
    unreadable = false;
    return { library };
  } catch (error) {
    unreadable = true;
    return { library: emptyLibrary(), problem: `Your saved library could not be read (${(error as Error).message}); it is left as it was and nothing will overwrite it.` };
  }
}

/** Store the library; returns a message when it could not be stored (full, blocked, or an unreadable value to protect). */
export function storeLibrary(library: Library): string | undefined {
  const store = storage();
  if (!store) return 'This browser blocks site storage (private mode?): the change lasts until the tab closes.';
  if (unreadable) return 'The stored library could not be read, so it is not overwritten: export what you see to keep it.';
  try {
    store.setItem(LIBRARY_KEY, serializeLibrary(library));
    return undefined;
  } catch {
    return 'Browser storage is full: the change lasts until the tab closes. Export the library to keep it, then free space.';
  }
}

/** Call `onChange` when another tab changes the library. */
export function onLibraryChange(onChange: () => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key === LIBRARY_KEY || event.key === null) onChange();
  });
}
