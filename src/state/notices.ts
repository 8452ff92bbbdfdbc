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

/** Shown for URL parameters that were present but not understood. */
export function rejectedParamNotice(rejected: { param: string; value: string }[]): ViewNotice | null {
  if (!rejected.length) return null;
  const list = rejected.map((r) => `${r.param}=${r.value.length > 40 ? r.value.slice(0, 40) + '…' : r.value}`).join(', ');
  return {
    key: 'rejected-params',
    text: {
      zh: `链接中的参数无法识别，已忽略：${list}`,
      en: `Ignored URL parameters that could not be understood: ${list}`,
    },
  };
}
