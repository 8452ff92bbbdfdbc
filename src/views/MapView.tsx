import { useEffect, useMemo } from 'react';
import { buildMapOption } from '../charts/mapOption';
import { registerChinaMap } from '../charts/echarts';
import { nationalCell, provinceData, sourceIdsOf, type Cell } from '../data/query';
import { REGION_BY_CODE, regionName } from '../data/regions';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/strings';
import { ensureCities, useData } from '../state/data';
import { placeEntities } from '../data/carriers';
import { tv } from '../i18n/views';
import { useStore } from '../state/store';
import { THIS_YEAR, useResolvedView } from '../state/useResolved';
import { useMedia } from '../hooks';
import { EChart } from '../components/EChart';
import { ViewControls } from '../components/ViewControls';
import { SourcesPanel } from '../components/SourcesPanel';
import { Notice } from '../components/Notices';
import { yearRanges } from './labels';

export function MapView() {
  const lang = useStore((s) => s.lang);
  const { pkg, index, coverage, geo, geoError, nameMap, cities, citiesError } = useData();
  const showCarriers = useStore((s) => s.carriers);
  const setCarriers = useStore((s) => s.setCarriers);
  useEffect(() => {
    if (showCarriers) void ensureCities();
  }, [showCarriers]);
  const placement = useMemo(() => (showCarriers && pkg && cities ? placeEntities(pkg.entities, cities) : null), [showCarriers, pkg, cities]);
  const compact = useMedia('(max-width: 700px)');
  const resolved = useResolvedView();
  const navigate = useStore((s) => s.navigate);
  // clicking a province opens its profile
  const onEvents = useMemo(
    () => ({ click: (p: unknown) => {
      const code = String((p as { name?: string }).name ?? '');
      if (REGION_BY_CODE.has(code)) navigate({ view: 'province', region: code });
    } }),
    [navigate],
  );

  if (geo) registerChinaMap(geo);

  const metric = resolved?.metric ?? null;
  const year = resolved?.year ?? null;

  const view = useMemo(() => {
    if (!metric || year === null || !pkg) return null;
    const rows = provinceData(index, metric.id, year, THIS_YEAR);
    const national = typeof year === 'number' ? nationalCell(index, metric.id, year) : null;
    const cells: Cell[] = [...rows.map((r) => r.cell), ...(national ? [national] : [])];
    const sourceIds = sourceIdsOf(cells);
    // what each source supports, e.g. "江苏 2019: 848 家"
    const supports = new Map<string, string[]>();
    const unit = metric.unit[lang];
    const note = (region: string, y: number, c: Cell) => {
      for (const f of c.all) {
        const list = supports.get(f.sourceId) ?? [];
        list.push(`${regionName(region, lang)} ${y}: ${formatFigure(f.value, f.qualifier, unit, lang)}${f.asOf ? ` (${t(lang, 'asOf', { date: f.asOf })})` : ''}`);
        supports.set(f.sourceId, list);
      }
    };
    rows.forEach((r) => note(r.region, r.year, r.cell));
    if (national && typeof year === 'number') note('CN', year, national);
    return { rows, national, sourceIds, supports };
  }, [metric, year, pkg, index, lang]);

  const option = useMemo(() => {
    if (!view || !metric || year === null || !pkg || !geo) return null;
    return buildMapOption({ lang, metric, yearSel: year, rows: view.rows, national: view.national, sources: pkg.sources, nameMap, compact, sourceIds: view.sourceIds, carriers: placement?.placed });
  }, [view, metric, year, pkg, geo, lang, nameMap, compact, placement]);

  if (!pkg) return null;
  const cov = metric ? coverage.get(metric.id) : undefined;

  return (
    <main className="map-view" id="main">
      <ViewControls resolved={resolved}>
        <label className="check">
          <input type="checkbox" data-testid="carriers-toggle" checked={showCarriers} onChange={(e) => setCarriers(e.target.checked)} />
          {tv(lang, 'showCarriers')}
        </label>
      </ViewControls>
      {citiesError && <Notice kind="error">{t(lang, 'loadError', { file: citiesError, reason: '' })}</Notice>}
      {cov && cov.provincesAnyYear === 0 && <Notice>{t(lang, 'noProvincial')}</Notice>}
      {geoError && <Notice kind="error">{t(lang, 'mapError', { file: 'data/geo/china.json', reason: geoError })}</Notice>}
      {option && metric && (
        <EChart option={option} label={`${metric.label[lang]} ${year === 'latest' ? t(lang, 'latest') : year}`} height={compact ? 520 : 'max(440px, calc(100vh - 250px))'} testId="map-chart" onEvents={onEvents} />
      )}
      {metric && view && (
        <div className="below-chart">
          <div className="national" data-testid="national-figure">
            <span className="label">{t(lang, 'nationalFigure')}{typeof year === 'number' ? ` (${year})` : ''}: </span>
            {view.national ? (
              <strong>
                {formatFigure(view.national.primary.value, view.national.primary.qualifier, metric.unit[lang], lang)}
                {view.national.primary.asOf && ` (${t(lang, 'asOf', { date: view.national.primary.asOf })})`}
                {view.national.conflict && (
                  <span className="conflict"> ⚠ {t(lang, 'conflict')}: {view.national.all.map((f) => formatFigure(f.value, f.qualifier, metric.unit[lang], lang)).join(' / ')}</span>
                )}
              </strong>
            ) : (
              <span className="muted">{year === 'latest' ? '—' : t(lang, 'nationalNone')}</span>
            )}
          </div>
          <div className="metric-info">
            <strong>{metric.label[lang]}</strong> — {metric.definition[lang]} <span className="muted">({t(lang, `kind_${metric.kind}`)}; {t(lang, 'provincesWithData', { n: view.rows.length })}
              {cov && cov.nationalYears.length ? `; ${lang === 'zh' ? '全国数据年份' : 'national figures'}: ${yearRanges(cov.nationalYears)}` : ''})</span>
          </div>
          {placement && (
            <details className="unplaced" data-testid="unplaced-carriers">
              <summary>{tv(lang, 'carriersPlaced', { placed: placement.placed.length, unplaced: placement.unplaced.length })}</summary>
              <ul>
                {placement.unplaced.map(({ entity, reason }) => (
                  <li key={entity.id}>
                    {entity.name} — {entity.region ? regionName(entity.region, lang) : '—'}{entity.city ? ` ${entity.city}` : ''} ({tv(lang, reason === 'no_city' ? 'noCity' : 'cityNotFound')})
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="keyboard-hint muted">{t(lang, 'keyboardHint')}</p>
          <SourcesPanel lang={lang} all={pkg.sources} viewSources={view.sourceIds.map((id) => ({ id, figures: (view.supports.get(id) ?? []).join('; ') }))} />
        </div>
      )}
    </main>
  );
}
