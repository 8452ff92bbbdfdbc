#!/usr/bin/env node
// The benchmark's import file (bench/run.mjs, row 4): a deterministic
// 100,000-row long-format CSV (地区,年份,指标,数值) as a statistics office
// would export it: the 31 provinces and 全国 by their full official names,
// 1985–2024, 80 metrics (10 kinds of carrier × 8 measures), values of a
// plausible size per measure, with the forms the importer must read: plain
// integers, thousands separators ("12,345" in quotes), decimals in 万 / 亿 ("123.45万"),
// qualifiers ("超过5万", "约1.2万", "500余"), "—" for "no figure", and a few
// rows an office would have to fix ("待核实", a negative number). Every
// (region, year, metric) occurs once. Same bytes on every run.
//
// `node bench/import-fixture.mjs [FILE]` writes it (default
// $TMPDIR/bench-import-100k.csv) and prints what it contains.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const IMPORT_ROWS = 100_000;

const REGIONS = [
  '全国', '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省',
  '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区',
];
/** rough relative size of each region (全国 = sum of the rest) */
const WEIGHT = [0, 6, 3, 3, 1.5, 1, 2.5, 1.2, 1.2, 5, 9, 8, 3.5, 3.5, 2, 6, 4, 4, 3, 9, 1.5, 0.6, 2.2, 3.5, 1, 1.2, 0.1, 2.5, 0.8, 0.3, 0.4, 0.6];
const TOTAL_WEIGHT = WEIGHT.reduce((a, b) => a + b, 0);
const CARRIERS = ['科技企业孵化器', '国家级科技企业孵化器', '众创空间', '国家备案众创空间', '大学科技园', '国家大学科技园', '留学人员创业园', '国家级留学人员创业园', '科技企业加速器', '专业化众创空间'];
/** measure, national size in 2024, how fast it grew per year */
const MEASURES = [
  ['数量', 15000, 0.12],
  ['在孵企业数', 260000, 0.14],
  ['当年毕业企业数', 25000, 0.13],
  ['从业人员', 4800000, 0.12],
  ['总收入（万元）', 95000000, 0.15],
  ['孵化基金总额（万元）', 2300000, 0.16],
  ['当年获风险投资额（万元）', 8500000, 0.18],
  ['有效知识产权数', 1100000, 0.17],
];
const YEARS = Array.from({ length: 40 }, (_, i) => 1985 + i);

/** mulberry32: a small deterministic PRNG */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value cell as an office writes it. */
function cell(v, r, stats) {
  const x = r();
  if (x < 0.02) {
    stats.noFigure++;
    return '—';
  }
  if (x < 0.0205) {
    stats.bad++;
    return '待核实';
  }
  if (x < 0.021) {
    stats.bad++;
    return `-${Math.max(1, Math.round(v))}`;
  }
  if (x < 0.03 && v >= 20000) {
    stats.qualified++;
    return `超过${Math.floor(v / 10000)}万`;
  }
  if (x < 0.04 && v >= 12000) {
    stats.qualified++;
    return `约${(v / 10000).toFixed(1)}万`;
  }
  if (x < 0.05 && v >= 100) {
    stats.qualified++;
    return `${Math.floor(v / 100) * 100}余`;
  }
  const n = Math.max(0, Math.round(v));
  if (x < 0.15 && n >= 1e6) {
    stats.scaled++;
    return n >= 1e8 ? `${(n / 1e8).toFixed(2)}亿` : `${(n / 1e4).toFixed(2)}万`;
  }
  if (x < 0.25 && n >= 1000) {
    stats.separators++;
    return `"${n.toLocaleString('en-US')}"`;
  }
  return String(n);
}

/** The file's text and what it holds. */
export function importFixture(rows = IMPORT_ROWS) {
  const r = rng(20240607);
  const stats = { rows: 0, noFigure: 0, bad: 0, qualified: 0, scaled: 0, separators: 0, metrics: new Set() };
  const out = ['地区,年份,指标,数值'];
  outer: for (const carrier of CARRIERS) {
    const carrierScale = 0.2 + 0.8 * r();
    for (const [measure, size, growth] of MEASURES) {
      const metric = `${carrier}${measure}`;
      for (let g = 0; g < REGIONS.length; g++) {
        const share = g === 0 ? 1 : WEIGHT[g] / TOTAL_WEIGHT;
        for (const year of YEARS) {
          if (stats.rows >= rows) break outer;
          const v = size * carrierScale * share * Math.pow(1 + growth, year - 2024) * (0.85 + 0.3 * r());
          out.push(`${REGIONS[g]},${year},${metric},${cell(v, r, stats)}`);
          stats.metrics.add(metric);
          stats.rows++;
        }
      }
    }
  }
  return { text: `${out.join('\r\n')}\r\n`, stats: { ...stats, metrics: stats.metrics.size } };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] || join(tmpdir(), 'bench-import-100k.csv');
  const { text, stats } = importFixture();
  await writeFile(file, text);
  console.log(`${file}: ${Buffer.byteLength(text)} bytes`, stats);
}
