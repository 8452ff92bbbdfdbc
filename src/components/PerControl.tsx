/**
 * The measure select: absolute · per million residents · per 100 billion
 * yuan of GDP (`per=` in the URL). An option the metric does not offer is
 * disabled and the reason is shown. Loaded after the first chart.
 */
import { useMemo } from 'react';
import { buildIndex, type FigureIndex } from '../data/query';
import { metricBlock, PER, PER_KINDS, type PerBlock } from '../data/perCapita';
import type { PerKind } from '../data/types';
import { blockText, tPer } from '../i18n/per';
import { useData } from '../state/data';
import { loadPerKit } from '../state/drawn';
import { yearSpan } from '../state/perKit';
import { useStore } from '../state/store';
import { coverage } from '../data/query';
import './per.css';

/** `metricId`: the metric shown (its options are checked), or null for a view of many metrics (the province profile). */
export default function PerControl({ metricId }: { metricId: string | null }) {
  const lang = useStore((s) => s.lang);
  const per = useStore((s) => s.per);
  const { pkg, index, bundled } = useData();
  const blocks = useMemo(() => {
    const out = new Map<PerKind, PerBlock>();
    const m = metricId ? pkg?.metrics.get(metricId) : undefined;
    if (!m || !pkg) return out;
    for (const k of PER_KINDS) {
      const den = PER[k].denominator;
      const denIdx: FigureIndex = index.has(den) || !bundled ? index : buildIndex(bundled.figures.filter((f) => f.metric === den));
      const b = metricBlock(m, index, k, denIdx);
      if (b) out.set(k, b);
    }
    return out;
  }, [metricId, pkg, index, bundled]);
  const reason = (k: PerKind) => {
    const b = blocks.get(k);
    return b ? blockText(b, k, lang, yearSpan(coverage(index, PER[k].denominator))) : '';
  };
  const blockedNote = blocks.size ? reason(blocks.has('capita') ? 'capita' : 'gdp') : '';
  return (
    <label className="field per-field" onPointerEnter={loadPerKit} onFocus={loadPerKit}>
      <span className="field-label">{tPer(lang, 'measure')}</span>
      <select data-testid="per-select" aria-label={tPer(lang, 'measureAria')} aria-describedby={blockedNote ? 'per-reason' : undefined} value={per}
        onChange={(e) => useStore.getState().setParam('per', e.target.value as typeof per)}>
        <option value="abs">{tPer(lang, 'abs')}</option>
        {PER_KINDS.map((k) => (
          <option key={k} value={k} disabled={blocks.has(k)} title={reason(k) || undefined}>
            {tPer(lang, k)}{blocks.has(k) ? tPer(lang, 'unavailable') : ''}
          </option>
        ))}
      </select>
      {blockedNote && <span className="per-reason muted" id="per-reason" data-testid="per-reason">{tPer(lang, 'disabled', { reason: blockedNote })}</span>}
    </label>
  );
}
