// From a yearbook to a data package's additions, and merging them into the
// package's files (npm run data:add, "download as data package").
import { readFileSync } from 'node:fs';
import { joinTexts } from '../../../src/data/packageSplit';
import * as XLSX from '@e965/xlsx';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/csv';
import { parseManifest } from '../../../src/data/load';
import { parseFigures, parseSources } from '../../../src/data/package';
import { checkManifest } from '../../../src/data/packageDetails';
import { figureId, mergeIntoPackage } from '../../../src/data/packageWrite';
import { buildDataset, suggestChoice, userSourceFor } from '../../../src/import/dataset';
import { pinyinTranslit, userMetricSlug } from '../../../src/import/metricId';
import { analyse } from '../../../src/import/pipeline';
import { datasetAdditions, publishAdditions } from '../../../src/import/publish';
import { reportLines } from '../../../src/import/report';
import type { XlsxLib } from '../../../src/import/workbook';

const fx = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const pkg = (f: string) => readFileSync(new URL(`../../../public/data/${f}`, import.meta.url), 'utf8');
// the whole tables (the shipped package keeps quotes and notes in side files: packageSplit.ts)
const whole = await joinTexts(async (f) => pkg(f));
const texts = () => ({ ...whole });
const translit = pinyinTranslit({ pinyin: pinyin as never });
const a = analyse(fx('yearbook.xlsx'), {}, { xlsx: XLSX as unknown as XlsxLib });
const known = parseManifest(whole.manifest).metrics;
const maps = [{ header: '合计', id: 'incubators_total' }, { header: '其中：国家级', id: 'incubators_national' }];
const given = { citation: '示例：虚构的年鉴表' };

describe('metric ids from names', () => {
  it('are readable, stable and valid URL parameters', () => {
    expect(userMetricSlug('Incubators (provincial)', '', translit)).toBe('user_incubators_provincial');
    expect(userMetricSlug('', '孵化器数量（国家级）', translit)).toBe('user_fu_hua_qi_shu_liang_guo_jia_ji');
    expect(userMetricSlug('', '当年新增在孵企业', translit)).toBe(userMetricSlug('', '当年新增在孵企业', translit));
    expect(userMetricSlug('', '一'.repeat(80), translit)).toMatch(/^user_[a-z0-9_]{1,40}$/);
  });
});

