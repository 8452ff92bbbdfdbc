/**
 * Every kind of named carrier in the shipped entities.csv has its names in
 * both languages, a place in the carriers view's order, and its own colour
 * and symbol on the map layer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carrierLayer, KIND_COLORS } from '../../../src/charts/carrierLayer';
import { parseCsv } from '../../../src/data/csv';
import { ENTITY_KIND_ORDER, kindCounts } from '../../../src/data/entities';
import type { Entity } from '../../../src/data/types';
import { kindLabel } from '../../../src/i18n/ranking';
import { ENTITY_KIND_LABELS } from '../../../src/i18n/views';

const csv = parseCsv(readFileSync(new URL('../../../public/data/entities.csv', import.meta.url), 'utf8'));
const kinds = [...new Set(csv.rows.map((r) => (r.cells.kind ?? '').trim()))];

describe('entity kinds of the shipped data', () => {
  it('include the nationally filed maker spaces (国家备案众创空间)', () => {
    expect(kinds).toContain('maker_space_national');
    expect(kindLabel('maker_space_national', 'zh')).toBe('国家备案众创空间');
    expect(ENTITY_KIND_LABELS.maker_space_national).toEqual({ zh: '国家备案众创空间', en: 'National maker space (filed)' });
  });

  it('each has labels in both languages and a place in the display order', () => {
    for (const k of kinds) {
      expect(ENTITY_KIND_ORDER, k).toContain(k);
      expect(kindLabel(k, 'zh'), k).not.toBe(k);
      expect(kindLabel(k, 'en'), k).not.toBe(k);
      expect(ENTITY_KIND_LABELS[k]?.zh, k).toMatch(/[\u4e00-\u9fff]/);
      expect(ENTITY_KIND_LABELS[k]?.en, k).toMatch(/[A-Za-z]/);
    }
    // the filter offers them in that order
    const ents = kinds.map((kind, i) => ({ id: `e${i}`, kind, name: 'n', region: '', city: '', year: null, rank: '', score: '', note: '', sourceId: 's' }) as Entity);
    expect(kindCounts(ents).map((c) => c.kind)).toEqual(ENTITY_KIND_ORDER.filter((k) => kinds.includes(k)));
  });

  it('each is drawn on the map in its own colour and symbol', () => {
    expect(new Set(kinds.map((k) => KIND_COLORS[k])).size).toBe(kinds.length);
    const placed = kinds.map((kind, i) => ({
      entity: { id: `e${i}`, kind, name: `n${i}`, region: '320000', city: '南京', year: 2020, rank: '', score: '', note: '', sourceId: 's' } as Entity,
      city: { name: '南京市', code: '320100', province: '320000', cp: [118.8, 32.06] as [number, number] },
    }));
    const layer = carrierLayer(placed, { top: 0, bottom: 0, left: 0, right: 0, preserveAspect: 'contain', preserveAspectAlign: 'center' }, 'zh', new Map(), {});
    const series = layer.series as { name: string; symbol: string; itemStyle: { color: string } }[];
    expect(series).toHaveLength(kinds.length);
    expect(new Set(series.map((s) => s.symbol)).size).toBe(kinds.length);
    const maker = series.find((s) => s.name === '国家备案众创空间');
    expect(maker?.itemStyle.color).toBe('#a6761d');
  });
});
