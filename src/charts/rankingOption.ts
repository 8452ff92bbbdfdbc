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
import type { YearSelection } from '../data/query';
import { baseCaution, rankBase } from '../data/rankBase';
import { regionName } from '../data/regions';
import type { Lang, MetricDef, Source } from '../data/types';
import { formatFigure, formatNumber, QUALIFIER_MARK } from '../i18n/format';
import { tRanking } from '../i18n/ranking';
import { t } from '../i18n/ui';
import { esc } from './escape';
import { CONFLICT_COLOR, figureLines, sourceLines } from './tooltipParts';
import { yearGroupsText } from './yearGroups';
import { chartAria, chartFrame, frameInsets, yearText } from './frame';
import type { RankingModel, RankingRow, Share, ShareReason } from './rankingModel';

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
export function barLabel(row: RankingRow, lang: Lang, latest: boolean, old = false): string {
  const f = row.cell.primary;
  let s = QUALIFIER_MARK[f.qualifier] + formatNumber(f.value, lang);
  if (latest) s += old ? ` (${row.year}, ${t(lang, 'oldFigures')})` : ` (${row.year})`;
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
  /** the chart's width where it is narrow (a small embed) */
  width?: number;
  /** duration of the update animation: the play interval while playing */
  animationMs?: number;
}

/** The tooltip's HTML for one bar. Every data string is escaped. */
export function rankingTooltipHtml(row: RankingRow, input: Pick<RankingOptionInput, 'lang' | 'metric' | 'yearSel' | 'sources'> & { model?: RankingModel }): string {
  const { lang, metric, yearSel, sources } = input;
  const st = input.model?.stale;
  const unit = metric.unit[lang];
  const figure = row.cell.primary;
  const lines: string[] = [];
  lines.push(
    `<b>${esc(regionName(row.region, lang))}</b> · ${esc(row.year)}` +
      (yearSel === 'latest' ? ` <span style="color:#666">(${esc(t(lang, 'yearOf', { year: row.year }))})</span>` : ''),
  );
  if (st?.stale.has(row.region)) lines.push(`<b style="color:#8a5a00">${esc(t(lang, 'staleNote', { newest: st.newest!, n: st.newest! - row.year }))}</b>`);
  lines.push(...figureLines(figure, unit, lang, rankBase(row.rank, row.ranked, yearSel === 'latest')));
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
/** an old figure ("latest available"): lighter, hatched */
const BAR_COLOR_OLD = '#b7c9dd';
const OLD_DECAL = { symbol: 'rect', symbolSize: 1, color: 'rgba(255,255,255,0.8)', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4 };

/** Height of the chart for n bars: grows so that labels never overlap. */
export function rankingHeight(n: number, compact = false): number {
  const { top, bottom } = frameInsets(compact);
  return Math.max(420, top + bottom + 40 + Math.max(1, n) * (compact ? 30 : 36));
}

/** The fewest pixels a bar with its name takes in a chart of a set height (an embed's frame). */
const MIN_BAR_PX = { compact: 20, wide: 24 };

/**
 * How many bars fit a chart `height` px tall with their names readable: null when all of `n`
 * do. A chart of a set height (an embed's frame) then shows the top ones, and says so.
 */
export function rankingBarsFitting(height: number, n: number, compact = false): number | null {
  const { top, bottom } = frameInsets(compact);
  // (a compact chart keeps room for a title on two lines)
  const fit = Math.max(3, Math.floor((height - top - bottom - 40 - (compact ? 19 : 0)) / (compact ? MIN_BAR_PX.compact : MIN_BAR_PX.wide)));
  return n > fit ? fit : null;
}

/** Rough width of a label in px (CJK ~1em, others ~0.6em). */
function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.62;
  return w;
}

export function buildRankingOption(input: RankingOptionInput): EChartsOption {
  const { lang, metric, yearSel, model, sources, sourceIds, compact = false, width, animationMs = 500 } = input;
  const unit = metric.unit[lang];
  const latest = yearSel === 'latest';
  const year = yearText(yearSel, lang);
  const fs = compact ? 11 : 13;
  const byCode = new Map(model.bars.map((r) => [r.region, r]));
  const old = model.stale?.stale ?? new Set<string>();
  const labels = new Map(model.bars.map((r) => [r.region, barLabel(r, lang, latest, old.has(r.region))]));
  const cut = model.top !== null && model.bars.length < model.ranked;

  const nationalText = model.national
    ? `${t(lang, 'nationalFigure')}${t(lang, 'colon')}${formatFigure(model.national.primary.value, model.national.primary.qualifier, unit, lang)}` +
      `${model.national.primary.asOf ? ` (${t(lang, 'asOf', { date: model.national.primary.asOf })})` : ''}` +
      `${model.national.conflict ? ` ⚠ ${t(lang, 'conflict')}` : ''}`
    : '';
  const anyIndicative = model.bars.some((r) => r.share?.indicative);
  // narrow screens: the title must fit one line, so "provinces ranked" is left out
  const title =
    (compact ? `${metric.label[lang]} · ${latest ? t(lang, 'latest') : year}` : tRanking(lang, 'rankingTitle', { metric: metric.label[lang], year })) +
    (cut ? ` · ${tRanking(lang, 'topN', { n: model.top! })}` : '');
  // the rank base, with its caution under 5 provinces; the years of "latest available"
  const caution = model.ranked ? baseCaution(model.ranked) : 'none';
  const few = caution === 'few' ? t(lang, 'rankFew', { n: model.ranked }) : caution === 'alone' ? t(lang, 'rankAlone') : '';
  const groups = model.stale && model.stale.groups.length ? yearGroupsText(model.stale, lang) : '';
  const frame = chartFrame({
    lang,
    title,
    subtitle:
      // the rank's base (its caution, or how many there are when only the top ones are shown) before what a narrow chart may cut off
      [compact && latest ? t(lang, 'yearsVary') : '', t(lang, 'legendUnit', { unit }), few || (cut ? t(lang, 'provincesWithData', { n: model.ranked }) : ''), nationalText, anyIndicative ? tRanking(lang, 'shareFootnoteShort') : '']
        .filter(Boolean)
        .join('   ') + (groups ? (compact ? '\n' : '   ') + groups : ''),
    sourceIds,
    sources,
    compact,
    width,
  });
  const insets = frameInsets(compact, title, width);
  const maxLabel = Math.max(0, ...[...labels.values()].map((s) => textWidth(s, fs)));

  const data = model.bars.map((r) => {
    const f = r.cell.primary;
    const qualified = f.qualifier !== 'exact';
    const isOld = old.has(r.region);
    return {
      name: r.region,
      value: f.value,
      itemStyle: {
        color: isOld ? BAR_COLOR_OLD : qualified ? BAR_COLOR_QUALIFIED : BAR_COLOR,
        ...(isOld ? { decal: OLD_DECAL } : {}),
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
      few ? `${few}.` : '',
      groups ? `${groups}.` : '',
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
        return row ? rankingTooltipHtml(row, { ...input, model }) : '';
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
      // long numbers (English) in a narrow chart: a label that would overlap its neighbour is left out
      axisLabel: { fontSize: fs, hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) },
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
        // every bar's name (ECharts would hide some in a short chart): the height keeps them apart
        interval: 0,
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
