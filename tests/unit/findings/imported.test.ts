/**
 * Findings for an imported complete table: 31 provinces and 全国 in 2021 and
 * 2022, read by the import pipeline from a yearbook-style CSV, with a source
 * given by hand. Synthetic numbers; the expected sentences were worked out
 * apart from the generator (leader, shares, changes by hand).
 */
import { describe, expect, it } from 'vitest';
import { yearFindings } from '../../../src/data/findings';
import { profileFindings, trendFindings } from '../../../src/data/findingsSeries';
import { buildIndex } from '../../../src/data/query';
import { NATIONAL, REGIONS } from '../../../src/data/regions';
import { sourceOfParts } from '../../../src/data/sourceRef';
import { findingsPlainText } from '../../../src/i18n/findingsText';
import { buildDataset } from '../../../src/import/dataset';
import { analyse } from '../../../src/import/pipeline';

const PROVINCES = REGIONS.filter((r) => !['710000', '810000', '820000'].includes(r.code));
const v2021 = PROVINCES.map((_, i) => 3000 + ((i * 7919) % 40000));
const v2022 = v2021.map((v, i) => v + ((i * 613) % 3001) - 1200);
const sum = (a: number[]) => a.reduce((s, v) => s + v, 5000);
const csv = ['地区,2021年,2022年', `全国,${sum(v2021)},${sum(v2022)}`, ...PROVINCES.map((r, i) => `${r.zhFull},${v2021[i]},${v2022[i]}`)].join('\n');

const a = analyse(new TextEncoder().encode(csv));
const given = { citation: '《中国火炬统计年鉴2023》，表3-1' };
const built = buildDataset(
  a,
  { '': { kind: 'new', labelZh: '在孵企业数', labelEn: 'Enterprises incubated', unitZh: '家', unitEn: 'enterprises', metricKind: 'stock' } },
  { datasetId: 'yb', fileName: 'yearbook.csv', importedAt: '2024-05-01T10:00:00.000Z', source: sourceOfParts(given, '')!, given },
  [],
);
if (!built.ok) throw new Error('import failed');
const { figures, metrics, sources } = built.dataset;
const metric = metrics[0]!;
const idx = buildIndex(figures);
const sourceMap = new Map(sources.map((s) => [s.id, s]));

describe('an imported complete table (31 provinces)', () => {
  it('is read whole: 31 provinces and the national figure in both years', () => {
    expect(figures.filter((f) => f.region !== NATIONAL && f.year === 2022)).toHaveLength(31);
    expect(figures.filter((f) => f.region === NATIONAL).map((f) => f.value)).toEqual([780335, 785099]);
  });

  it('map and ranking, 2022: every sentence, in full', () => {
    const f = yearFindings({ idx, metric, sel: 2022 });
    expect(findingsPlainText(f, sourceMap, 'zh').split('\n')).toEqual([
      '2022 年，辽宁在孵企业数 4.15万 家，在 31 个有数据的省份中居首位，占全国 5.3%。',
      '居前三位的依次是辽宁（4.15万 家）、浙江（4.11万 家）、河南（4.08万 家）。',
      '辽宁在 2021 年也居首位（共 31 个有数据的省份）。',
      '2022 年全国在孵企业数 78.5万 家，较 2021 年的 78万 家增加 4764 家（+0.6%）。',
      '在 2021 年和 2022 年都有确切数据的 31 个省份中，宁夏增加最多，由 3.27万 家增至 3.42万 家（+1572 家，+4.8%）；北京减少最多，由 3000 家降至 1800 家（−1200 家，−40%）。',
      '来源：《中国火炬统计年鉴2023》；孵化图谱，2022 年数据',
    ]);
    expect(findingsPlainText(f, sourceMap, 'en').split('\n')).toEqual([
      'Enterprises incubated, 2022: Liaoning is first of the 31 provinces with data, with 41,459 enterprises, 5.3% of the national figure.',
      'The top three: Liaoning (41,459 enterprises), Zhejiang (41,118 enterprises), Henan (40,777 enterprises).',
      'Liaoning was also first in 2021 (of 31 provinces with data).',
      'China as a whole, 2022: 785,099 enterprises (Enterprises incubated), up 4,764 enterprises (+0.6%) on 780,335 enterprises in 2021.',
      'Of the 31 provinces with exact figures for both 2021 and 2022, Ningxia rose most, from 32,651 enterprises to 34,223 enterprises (+1,572 enterprises, +4.8%), and Beijing fell most, from 3,000 enterprises to 1,800 enterprises (−1,200 enterprises, −40%).',
      'Sources: 《中国火炬统计年鉴2023》; Hatch Atlas, data for 2022',
    ]);
    // the imported figures keep their own source
    expect(f.sentences[0]!.slots.value).toMatchObject({ refs: [{ sourceId: figures[0]!.sourceId }] });
    expect(figures[0]!.sourceId).toMatch(/^u-/);
  });

  it('trend and profile', () => {
    const t = trendFindings({ idx, metric, regions: ['210000'], national: true });
    expect(findingsPlainText(t, sourceMap, 'zh').split('\n')).toEqual([
      '全国在孵企业数由 2021 年的 78万 家增至 2022 年的 78.5万 家，2 年间 2 年有数据，年均增长 0.6%。',
      '辽宁在孵企业数由 2021 年的 4.26万 家降至 2022 年的 4.15万 家，2 年间 2 年有数据，年均下降 2.7%。',
      '来源：《中国火炬统计年鉴2023》；孵化图谱，2021–2022 年数据',
    ]);
    const p = profileFindings({ idx, metrics: [metric], region: '210000' });
    expect(findingsPlainText(p, sourceMap, 'en').split('\n')).toEqual([
      'Enterprises incubated: 41,459 enterprises (2022), #1 of 31 provinces with data, 5.3% of the national figure.',
      'Sources: 《中国火炬统计年鉴2023》; Hatch Atlas, latest available data of each metric',
    ]);
  });
});
