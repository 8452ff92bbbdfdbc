/**
 * The provinces ranked for one metric and year, as a horizontal bar chart
 * that doubles as a bar-chart race when the years play. Pure: data in,
 * option out; unit-tested without a DOM.
 *
 * Honesty rules: provinces without a figure are not bars (they are returned
 * as a list); a share of the national figure is only computed where both
 * figures exist and is marked indicative when either is a bound or an
 * approximation, dated differently, or disputed; value labels always show
 * the real figure (no interpolated numbers while bars move).
 */
import type { EChartsOption } from 'echarts';
import { cellAt, nationalCell, provinceData, type Cell, type FigureIndex, type ProvinceDatum, type YearSelection } from '../data/query';
import { NATIONAL, REGIONS, regionName } from '../data/regions';
import type { Lang, MetricDef, Source } from '../data/types';
import { formatFigure, formatNumber, QUALIFIER_MARK } from '../i18n/format';
import { tRanking } from '../i18n/ranking';
import { t } from '../i18n/ui';
import { esc } from './escape';
import { CONFLICT_COLOR, figureLines, sourceLines } from './tooltipParts';
import { chartAria, chartFrame, frameInsets, yearText } from './frame';

export type ShareReason = 'bound' | 'approx' | 'date' | 'conflict' | 'exceeds';

export interface Share {
  /** province value / national value (primary figures) */
  ratio: number;
  /** true when the share must not be read as exact */
  indicative: boolean;
  reasons: ShareReason[];
}

export interface RankingRow extends ProvinceDatum {
  /** the national figure of the row's year, if any */
  national: Cell | null;
  share: Share | null;
}

export interface RankingModel {
  /** bars to draw, largest first (top-N cut, ties at the cut kept) */
  bars: RankingRow[];
  /** provinces with a figure (before the top-N cut) */
  ranked: number;
  /** codes of provinces without a figure, in the usual province order */
  noData: string[];
  /** national figure of the selected year (null for 'latest' or when there is none) */
  national: Cell | null;
  top: number | null;
}

/** Share of the national figure, or null when there is no national figure (or it is not positive), or for a ratio. */
export function shareOf(cell: Cell, national: Cell | null): Share | null {
  // a ratio (per resident, per GDP) is no part of the national ratio
  if (!national || cell.primary.derived) return null;
  const p = cell.primary;
  const n = national.primary;
  if (!(n.value > 0)) return null;
  const ratio = p.value / n.value;
  const reasons: ShareReason[] = [];
  if (p.qualifier === 'at_least' || n.qualifier === 'at_least') reasons.push('bound');
  if (p.qualifier === 'about' || n.qualifier === 'about') reasons.push('approx');
  if ((p.asOf ?? '') !== (n.asOf ?? '')) reasons.push('date');
  if (cell.conflict || national.conflict) reasons.push('conflict');
  if (ratio > 1) reasons.push('exceeds');
  return { ratio, indicative: reasons.length > 0, reasons };
}

/**
 * The ranking for a metric and a year ('latest': each province at its most
 * recent year no later than maxYear). Provinces without a figure are listed
 * in `noData`, never given a bar.
 */
export function rankingModel(idx: FigureIndex, metricId: string, sel: YearSelection, top: number | null, maxYear = Number.POSITIVE_INFINITY): RankingModel {
  const rows = provinceData(idx, metricId, sel, maxYear);
  const sorted = rows
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.cell.primary.value - a.d.cell.primary.value || a.i - b.i)
    .map(({ d }) => {
      const national = nationalCell(idx, metricId, d.year);
      return { ...d, national, share: shareOf(d.cell, national) };
    });
  const bars = top === null ? sorted : sorted.filter((r) => r.rank <= top);
  const have = new Set(rows.map((r) => r.region));
  return {
    bars,
    ranked: rows.length,
    noData: REGIONS.map((r) => r.code).filter((c) => !have.has(c)),
    national: typeof sel === 'number' ? cellAt(idx, metricId, NATIONAL, sel) : null,
    top,
  };
}

