import { describe, expect, it } from 'vitest';
import { makeCell } from '../../../src/data/query';
import { sourceSupports } from '../../../src/data/supports';
import type { Figure } from '../../../src/data/types';
import { fig } from '../helpers';

const line = (f: Figure) => `${f.region} ${f.year}: ${f.value}${f.asOf ? ` (${f.asOf})` : ''}`;

describe('sourceSupports: what each source supports among the drawn figures', () => {
  it('lists, per source, a line for each figure it gives, in the order of the cells', () => {
    const js = makeCell([fig({ region: '320000', year: 2019, value: 848, sourceId: 'a' })]);
    const gd = makeCell([fig({ region: '440000', year: 2019, value: 1000, sourceId: 'b' })]);
    const cn = makeCell([fig({ region: 'CN', year: 2019, value: 5206, sourceId: 'a' })]);
    const m = sourceSupports([js, gd, cn], line);
    expect([...m]).toEqual([
      ['a', ['320000 2019: 848', 'CN 2019: 5206']],
      ['b', ['440000 2019: 1000']],
    ]);
  });

  it('lists every figure of a cell where sources disagree, each under its own source', () => {
    const c = makeCell([
      fig({ region: '320000', year: 2020, value: 900, sourceId: 'a' }),
      fig({ region: '320000', year: 2020, value: 950, sourceId: 'b', asOf: '2020-06' }),
    ]);
    expect(Object.fromEntries(sourceSupports([c], line))).toEqual({ a: ['320000 2020: 900'], b: ['320000 2020: 950 (2020-06)'] });
  });

  it('lists a line once when a cell is drawn twice (one national figure beside several bars) or a source repeats a figure', () => {
    const cn = makeCell([fig({ region: 'CN', year: 2021, value: 10, sourceId: 'a' }), fig({ region: 'CN', year: 2021, value: 10, sourceId: 'a' })]);
    expect(sourceSupports([cn, cn, cn], line).get('a')).toEqual(['CN 2021: 10']);
  });

  it('skips missing cells; no cells, no sources', () => {
    expect(sourceSupports([null, undefined], line).size).toBe(0);
    expect(sourceSupports([], line).size).toBe(0);
  });

  it('the same line under two sources is listed under each', () => {
    const c = makeCell([fig({ region: 'CN', year: 2022, value: 7, sourceId: 'a' }), fig({ region: 'CN', year: 2022, value: 7, sourceId: 'b' })]);
    expect(Object.fromEntries(sourceSupports([c], line))).toEqual({ a: ['CN 2022: 7'], b: ['CN 2022: 7'] });
  });
});
