/**
 * Datasets the user imported from their own CSV files: merged into every
 * view, kept in IndexedDB where the browser allows it (and only in memory
 * where it does not: sandboxed frames, private modes), removable again.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { DataMode, UserDataset } from '../data/merge';
import { mergePackage } from '../data/merge';
import { showPackage } from './data';
import { setUserDataHint, useUserCountStore } from './userCount';

export type { DataMode, UserDataset } from '../data/merge';
export const USER_GROUP = 'user';

interface UserState {
  sets: UserDataset[];
  mode: DataMode;
  storage: 'indexeddb' | 'memory';
}

export const useUserStore = create<UserState>()(() => ({ sets: [], mode: 'combined', storage: 'memory' }));

export function useUserData(): UserState {
  return useUserStore(useShallow((s) => ({ sets: s.sets, mode: s.mode, storage: s.storage })));
}


function apply(): void {
  const { sets, mode } = useUserStore.getState();
  useUserCountStore.setState({ n: sets.length });
  showPackage((bundled) => mergePackage(bundled, sets, mode));
}

// ---------------------------------------------------------------- IndexedDB

const DB = 'hatch-atlas';
const STORE = 'datasets';

function openDb(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB, 1);
    } catch (e) {
      fail(e);
      return;
    }
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
    req.onblocked = () => fail(new Error('IndexedDB blocked'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((ok, fail) => {
      const tx = db.transaction(STORE, mode);
      const r = f(tx.objectStore(STORE));
      tx.oncomplete = () => ok(r ? r.result : undefined);
      tx.onerror = () => fail(tx.error);
      tx.onabort = () => fail(tx.error);
    });
  } finally {
    db.close();
  }
}

let loading: Promise<void> | null = null;

/**
 * Load the datasets kept from earlier visits (once: the data loader may ask
 * for them before the first chart, start-up again after it). Never throws:
 * without storage the app simply has none.
 */
export function loadUserData(): Promise<void> {
  loading ??= readUserData();
  return loading;
}

async function readUserData(): Promise<void> {
  try {
    if (typeof indexedDB === 'undefined') return;
    const all = (await withStore<UserDataset[]>('readonly', (s) => s.getAll() as IDBRequest<UserDataset[]>)) ?? [];
    const mode = readMode();
    useUserStore.setState({ sets: all, storage: 'indexeddb', mode });
    setUserDataHint(all.length);
    if (all.length) apply();
  } catch (e) {
    console.warn('Hatch Atlas: imported data cannot be kept in this browser (no IndexedDB)', e);
    useUserStore.setState({ storage: 'memory' });
  }
}

export async function addUserDataset(ds: UserDataset): Promise<void> {
  useUserStore.setState((s) => ({ sets: [...s.sets.filter((x) => x.id !== ds.id), ds] }));
  apply();
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    await withStore('readwrite', (s) => s.put(ds));
    useUserStore.setState({ storage: 'indexeddb' });
    setUserDataHint(useUserStore.getState().sets.length);
  } catch (e) {
    console.warn('Hatch Atlas: the import is shown but cannot be kept after a reload here', e);
    useUserStore.setState({ storage: 'memory' });
  }
}

export async function removeUserDataset(id: string): Promise<void> {
  useUserStore.setState((s) => ({ sets: s.sets.filter((x) => x.id !== id) }));
  apply();
  try {
    if (typeof indexedDB !== 'undefined') await withStore('readwrite', (s) => s.delete(id));
    setUserDataHint(useUserStore.getState().sets.length);
  } catch (e) {
    console.warn('Hatch Atlas: could not remove the stored import', e);
  }
}

const MODE_KEY = 'hatch-atlas:data-mode';
function readMode(): DataMode {
  try {
    const v = localStorage.getItem(MODE_KEY);
    return v === 'user' || v === 'bundled' || v === 'combined' ? v : 'combined';
  } catch {
    return 'combined';
  }
}

export function setDataMode(mode: DataMode): void {
  useUserStore.setState({ mode });
  apply();
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    /* no storage (sandboxed frame): the choice lasts for this visit */
  }
}
