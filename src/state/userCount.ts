import { create } from 'zustand';

/**
 * How many imported datasets are shown: a tiny store the app shell can read
 * without loading the import code (state/userData.ts keeps it current).
 */
export const useUserCountStore = create<{ n: number }>()(() => ({ n: 0 }));
export function useUserDataCount(): number {
  return useUserCountStore((s) => s.n);
}

/**
 * A hint kept beside the datasets (localStorage): "this browser has imported
 * datasets". With it, their code and data load at once, before the first
 * chart; without it, after the first chart (there is nothing to merge).
 */
const HINT_KEY = 'hatch-atlas:user-sets';
export function userDataHinted(): boolean {
  try {
    return Number(localStorage.getItem(HINT_KEY) ?? '0') > 0;
  } catch {
    return false;
  }
}
export function setUserDataHint(n: number): void {
  try {
    if (n > 0) localStorage.setItem(HINT_KEY, String(n));
    else localStorage.removeItem(HINT_KEY);
  } catch {
    /* no storage (sandboxed frame): nothing is kept after this visit anyway */
  }
}
