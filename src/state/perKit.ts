/**
 * The figures per resident or per GDP, as the views draw them: loaded on
 * demand (state/drawn.ts) when a view asks for a measure other than the
 * absolute one, never before the first chart. Divides (data/perCapita.ts),
 * writes each ratio's formula in both languages (i18n/per.ts) and the
 * coverage of the ratios, once per package and measure.
 */
import { PER, perView, type PerBlock } from '../data/perCapita';
import { buildIndex, coverage, type Coverage, type FigureIndex } from '../data/query';
import type { DataPackage, Localised, MetricDef, PerKind } from '../data/types';
import { blockText, formulas, inputTexts, perMetric, tPer } from '../i18n/per';
import { useNotices } from './notices';
import { useStore } from './store';
import { replaceHistoryNext } from './urlSync';

export interface PerData {
  per: PerKind;
  /** the metric definitions the views show: the dividable ones with the ratio's unit, label and definition */
  metrics: Map<string, MetricDef>;
  index: FigureIndex;
  coverage: Map<string, Coverage>;
  /** metrics that offer no ratio (shown as they are), and why */
  blocked: Map<string, PerBlock>;
  /** the notice when a link asks for this measure of a metric that offers none */
  dropNotice: (metric: MetricDef) => Localised;
  /** back to absolute figures, with that notice, when the metric offers no ratio (else nothing) */
  drop: (metric: MetricDef) => void;
}

/** "2015–2024": the years of the denominator's provincial figures. */
export function yearSpan(c: Coverage | undefined): string {
  const ys = c?.provinceYears ?? [];
  return ys.length ? (ys.length > 1 ? `${ys[0]}–${ys[ys.length - 1]}` : String(ys[0])) : '—';
}

const cache = new WeakMap<FigureIndex, Map<PerKind, PerData>>();

/**
 * The package per resident or per GDP. `bundled`: the app's own package, whose
 * denominators serve when the package shown lacks them (the user's files alone).
 */
export function perData(pkg: DataPackage, index: FigureIndex, cov: Map<string, Coverage>, per: PerKind, bundled: DataPackage | null = null): PerData {
  let byPer = cache.get(index);
  if (!byPer) cache.set(index, (byPer = new Map()));
  const hit = byPer.get(per);
  if (hit) return hit;
  const den = PER[per].denominator;
  const denIdx = index.has(den) || !bundled ? index : buildIndex(bundled.figures.filter((f) => f.metric === den));
  const v = perView([...pkg.metrics.values()], index, per, (m) => perMetric(m, per), denIdx);
  const covs = new Map(cov);
  for (const [id, m] of v.metrics) {
    if (v.blocked.has(id)) continue;
    covs.set(id, coverage(v.index, id));
    const abs = pkg.metrics.get(id)!;
    for (const byYear of v.index.get(id)?.values() ?? []) for (const figs of byYear.values()) for (const f of figs) Object.assign(f.derived!, { formula: formulas(f, abs, m), inputs: { zh: inputTexts(f, abs.unit, 'zh'), en: inputTexts(f, abs.unit, 'en') } });
  }
  const years = yearSpan(coverage(denIdx, den));
  const measure = (lang: 'zh' | 'en') => tPer(lang, per);
  const out: PerData = {
    per,
    metrics: v.metrics,
    index: v.index,
    coverage: covs,
    blocked: v.blocked,
    dropNotice: (m) => {
      const text = (lang: 'zh' | 'en') => tPer(lang, 'dropped', { metric: m.label[lang], measure: measure(lang), reason: blockText(v.blocked.get(m.id) ?? 'years', per, lang, years) });
      return { zh: text('zh'), en: text('en') };
    },
    drop: (m) => {
      if (!v.blocked.has(m.id)) return;
      useNotices.getState().push({ key: `per:${m.id}`, text: out.dropNotice(m) });
      replaceHistoryNext();
      useStore.setState({ per: 'abs' });
    },
  };
  byPer.set(per, out);
  return out;
}
