import { describe, expect, it } from 'vitest';
import { parseCityPoints, placeEntities, type CityPoint } from '../../../src/data/carriers';
import { carrierLayer, carrierTooltipHtml } from '../../../src/charts/carrierLayer';
import { buildMapOption, mapBox } from '../../../src/charts/mapOption';
import type { Entity } from '../../../src/data/types';
import { metric, source, sourceMap } from '../helpers';

const pts: CityPoint[] = [
  { name: '南京', code: '320100', province: '320000', cp: [118.8, 32.06] },
  { name: '苏州', code: '320500', province: '320000', cp: [120.6, 31.3] },
  { name: '北京', code: '110000', province: '110000', cp: [116.4, 39.9] },
  { name: '朝阳', code: '211300', province: '210000', cp: [120.4, 41.6] },
];

function ent(p: Partial<Entity>): Entity {
  return { id: p.id ?? 'e', kind: p.kind ?? 'national_incubator', name: p.name ?? 'X', region: p.region ?? '', city: p.city ?? '', year: p.year ?? 2020, rank: p.rank ?? '', score: p.score ?? '', note: '', sourceId: p.sourceId ?? 's1' };
}

describe('placeEntities', () => {
  it('places a carrier at its city only when the city lies in its province', () => {
    const r = placeEntities(
      [
        ent({ id: 'a', region: '320000', city: '南京' }),
        ent({ id: 'b', region: '320000', city: '南京市' }),
        ent({ id: 'c', region: '110000', city: '北京' }),
        ent({ id: 'd', region: '320000', city: '常熟' }),
        ent({ id: 'e', region: '320000', city: '' }),
        ent({ id: 'f', region: '110000', city: '苏州' }),
      ],
      pts,
    );
    expect(r.placed.map((p) => [p.entity.id, p.city.code])).toEqual([
      ['a', '320100'],
      ['b', '320100'],
      ['c', '110000'],
    ]);
    expect(r.unplaced.map((u) => [u.entity.id, u.reason])).toEqual([
      ['d', 'city_not_found'],
      ['e', 'no_city'],
      ['f', 'city_not_found'],
    ]);
  });
  it('rejects malformed city point files', () => {
    expect(() => parseCityPoints({})).toThrow();
    expect(parseCityPoints({ points: [{ name: 'a', province: '1', cp: [1, 'x'] }, { name: '南京', code: '1', province: '320000', cp: [1, 2] }] })).toHaveLength(1);
  });
});

describe('carrier layer', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const placed = placeEntities(
    [ent({ id: 'a', name: evil, region: '320000', city: '南京', rank: '2', kind: 'returnee_park_base' }), ent({ id: 'b', region: '320000', city: '南京' })],
    pts,
  ).placed;
  const sources = sourceMap(source({ id: 's1', publisher: '"><script>x</script>' }));

  it('escapes names and sources in the tooltip', () => {
    const html = carrierTooltipHtml(placed[0]!, 'zh', sources);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x');
    expect(html).toContain('第 2 名');
    expect(html).toContain('南京');
  });

  it('lays the geo out exactly like the map series and splits series by kind', () => {
    const box = mapBox(false, true);
    const layer = carrierLayer(placed, box, 'en', sources, { 江苏: '320000' });
    const geo = layer.geo as { top: number; left: number; right: number; bottom: number; map: string; silent: boolean };
    expect([geo.top, geo.left, geo.right, geo.bottom]).toEqual([box.top, box.left, box.right, box.bottom]);
    expect(geo.map).toBe('china');
    expect(geo.silent).toBe(true);
    const series = layer.series as { name: string; data: { value: number[] }[] }[];
    expect(series).toHaveLength(2);
    // two carriers in one city are spread apart, not drawn on top of each other
    const all = series.flatMap((s) => s.data.map((d) => d.value.join(',')));
    expect(new Set(all).size).toBe(2);
  });

  it('is added to the map option only when carriers are given', () => {
    const base = { lang: 'zh' as const, metric: metric(), yearSel: 2020, rows: [], national: null, sources, nameMap: {}, sourceIds: [], scale: { kind: 'linear' as const, min: 0, max: 1 } };
    const without = buildMapOption(base) as { series: unknown[]; geo?: unknown };
    expect(without.series).toHaveLength(1);
    expect(without.geo).toBeUndefined();
    const layer = carrierLayer(placed, mapBox(false, true), 'zh', sources, {});
    const withLayer = buildMapOption({ ...base, layer }) as { series: { type: string; top?: number }[]; geo: { top: number } };
    expect(withLayer.series.map((s) => s.type)).toEqual(['map', 'scatter', 'scatter']);
    expect(withLayer.geo.top).toBe(withLayer.series[0]!.top);
  });
});
