/**
 * The optional layer of named carriers on the province map: a `geo`
 * coordinate system laid out exactly like the map series (same map, same
 * box), drawn invisible, with one scatter series per kind of carrier on it.
 * Pure.
 */
import type { EChartsOption } from 'echarts';
import type { PlacedEntity } from '../data/carriers';
import { regionName } from '../data/regions';
import type { Lang, Source } from '../data/types';
import { ENTITY_KIND_LABELS, tViews } from '../i18n/views';
import { t } from '../i18n/ui';
import { esc } from './escape';
import { sourceShortName } from './sourceLabel';
import { overlayGeo, type MapBox } from './overlayGeo';

export const KIND_COLORS: Record<string, string> = {
  national_incubator: '#d95f02',
  university_science_park: '#7570b3',
  returnee_park: '#e7298a',
  returnee_park_base: '#1b9e77',
  home_program_base: '#66a61e',
  maker_space_national: '#a6761d',
};
const KIND_SYMBOLS: Record<string, string> = {
  national_incubator: 'circle',
  university_science_park: 'rect',
  returnee_park: 'triangle',
  returnee_park_base: 'diamond',
  home_program_base: 'pin',
  maker_space_national: 'arrow',
};

export type { MapBox } from './overlayGeo';

export function carrierTooltipHtml(p: PlacedEntity, lang: Lang, sources: ReadonlyMap<string, Source>): string {
  const e = p.entity;
  const kind = ENTITY_KIND_LABELS[e.kind]?.[lang] ?? e.kind;
  const rank = [e.rank && tViews(lang, 'entityRank', { rank: e.rank }), e.score].filter(Boolean).join(' · ');
  return [
    `<b>${esc(e.name)}</b>`,
    `${esc(kind)}`,
    `${esc(p.entity.region ? regionName(p.entity.region, lang) : '')} ${esc(e.city)}${e.year ? ` · ${esc(e.year)}` : ''}`,
    rank ? esc(rank) : '',
    `<span style="color:#555">${esc(t(lang, 'source'))}: ${esc(sourceShortName(sources.get(e.sourceId)))}</span>`,
  ]
    .filter(Boolean)
    .join('<br/>');
}

export type CarrierLayer = Pick<EChartsOption, 'geo' | 'series' | 'legend'>;

/** geo + scatter series to add to a map option built by buildMapOption. */
export function carrierLayer(placed: readonly PlacedEntity[], box: MapBox, lang: Lang, sources: ReadonlyMap<string, Source>, nameMap: Record<string, string>): CarrierLayer {
  const kinds = [...new Set(placed.map((p) => p.entity.kind))];
  // several carriers in one city: spread them a little around the centre point
  const seen = new Map<string, number>();
  const jitter = (p: PlacedEntity): [number, number] => {
    const k = p.city.code;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    if (n === 0) return p.city.cp;
    const a = n * 2.4;
    const r = 0.35 * Math.sqrt(n);
    return [p.city.cp[0] + r * Math.cos(a), p.city.cp[1] + r * Math.sin(a)];
  };
  const data = placed.map((p) => ({ p, value: jitter(p) }));
  return {
    geo: overlayGeo(nameMap, box),
    legend: {
      data: kinds.map((k) => ENTITY_KIND_LABELS[k]?.[lang] ?? k),
      top: 56,
      right: 16,
      orient: 'vertical',
      textStyle: { fontSize: 12 },
    },
    series: kinds.map((k) => ({
      type: 'scatter',
      name: ENTITY_KIND_LABELS[k]?.[lang] ?? k,
      coordinateSystem: 'geo',
      geoIndex: 0,
      symbol: KIND_SYMBOLS[k] ?? 'circle',
      symbolSize: 9,
      z: 4,
      itemStyle: { color: KIND_COLORS[k] ?? '#333', borderColor: '#fff', borderWidth: 1 },
      tooltip: { formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }).dataIndex;
        const own = data.filter((d) => d.p.entity.kind === k)[i];
        return own ? carrierTooltipHtml(own.p, lang, sources) : '';
      } },
      data: data.filter((d) => d.p.entity.kind === k).map((d) => ({ name: d.p.entity.id, value: d.value })),
    })),
  } as Pick<EChartsOption, 'geo' | 'series' | 'legend'>;
}
