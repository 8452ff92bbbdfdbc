import { lazy, Suspense } from 'react';
import { yearsFor } from '../data/query';
import { regionName } from '../data/regions';
import { topRegions, type TrendMode } from '../data/trend';
import type { Lang } from '../data/types';
import { t } from '../i18n/ui';
import { yearRanges } from '../i18n/labels';
import { tTrend } from '../i18n/trend';
import { tPer } from '../i18n/per';
import { useStore } from '../state/store';
import { MAX_REGIONS, TREND_MODES } from '../state/url';
import { useMedia } from '../hooks';
import { ChartPanel } from '../components/ChartPanel';
import { THIS_YEAR } from '../state/useResolved';
import { useTrendChart } from './useTrendChart';
import { NationalToggle } from './NationalToggle';
import { ViewControls } from '../components/ViewControls';
import { RegionMultiSelect } from '../components/RegionMultiSelect';
import { SourcesPanel } from '../components/SourcesPanel';
import { Notice } from '../components/Notices';
import { MetricInfo } from '../components/MetricInfo';
import { ViewLink } from '../components/ViewLink';
import { findingsExport, panelSources } from './chartModel';
import './trend.css';

const ViewFindings = lazy(() => import('./ViewFindings'));

/** How many provinces "add provinces with most data" adds at once. */
const ADD_MOST = 5;

/**
 * Trend view: the national figure and chosen provinces over the years.
 *
 * URL: `?view=trend&metric=…&regions=江苏,广东&mode=abs|yoy|share`. With no
 * `regions` the chart shows the national line and the 3 provinces with most
 * years of data for the metric; that default is NOT written into the URL (it
 * follows the metric), and the first change to the selection writes the
 * whole shown selection, so the link then reproduces exactly what is shown.
 */
export default function TrendView() {
  const compact = useMedia('(max-width: 700px)');
  const { lang, mode, pkg, index, resolved, metric, counts, eff, cov, hasNational, data, colors, view, option, label, findings } = useTrendChart(compact);
  if (!pkg) return null;

  const setRegions = (codes: string[]) => useStore.getState().setRegions(codes.slice(0, MAX_REGIONS));
  const more = metric ? topRegions(index, metric.id, ADD_MOST, eff.regions) : [];
  const provincesShown = eff.regions;

  return (
    <main className="trend-view" id="main">
      <ViewControls resolved={resolved} year={false}>
        <ModeControl lang={lang} mode={mode} hasNational={hasNational} ratio={Boolean(metric?.per)} />
        <NationalToggle hasNational={hasNational} />
      </ViewControls>
      <RegionMultiSelect
        lang={lang}
        counts={counts}
        selected={provincesShown}
        isDefault={eff.isDefault}
        colors={colors}
        onChange={setRegions}
        onAddMost={more.length ? () => setRegions([...provincesShown, ...more]) : null}
        addMostCount={more.length || ADD_MOST}
      />
      {mode === 'share' && metric && !hasNational && <Notice kind="warn">{tTrend(lang, 'noNationalForShare')}</Notice>}
      {cov && cov.provincesAnyYear === 0 && <Notice>{tTrend(lang, 'nationalOnly')}</Notice>}
      {option && metric && (
        <ChartPanel option={option} label={label} height={compact ? 520 : 'max(460px, calc(100vh - 330px))'} testId="trend-chart"
          exportInfo={{ metric, year: 'all', view: 'trend', csv: async () => (await import('../data/csvExport')).chartDataCsv(index, metric, 'all', pkg.sources, lang, THIS_YEAR, eff.regions), findings: findingsExport(findings, lang, { index, pkg }) }} />
      )}
      {metric && data && view && (
        <div className="below-chart">
          {findings && (
            <Suspense fallback={null}>
              <ViewFindings spec={findings} title={label} />
            </Suspense>
          )}
          <p className="trend-mode-hint muted" data-testid="trend-mode-hint">{tTrend(lang, `modeHint_${mode}`)}</p>
          {provincesShown.length > 0 && <ProfileLinks lang={lang} regions={provincesShown} colors={colors} />}
          <MetricInfo lang={lang} metric={metric} cov={cov}
            more={provincesShown.map((code) => `; ${regionName(code, lang)}: ${yearRanges(yearsFor(index, metric.id, code)) || t(lang, 'noData')}`).join('')} />
          <SourcesPanel lang={lang} all={pkg.sources} viewSources={panelSources(view.sourceIds, view.supports)} />
        </div>
      )}
    </main>
  );
}

/** Links to the profiles of the provinces drawn, each with its line colour. */
function ProfileLinks({ lang, regions, colors }: { lang: Lang; regions: readonly string[]; colors: ReadonlyMap<string, string> }) {
  return (
    <nav className="trend-profiles" aria-label={tTrend(lang, 'profiles')}>
      <span className="field-label">{tTrend(lang, 'profiles')}:</span>
      <ul>
        {regions.map((code) => {
          const name = regionName(code, lang);
          return (
            <li key={code}>
              <ViewLink to={{ view: 'province', region: code }} data-testid={`profile-${code}`} aria-label={tTrend(lang, 'openProfile', { name })}>
                <span className="trend-swatch" style={{ background: colors.get(code) ?? '#888' }} aria-hidden="true" />
                {tTrend(lang, 'profileLink', { name })}
              </ViewLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Segmented control (radio group) for abs / yoy / share. */
function ModeControl({ lang, mode, hasNational, ratio }: { lang: Lang; mode: TrendMode; hasNational: boolean; ratio: boolean }) {
  const setMode = useStore((s) => s.setMode);
  return (
    <fieldset className="trend-mode" data-testid="trend-mode">
      <legend className="field-label">{tTrend(lang, 'mode')}</legend>
      <div className="trend-segments">
        {TREND_MODES.map((m) => {
          // no share without national figures, nor of a ratio (per resident, per GDP)
          const disabled = m === 'share' && (ratio || (!hasNational && mode !== 'share'));
          const why = ratio ? tPer(lang, 'noShare') : tTrend(lang, 'shareDisabled');
          return (
            <label key={m} className={`trend-segment${mode === m ? ' checked' : ''}${disabled ? ' disabled' : ''}`} title={disabled ? why : tTrend(lang, `modeHint_${m}`)}>
              <input type="radio" name="trend-mode" value={m} checked={mode === m} disabled={disabled} onChange={() => setMode(m)} data-testid={`mode-${m}`} />
              <span>{tTrend(lang, `mode_${m}`)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
