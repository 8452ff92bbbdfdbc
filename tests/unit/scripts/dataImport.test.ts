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
