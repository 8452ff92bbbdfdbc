import { tTrend } from '../i18n/trend';
import { useStore } from '../state/store';

/**
 * Show or hide the national line of the trend (`national=0` in the URL, kept in slides and
 * embeds): without it the axis is scaled to the provinces, whose changes the national scale
 * flattens. Not offered where there is no national line (share mode, no national figures).
 */
export function NationalToggle({ hasNational }: { hasNational: boolean }) {
  const lang = useStore((s) => s.lang);
  const national = useStore((s) => s.national);
  const mode = useStore((s) => s.mode);
  if (!hasNational || mode === 'share') return null;
  return (
    <label className="check" title={tTrend(lang, 'showNationalHint')}>
      <input type="checkbox" data-testid="national-toggle" checked={national} onChange={(e) => useStore.getState().setParam('national', e.target.checked)} />
      {tTrend(lang, 'showNational')}
    </label>
  );
}
