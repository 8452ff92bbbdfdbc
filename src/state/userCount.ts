import { create } from 'zustand';

/**
 * How many imported datasets are shown: a tiny store the app shell can read
 * without loading the import code (state/userData.ts keeps it current).
 */
export const useUserCountStore = create<{ n: number }>()(() => ({ n: 0 }));
export function useUserDataCount(): number {
  return useUserCountStore((s) => s.n);
}
