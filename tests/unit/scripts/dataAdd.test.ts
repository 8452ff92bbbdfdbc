// npm run data:add on a copy of the data package: the report, the exit
// status, idempotence, and a package that data:check accepts afterwards.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'data-add-'));
const data = join(dir, 'data');
cpSync(join(root, 'public', 'data'), data, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (script: string, args: string[]) => {
  const r = spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout, err: r.stderr };
};
const snapshot = () => ['manifest.json', 'figures.csv', 'sources.csv'].map((f) => readFileSync(join(data, f), 'utf8'));
const yearbook = join(root, 'tests/fixtures/import/yearbook.xlsx');
const args = [yearbook, '--data', data, '--map', '合计=incubators_total', '--map', '其中：国家级=incubators_national', '--source', '示例：虚构的年鉴表'];

describe('npm run data:add', { timeout: 120_000 }, () => {
  it('refuses figures without a source, and writes nothing', () => {
    const before = snapshot();
    const r = run('data-add.ts', [yearbook, '--data', data, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/251 figures have no source/);
    expect(snapshot()).toEqual(before);
  });

  it('adds a yearbook workbook, prints the report, and data:check passes; the second run adds nothing', () => {
    const r = run('data-add.ts', args);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/工作表“2022年”：年份 2022（取自标题）/);
    expect(r.out).toMatch(/“2021年”第 37 行：不是省级地区（新疆生产建设兵团），不导入/);
    expect(r.out).toMatch(/已加入 251 个数据、2 个来源、2 个新指标/);
    expect(run('data-check.ts', [data]).status).toBe(0);
    const after = snapshot();
    const again = run('data-add.ts', args);
    expect(again.status).toBe(0);
    expect(again.out).toMatch(/已加入 0 个数据、0 个来源、0 个新指标/);
    expect(again.out).toMatch(/251 个数据已在数据包中/);
    expect(snapshot()).toEqual(after);
  });

  it('exits 1 when a data row is rejected (bad value, unknown region), after adding the good ones', () => {
    const file = join(dir, 'bad.csv');
    const good = ['河北', '山西', '辽宁', '吉林', '上海', '江苏', '浙江', '安徽'].map((p, i) => `${p},2019,${10 + i},某市统计年鉴2020`);
    writeFileSync(file, ['地区,年份,孵化器数量（家）,来源', '北京,2019,12,某市统计年鉴2020', '火星,2019,3,某市统计年鉴2020', '天津,2019,abc,某市统计年鉴2020', ...good].join('\n'));
    const r = run('data-add.ts', [file, '--data', data, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/line 3: region "火星" not recognised/);
    expect(r.out).toMatch(/Added 9 figures, 1 sources, 1 new metrics/);
    expect(r.err).toMatch(/2 rows have problems and were not imported/);
    expect(run('data-check.ts', [data]).status).toBe(0);
  });
});
