// npm run data:import (scripts/import-shared.ts) reads the compiled figures
// with the import pipeline and must reproduce public/data/ byte for byte.
// Needs ../shared/data (there in development and CI; skipped elsewhere).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const shared = join(root, '..', 'shared', 'data');

describe('npm run data:import', () => {
  it.skipIf(!existsSync(join(shared, 'figures.csv')))('reproduces public/data from ../shared/data, byte for byte', { timeout: 120_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'data-import-'));
    try {
      const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'import-shared.ts'), shared, out], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      for (const f of ['manifest.json', 'figures.csv', 'sources.csv', 'entities.csv']) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(root, 'public', 'data', f), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('does not drop figures whose sources ../shared lacks (data:add, a data package) unless asked to', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-import-keep-'));
    const out = join(dir, 'out');
    const run = (...extra: string[]) => spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'import-shared.ts'), dir, out, ...extra], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    try {
      writeFileSync(join(dir, 'figures.csv'), 'metric,region,year,value,qualifier,as_of,unit,note,source_url,source_quote\nincubators_total,北京,2020,5,exact,,家,,https://example.org/a,北京5家\n');
      writeFileSync(join(dir, 'entities.csv'), 'kind,name,province,city,year,rank,score,note,source_url\n');
      expect(run().status).toBe(0);
      // a figure added afterwards from an office's yearbook, with its own source (as data:add writes them)
      const figHeader = readFileSync(join(out, 'figures.csv'), 'utf8').split('\n')[0]!.split(',');
      const srcHeader = readFileSync(join(out, 'sources.csv'), 'utf8').split('\n')[0]!.split(',');
      const row = (header: string[], cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',') + '\n';
      writeFileSync(join(out, 'sources.csv'), readFileSync(join(out, 'sources.csv'), 'utf8') + row(srcHeader, { id: 's-yearbook', citation: '《北京统计年鉴2024》表20-3', publisher: '北京市统计局' }));
      writeFileSync(join(out, 'figures.csv'), readFileSync(join(out, 'figures.csv'), 'utf8') + row(figHeader, { id: 'f-yearbook', metric: 'incubators_total', region_code: '110000', region: '北京', year: '2023', value: '9', qualifier: 'exact', unit: '家', source_id: 's-yearbook' }));
      const before = readFileSync(join(out, 'figures.csv'), 'utf8');
      const r = run();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/1 figures from 1 sources that \.\.\/shared does not have/);
      expect(r.stderr).toMatch(/incubators_total · 北京 · 2023: 9 \(《北京统计年鉴2024》表20-3\)/);
      expect(r.stderr).toMatch(/--replace/);
      expect(readFileSync(join(out, 'figures.csv'), 'utf8')).toBe(before);
      // asked to: rebuilt from ../shared only
      expect(run('--replace').status).toBe(0);
      expect(readFileSync(join(out, 'figures.csv'), 'utf8')).not.toMatch(/f-yearbook/);
      expect(readFileSync(join(out, 'sources.csv'), 'utf8')).not.toMatch(/s-yearbook/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a row the import pipeline rejects, in its words, and writes nothing', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-import-in-'));
    try {
      writeFileSync(join(dir, 'figures.csv'), 'metric,region,year,value,qualifier,as_of,unit,note,source_url,source_quote\nincubators_total,北京,2020,5,exact,,家,,https://example.org/a,北京5家\nincubators_total,火星,2020,6,exact,,家,,https://example.org/a,火星6家\nincubators_total,天津,2020,-3,exact,,家,,https://example.org/a,q\n');
      writeFileSync(join(dir, 'entities.csv'), 'kind,name,province,city,year,rank,score,note,source_url\n');
      const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'import-shared.ts'), dir, join(dir, 'out')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/figures\.csv:line 3: region "火星" not recognised/);
      expect(r.stderr).toMatch(/figures\.csv:line 4: value: negative number "-3"/);
      expect(existsSync(join(dir, 'out', 'figures.csv'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
