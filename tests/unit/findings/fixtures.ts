/**
 * Synthetic fixtures of the findings tests (not shipped data): figures by
 * province and year for one metric, with their sources.
 */
import { buildIndex, type FigureIndex } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import type { Figure, MetricDef, Source } from '../../../src/data/types';
import { fig, metric, source, sourceMap } from '../helpers';

export const JS = '320000';
export const GD = '440000';
export const ZJ = '330000';
export const SD = '370000';
export const HA = '410000';
export const HB = '420000';
export const BJ = '110000';
export const CN = NATIONAL;

export const M: MetricDef = metric({ id: 'inc', label: { zh: '孵化器', en: 'Incubators' }, unit: { zh: '家', en: 'incubators' } });

export const SOURCES = sourceMap(
  source({ id: 's1', publisher: '科技部火炬中心', url: 'https://example.org/torch', quote: '全国孵化器 1100 家' }),
  source({ id: 's2', publisher: '江苏省科技厅', url: 'https://example.org/js', quote: '江苏 244 家' }),
  source({ id: 's3', citation: '《某省统计公报》，2023', publisher: '某省统计公报', quote: '超过 5 万家' }),
);

/** Figures of metric `inc`: `[region, year, value, overrides]`. */
export function figures(rows: [string, number, number, Partial<Figure>?][], m = M): { idx: FigureIndex; figs: Figure[] } {
  const figs = rows.map(([region, year, value, o]) => fig({ metric: m.id, region, year, value, sourceId: 's1', id: `${region}-${year}${o?.id ?? ''}`, ...o }));
  return { idx: buildIndex(figs), figs };
}

/** Six provinces in 2022 and 2023 and the national figure of both years: every rank sentence has its base. */
export const SIX: [string, number, number, Partial<Figure>?][] = [
  [JS, 2022, 200], [GD, 2022, 150], [ZJ, 2022, 125], [SD, 2022, 100], [HA, 2022, 50], [HB, 2022, 40], [CN, 2022, 1000],
  [JS, 2023, 244, { sourceId: 's2' }], [GD, 2023, 180], [ZJ, 2023, 150], [SD, 2023, 90], [HA, 2023, 60], [HB, 2023, 40], [CN, 2023, 1100],
];

export { source };
export type { Source };
