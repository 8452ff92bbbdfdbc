import type { Staleness } from '../data/staleness';
import type { Lang } from '../data/types';
import { t } from '../i18n/ui';
import { useStore } from '../state/store';
import type { MetricScale } from './useMetricScale';

/** The map's colour scale (all kinds the metric allows; the default marked). */
export function ScaleControl({ lang, scale }: { lang: Lang; scale: MetricScale | null }) {
  const wanted = useStore((s) => s.scale);
  if (!scale) return null;
  return (
    <label className="field">
      <span className="field-label">{t(lang, 'scale')}</span>
      <select data-testid="scale-select" value={wanted && scale.available.includes(wanted) ? wanted : ''}
        onChange={(e) => useStore.getState().setParam('scale', (e.target.value || null) as typeof wanted)}>
        <option value="">{t(lang, `scale_${scale.defaultKind}`)} ({t(lang, 'scaleAuto')})</option>
        {scale.available.filter((k) => k !== scale.defaultKind).map((k) => <option key={k} value={k}>{t(lang, `scale_${k}`)}</option>)}
      </select>
    </label>
  );
}

/** "Latest available": hide the old figures (shown only when there are some). */
export function HideStaleControl({ lang, stale }: { lang: Lang; stale: Staleness | null }) {
  const hide = useStore((s) => s.hideStale);
  if (!stale?.stale.size) return null;
  return (
    <label className="check" title={t(lang, 'staleYears', { n: stale.threshold })}>
      <input type="checkbox" data-testid="hide-stale" checked={hide} onChange={(e) => useStore.getState().setParam('hideStale', e.target.checked)} />
      {t(lang, 'hideStale')} ({stale.stale.size})
    </label>
  );
}

/** The map view's reading controls: its colour scale and, in "latest available", hiding old figures. */
export default function MapReadingControls({ lang, scale, stale, latest }: { lang: Lang; scale: MetricScale | null; stale: Staleness | null; latest: boolean }) {
  return (
    <>
      <ScaleControl lang={lang} scale={scale} />
      {latest && <HideStaleControl lang={lang} stale={stale} />}
    </>
  );
}