describe('publishing a yearbook', () => {
  it('maps columns by their lowest header cell or their path, matches or creates the others', () => {
    const r = publishAdditions(a, known, { maps, given, translit, fileName: 'yearbook.xlsx' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.metrics.map((m) => [m.key, m.params.key, m.params.id])).toEqual([
      ['cliMetricNew', '在孵企业数', 'user_zai_fu_qi_ye_shu'], ['cliMetricExisting', '孵化器数量/合计', 'incubators_total'],
      ['cliMetricNew', '当年新增在孵企业', 'user_dang_nian_xin_zeng_zai_fu_qi_ye'], ['cliMetricExisting', '孵化器数量/其中:国家级', 'incubators_national'],
    ]);
    expect(r.additions.metrics.map((m) => [m.id, m.group, m.label.zh, m.unit.zh])).toEqual([['user_zai_fu_qi_ye_shu', 'user', '在孵企业数', '家'], ['user_dang_nian_xin_zeng_zai_fu_qi_ye', 'user', '当年新增在孵企业', '家']]);
    expect(checkManifest({ ...parseManifest(whole.manifest), metrics: [...known, ...r.additions.metrics] })).toEqual([]);
    expect(r.additions.figures).toHaveLength(251);
    // one source per sheet: the citation given, quoting the sheet's title
    expect(r.additions.sources.map((s) => [s.citation, s.quote.split('\n')[0]])).toEqual([
      ['示例：虚构的年鉴表', '表3-1  2021年各地区科技企业孵化器基本情况（示例：数字为虚构）'],
      ['示例：虚构的年鉴表', '表3-1  2022年各地区科技企业孵化器基本情况（示例：数字为虚构）'],
    ]);
    expect(r.missingSource).toBe(0);
    const byPath = publishAdditions(a, known, { maps: [{ header: '孵化器数量/合计', id: 'incubators_total' }, { header: '孵化器数量/其中：国家级', id: 'my_national' }], given, translit, fileName: 'f' });
    expect(byPath.ok && byPath.additions.metrics.map((m) => m.id)).toEqual(['user_zai_fu_qi_ye_shu', 'user_dang_nian_xin_zeng_zai_fu_qi_ye', 'my_national']);
  });
  it('says what is wrong with a --map', () => {
    const r = publishAdditions(a, known, { maps: [{ header: '没有这列', id: 'x' }, { header: '合计', id: 'Bad-Id' }], given, translit, fileName: 'f' });
    expect(r.ok ? [] : r.errors.map((e) => e.key)).toEqual(['cliMapUnknown', 'cliMapBadId']);
  });
  it('counts figures without a source when none is given', () => {
    const r = publishAdditions(a, known, { maps, translit, fileName: 'f' });
    expect(r.ok && r.missingSource).toBe(251);
  });
});

describe('merging into the package', () => {
  const r = publishAdditions(a, known, { maps, given, translit, fileName: 'yearbook.xlsx' });
  if (!r.ok) throw new Error('not ok');
  const before = texts();
  const m = mergeIntoPackage(before, r.additions);
  it('appends rows, keeps the old bytes, and validates', () => {
    expect(m.added).toEqual({ figures: 251, sources: 2, metrics: ['user_zai_fu_qi_ye_shu', 'user_dang_nian_xin_zeng_zai_fu_qi_ye'] });
    expect(m.texts.figures.startsWith(before.figures)).toBe(true);
    expect(m.texts.sources.startsWith(before.sources)).toBe(true);
    const manifest = parseManifest(m.texts.manifest);
    const s = parseSources(parseCsv(m.texts.sources));
    const f = parseFigures(parseCsv(m.texts.figures), new Map(manifest.metrics.map((x) => [x.id, x])), s.sources);
    expect([s.problems, f.problems]).toEqual([[], []]);
    expect(manifest.datasets.find((d) => d.id === 'figures')!.rows).toBe(f.figures.length);
    const bj = f.figures.find((x) => x.metric === 'incubators_total' && x.region === '110000' && x.year === 2022)!;
    expect(s.sources.get(bj.sourceId)?.citation).toBe('示例：虚构的年鉴表');
  });
  it('adds nothing the second time; a changed figure from the same source is a conflict, not a second figure', () => {
    const again = mergeIntoPackage(m.texts, r.additions);
    expect(again.texts).toEqual(m.texts);
    expect([again.added.figures, again.present]).toEqual([0, 251]);
    const changed = { ...r.additions, figures: [{ ...r.additions.figures[0]!, value: r.additions.figures[0]!.value + 1 }] };
    const c = mergeIntoPackage(m.texts, changed);
    expect([c.added.figures, c.conflicts.length]).toEqual([0, 1]);
    expect(figureId(changed.figures[0]!)).not.toBe(figureId(r.additions.figures[0]!));
  });
});

describe('the browser\'s datasets as a package', () => {
  it('get the ids the command line gives: the same file and citation make the same package', () => {
    const choices = Object.fromEntries(a.metricKeys.map((k) => [k.key, k.key === '孵化器数量/合计' ? { kind: 'existing' as const, id: 'incubators_total' } : k.key === '孵化器数量/其中:国家级' ? { kind: 'existing' as const, id: 'incubators_national' } : suggestChoice(k, known)]));
    const built = buildDataset(a, choices, { datasetId: 'd1', fileName: 'yearbook.xlsx', importedAt: '2024-05-01T00:00:00Z', source: userSourceFor('yearbook.xlsx', 'd1', '2024-05-01T00:00:00Z'), given, translit }, known);
    if (!built.ok) throw new Error('not ok');
    const cli = publishAdditions(a, known, { maps, given, translit, fileName: 'yearbook.xlsx' });
    if (!cli.ok) throw new Error('not ok');
    const fromBrowser = mergeIntoPackage(texts(), datasetAdditions([built.dataset]));
    const fromCli = mergeIntoPackage(texts(), cli.additions);
    expect(parseCsv(fromBrowser.texts.figures).rows.map((x) => x.cells.id)).toEqual(parseCsv(fromCli.texts.figures).rows.map((x) => x.cells.id));
    expect(fromBrowser.texts.sources).toBe(fromCli.texts.sources);
  });
});

describe('the report in words', () => {
  it('names the tables, their header rows, their years and where they came from, and every row left out', () => {
    const lines = reportLines(a, 'yearbook.xlsx', 'zh');
    expect(lines).toContain('工作表“2022年”：年份 2022（取自标题）');
    expect(lines).toContain('工作表“2021年”：表头 第 3–4 行（2 行表头，合并单元格已展开）；宽表：每行一个地区，每个指标一列');
    expect(lines.filter((l) => l.includes('不是省级地区'))).toHaveLength(5);
    expect(lines).toContain('问题行（0）');
  });
});
