/**
 * The library in browser storage: `localStorage` under LIBRARY_KEY (src/lib/library/store.ts), or, when a library
 * outgrows `localStorage` (about 5 MB, some 8,000 papers), IndexedDB (database `research-atlas`, store `library`)
 * with a small marker left under the same key, so other tabs still get the `storage` event on every change.
 * Every read goes through parseLibrary (which migrates older versions); a value it cannot read is left untouched
 * and reported, never overwritten. Storage that is full or blocked (private mode) gives a message and the page
 * keeps working with the library in memory.
 */
import { LIBRARY_KEY, emptyLibrary, parseLibrary, serializeLibrary, type Library } from '../../lib/library/store.ts';

export interface LoadedLibrary {
  library: Library;
  /** Why the stored library could not be read or storage is unavailable; the page shows it. */
  problem?: string;
}

/** What stays in localStorage when the library lives in IndexedDB; `revision` changes on every write. */
interface OverflowMarker {
  storedIn: 'indexeddb';
  revision: number;
}

const DATABASE = 'research-atlas';
const STORE = 'library';

let unreadable = false;
let current: Library | undefined;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function marker(text: string | null): OverflowMarker | undefined {
  if (text === null || !text.includes('"storedIn"')) return undefined;
  try {
    const value = JSON.parse(text) as Partial<OverflowMarker>;
    return value.storedIn === 'indexeddb' ? { storedIn: 'indexeddb', revision: Number(value.revision) || 0 } : undefined;
  } catch {
    return undefined;
  }
}

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function idb<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** The library as last read or written in this page (empty before the first read). */
export function currentLibrary(): Library {
  return current ?? emptyLibrary();
}

/** The stored library, migrated; an empty one (and a problem) when storage is blocked or the value unreadable. */
export async function loadLibrary(): Promise<LoadedLibrary> {
  const store = storage();
  if (!store) {
    current ??= emptyLibrary();
    return { library: current, problem: 'This browser blocks site storage (private mode?): saves last until the tab closes.' };
  }
  try {
    let text = store.getItem(LIBRARY_KEY);
    if (marker(text)) text = (await idb<string | undefined>('readonly', (objects) => objects.get(LIBRARY_KEY) as IDBRequest<string | undefined>)) ?? null;
    current = parseLibrary(text);
    unreadable = false;
    return { library: current };
  } catch (error) {
    unreadable = true;
    current = emptyLibrary();
    return { library: current, problem: `Your saved library could not be read (${(error as Error).message}); it is left as it was and nothing will overwrite it.` };
  }
}

/** Store the library; resolves to a message when it could not be stored (full, blocked, or an unreadable value to protect). */
export async function storeLibrary(library: Library): Promise<string | undefined> {
  current = library;
  const store = storage();
  if (!store) return 'This browser blocks site storage (private mode?): the change lasts until the tab closes.';
  if (unreadable) return 'The stored library could not be read, so it is not overwritten: export what you see to keep it.';
  const text = serializeLibrary(library);
  try {
    store.setItem(LIBRARY_KEY, text);
    return undefined;
  } catch {
    // localStorage is full: keep the library in IndexedDB and a marker in localStorage.
  }
  try {
    await idb('readwrite', (objects) => objects.put(text, LIBRARY_KEY));
    const next: OverflowMarker = { storedIn: 'indexeddb', revision: (marker(store.getItem(LIBRARY_KEY))?.revision ?? 0) + 1 };
    store.setItem(LIBRARY_KEY, JSON.stringify(next));
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
