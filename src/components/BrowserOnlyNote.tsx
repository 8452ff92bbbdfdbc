import { useShallow } from 'zustand/react/shallow';
import type { Lang } from '../data/types';
import { importedSetsFor } from '../data/merge';
import { slideView, type Slide } from '../state/deck';
import { tShare } from '../i18n/share';
import { t } from '../i18n/ui';
import { useStore } from '../state/store';
import { useUserStore } from '../state/userData';

/**
 * In a dialog that makes a link, an embed code or a slide: a note when the
 * view draws figures imported in this browser only (elsewhere the link says
 * they are missing, state/selectors.ts), with the files they came from.
 */
export function BrowserOnlyNote({ lang, deck }: { lang: Lang; deck?: readonly Slide[] }) {
  const metric = useStore((s) => s.metric);
  const { sets, mode } = useUserStore(useShallow((s) => ({ sets: s.sets, mode: s.mode })));
  const used = importedSetsFor(sets, mode, [metric, ...(deck ?? []).map((d) => slideView(d).metric)]);
  if (!used.length) return null;
  return (
    <p className="notice warn" data-testid="browser-only-note">
      {tShare(lang, 'browserOnly', { files: used.map((s) => s.fileName).join(t(lang, 'listSep')) })}
    </p>
  );
}