/** A share given as a ratio, in percent: 0.153 → "15.3%", under 0.1% → "<0.1%". */
export function formatShareRatio(ratio: number): string {
  const p = ratio * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${p.toFixed(1)}%`;
}

/** "15.3%" or, when indicative, "15.3%*". */
export function shareText(s: Share, lang: Lang): string {
  return formatShareRatio(s.ratio) + (s.indicative ? tRanking(lang, 'shareIndicativeMark') : '');
}

/** The label at the end of a bar: "≥ 4万 (2021) · 15.3%* ⚠ 来源不一致". */
export function barLabel(row: RankingRow, lang: Lang, latest: boolean): string {
  const f = row.cell.primary;
  let s = QUALIFIER_MARK[f.qualifier] + formatNumber(f.value, lang);
  if (latest) s += ` (${row.year})`;
  if (row.share) s += ` · ${shareText(row.share, lang)}`;
  if (row.cell.conflict) s += ` ⚠ ${t(lang, 'conflict')}`;
  return s;
}

function reasonText(r: ShareReason, row: RankingRow, lang: Lang): string {
  if (r !== 'date') return tRanking(lang, `reason_${r}`);
  const a = row.cell.primary.asOf ?? `${row.year} ${tRanking(lang, 'yearEnd')}`;
  const b = row.national?.primary.asOf ?? `${row.year} ${tRanking(lang, 'yearEnd')}`;
  return tRanking(lang, 'reason_date', { a, b });
}

export interface RankingOptionInput {
  lang: Lang;
  metric: MetricDef;
  yearSel: YearSelection;
  model: RankingModel;
  sources: ReadonlyMap<string, Source>;
  sourceIds: readonly string[];
  compact?: boolean;
  /** duration of the update animation: the play interval while playing */
  animationMs?: number;
}

/** The tooltip's HTML for one bar. Every data string is escaped. */
export function rankingTooltipHtml(row: RankingRow, input: Pick<RankingOptionInput, 'lang' | 'metric' | 'yearSel' | 'sources'>): string {
  const { lang, metric, yearSel, sources } = input;
  const unit = metric.unit[lang];
  const figure = row.cell.primary;
  const lines: string[] = [];
  lines.push(
    `<b>${esc(regionName(row.region, lang))}</b> · ${esc(row.year)}` +
      (yearSel === 'latest' ? ` <span style="color:#666">(${esc(t(lang, 'yearOf', { year: row.year }))})</span>` : ''),
  );
  lines.push(...figureLines(figure, unit, lang, row.rank, row.ranked));
  if (row.national) {
    const national = row.national.primary;
    lines.push(
      `${esc(t(lang, 'nationalFigure'))} (${esc(row.year)}): ${esc(formatFigure(national.value, national.qualifier, unit, lang))}` +
        `${national.asOf ? ` (${esc(t(lang, 'asOf', { date: national.asOf }))})` : ''}` +
        `${row.national.conflict ? ` <b style="color:${CONFLICT_COLOR}">⚠ ${esc(t(lang, 'conflict'))}</b>` : ''}`,
    );
  }
  if (row.share) {
    const share = row.share;
    lines.push(
      `${esc(tRanking(lang, 'shareOfNational'))}: <b>${esc(shareText(share, lang))}</b>` +
        (share.indicative
          ? ` <span style="color:#666">(${esc(tRanking(lang, 'shareIndicative'))}: ${esc(share.reasons.map((r) => reasonText(r, row, lang)).join(t(lang, 'semiSep')))})</span>`
          : ''),
    );
  } else if (!figure.derived) {
    lines.push(`<span style="color:#666">${esc(tRanking(lang, 'noShare'))}</span>`);
  }
  lines.push(...sourceLines(row.cell, unit, lang, sources));
  return `<div style="max-width:340px;white-space:normal;line-height:1.5">${lines.join('<br/>')}</div>`;
}

const BAR_COLOR = '#1d5fa8';
const BAR_COLOR_QUALIFIED = '#7ea9d8';

/** Height of the chart for n bars: grows so that labels never overlap. */
export function rankingHeight(n: number, compact = false): number {
  const { top, bottom } = frameInsets(compact);
  return Math.max(420, top + bottom + 40 + Math.max(1, n) * (compact ? 30 : 36));
}

/** Rough width of a label in px (CJK ~1em, others ~0.6em). */
function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.62;
  return w;
}

export function buildRankingOption(input: RankingOptionInput): EChartsOption {
  const { lang, metric, yearSel, model, sources, sourceIds, compact = false, animationMs = 500 } = input;
  const unit = metric.unit[lang];
  const latest = yearSel === 'latest';
  const year = yearText(yearSel, lang);
  const fs = compact ? 11 : 13;
  const byCode = new Map(model.bars.map((r) => [r.region, r]));
  const labels = new Map(model.bars.map((r) => [r.region, barLabel(r, lang, latest)]));
  const cut = model.top !== null && model.bars.length < model.ranked;

  const nationalText = model.national
    ? `${t(lang, 'nationalFigure')}: ${formatFigure(model.national.primary.value, model.national.primary.qualifier, unit, lang)}` +
      `${model.national.primary.asOf ? ` (${t(lang, 'asOf', { date: model.national.primary.asOf })})` : ''}` +
      `${model.national.conflict ? ` ⚠ ${t(lang, 'conflict')}` : ''}`
    : '';
  const anyIndicative = model.bars.some((r) => r.share?.indicative);
  // narrow screens: the title must fit one line, so "provinces ranked" is left out
  const title =
    (compact ? `${metric.label[lang]} · ${latest ? t(lang, 'latest') : year}` : tRanking(lang, 'rankingTitle', { metric: metric.label[lang], year })) +
    (cut ? ` · ${tRanking(lang, 'topN', { n: model.top! })}` : '');
  const frame = chartFrame({
    lang,
    title,
    subtitle: [compact && latest ? t(lang, 'yearsVary') : '', t(lang, 'legendUnit', { unit }), nationalText, anyIndicative ? tRanking(lang, 'shareFootnoteShort') : '']
      .filter(Boolean)
      .join('   '),
    sourceIds,
    sources,
    compact,
  });
  const insets = frameInsets(compact, title);
  const maxLabel = Math.max(0, ...[...labels.values()].map((s) => textWidth(s, fs)));

  const data = model.bars.map((r) => {
    const f = r.cell.primary;
    const qualified = f.qualifier !== 'exact';
    return {
      name: r.region,
      value: f.value,
      itemStyle: {
        color: qualified ? BAR_COLOR_QUALIFIED : BAR_COLOR,
        ...(r.cell.conflict
          ? { borderColor: CONFLICT_COLOR, borderType: 'dashed' as const, borderWidth: 2 }
          : qualified
            ? { borderColor: BAR_COLOR, borderType: 'dashed' as const, borderWidth: 1 }
            : { borderWidth: 0 }),
      },
    };
  });

  return {
    title: frame.title,
    aria: chartAria([
      `${title}.`,
      t(lang, 'provincesWithData', { n: model.ranked }) + '.',
      ...model.bars.map((r) => `${r.rank}. ${regionName(r.region, lang)}: ${labels.get(r.region)}.`),
      nationalText,
      model.noData.length ? `${tRanking(lang, 'noDataList')}: ${model.noData.map((c) => regionName(c, lang)).join(t(lang, 'listSep'))}.` : '',
    ]),
    // bars entering grow in step with those moving, so that no frame shows them out of proportion
    animationDuration: animationMs,
    animationDurationUpdate: animationMs,
    animationEasing: 'linear',
    animationEasingUpdate: 'linear',
    tooltip: {
      trigger: 'item',
      confine: true,
      enterable: false,
      formatter: (p: unknown) => {
        const row = byCode.get(String((p as { name?: string }).name ?? ''));
        return row ? rankingTooltipHtml(row, input) : '';
      },
    },
    grid: {
      top: insets.top + 8,
      bottom: insets.bottom + 26,
      left: compact ? 8 : 16,
      right: Math.min(compact ? 150 : 300, Math.ceil(maxLabel) + 16),
      // the grid box includes the axis labels (ECharts 6's replacement for containLabel)
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'value',
      min: 0,
      splitNumber: compact ? 3 : 5,
      axisLabel: { fontSize: fs, formatter: (v: number) => formatNumber(v, lang) },
      // palette colours the dark theme knows how to map (see theme.ts)
      splitLine: { lineStyle: { color: '#d5d8dc', opacity: 0.7 } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.bars.map((r) => r.region),
      triggerEvent: true,
      axisTick: { show: false },
      axisLabel: {
        fontSize: compact ? 12 : 14,
        color: '#222',
        formatter: (code: string) => regionName(code, lang),
      },
      animationDuration: 300,
      animationDurationUpdate: 300,
    },
    graphic: [
      ...(frame.graphic as object[]),
      {
        id: 'ranking-year',
        type: 'text',
        right: compact ? 20 : 48,
        bottom: insets.bottom + (compact ? 40 : 52),
        z: 100,
        silent: true,
        style: {
          text: latest ? '' : String(yearSel),
          font: `bold ${compact ? 44 : 84}px sans-serif`,
          fill: '#999',
          opacity: 0.45,
          textAlign: 'right',
        },
      },
    ],
    series: [
      {
        id: 'ranking',
        type: 'bar',
        realtimeSort: true,
        barMaxWidth: compact ? 22 : 28,
        barCategoryGap: '28%',
        cursor: 'pointer',
        label: {
          show: true,
          position: 'right',
          fontSize: fs,
          color: '#1a1d21',
          formatter: (p: unknown) => labels.get(String((p as { name?: string }).name ?? '')) ?? '',
        },
        emphasis: { itemStyle: { color: '#f59e0b' } },
        data,
      },
    ],
  } as EChartsOption;
}
