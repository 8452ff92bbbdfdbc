/**
 * Notices about the view the user asked for (an unknown metric in the URL, a
 * year without data…). They stay until dismissed, so that normalising the
 * URL does not hide why the view differs from the link.
 */
import { create } from 'zustand';
import type { Localised } from '../data/types';

export interface ViewNotice {
  key: string;
  text: Localised;
}

interface NoticeState {
  notices: ViewNotice[];
  push: (n: ViewNotice) => void;
  dismiss: (key: string) => void;
  clear: () => void;
}

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push: (n) => set((s) => (s.notices.some((x) => x.key === n.key) ? s : { notices: [...s.notices, n] })),
  dismiss: (key) => set((s) => ({ notices: s.notices.filter((x) => x.key !== key) })),
  clear: () => set({ notices: [] }),
}));
