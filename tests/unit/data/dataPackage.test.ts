/**
 * Integrity of the SHIPPED data package in public/data/: every file parses
 * without a single problem, every figure is backed by a source with the
 * source's words, and the known Jiangsu 2019 conflict is kept visible.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/csv';
import { loadPackage, parseManifest } from '../../../src/data/load';
import { loadDetails } from '../../../src/data/loadDetails';
import { joinTexts } from '../../../src/data/packageSplit';
import { aliasProblems, duplicateLabels, parseFigures, parseSources, unusedMetrics } from '../../../src/data/package';
import { checkManifest, parseEntities } from '../../../src/data/packageDetails';
import { buildIndex, cellAt, coverage, provinceData } from '../../../src/data/query';
import { isProvince, NATIONAL, REGIONS } from '../../../src/data/regions';
import type { MetricDef } from '../../../src/data/types';

const DIR = new URL('../../../public/data/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

// the whole tables: figures.csv and sources.csv with their notes and quotes joined in (packageSplit.ts)
const whole = await joinTexts(async (p) => read(p));
// the manifest with its metrics' definitions joined in (metric_definitions.csv)
const manifest = parseManifest(whole.manifest);
const metrics = new Map<string, MetricDef>(manifest.metrics.map((m) => [m.id, m]));
const src = parseSources(parseCsv(whole.sources));
const figTable = parseCsv(whole.figures);
const fig = parseFigures(figTable, metrics, src.sources);
const ent = parseEntities(parseCsv(read('entities.csv')), src.sources);

describe('shipped data package', () => {
  it('manifest passes its checks and lists the datasets that exist', () => {
    expect(checkManifest(manifest)).toEqual([]);
    for (const id of ['figures', 'sources', 'entities', 'geo']) {
      const ds = manifest.datasets.find((d) => d.id === id);
      expect(ds, id).toBeDefined();
      expect(() => read(ds!.path)).not.toThrow();
    }
  });

  it('sources.csv, figures.csv and entities.csv parse with zero problems', () => {
    expect(src.problems).toEqual([]);
    expect(fig.problems).toEqual([]);
    expect(ent.problems).toEqual([]);
  });

  it('every data row was loaded (nothing silently skipped)', () => {
    expect(fig.figures.length).toBe(figTable.rows.length);
    expect(fig.figures.length).toBeGreaterThan(0);
    const rowsOf = (id: string) => manifest.datasets.find((d) => d.id === id)?.rows;
    if (rowsOf('figures') !== undefined) expect(fig.figures.length).toBe(rowsOf('figures'));
    if (rowsOf('sources') !== undefined) expect(src.sources.size).toBe(rowsOf('sources'));
    if (rowsOf('entities') !== undefined) expect(ent.entities.length).toBe(rowsOf('entities'));
  });

  it('every figure’s source exists and has a non-empty quote or citation', () => {
    const bad = fig.figures.filter((f) => {
      const s = src.sources.get(f.sourceId);
      return !s || (!s.quote.trim() && !s.citation.trim());
    });
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('every source has an http(s) URL or a citation', () => {
    for (const s of src.sources.values()) {
      expect(s.url === '' || /^https?:\/\//.test(s.url), s.id).toBe(true);
      expect(s.url !== '' || s.citation !== '', s.id).toBe(true);
    }
  });

  it('every entity’s source exists', () => {
    for (const e of ent.entities) expect(src.sources.has(e.sourceId), e.id).toBe(true);
  });

  it('the manifest lists every metric used by figures', () => {
    const used = new Set(fig.figures.map((f) => f.metric));
    const raw = new Set(figTable.rows.map((r) => (r.cells.metric ?? '').trim()));
    for (const m of [...used, ...raw]) expect(metrics.has(m), m).toBe(true);
  });

  it('every metric in the manifest has figures', () => {
    expect(unusedMetrics(manifest, fig.figures)).toEqual([]);
  });

  it('figure ids are unique and regions are provinces or CN', () => {
    expect(new Set(fig.figures.map((f) => f.id)).size).toBe(fig.figures.length);
    for (const f of fig.figures) expect(f.region === NATIONAL || isProvince(f.region), f.id).toBe(true);
  });

  it('keeps the known Jiangsu 2019 conflict (848 vs 832) visible', () => {
    const idx = buildIndex(fig.figures);
    const cell = cellAt(idx, 'incubators_total', '320000', 2019);
    expect(cell).not.toBeNull();
    expect(cell!.conflict).toBe(true);
    const values = new Set(cell!.all.map((f) => f.value));
    expect(values.has(848)).toBe(true);
    expect(values.has(832)).toBe(true);
    // and provinceData exposes it to the map
    const js = provinceData(idx, 'incubators_total', 2019).find((d) => d.region === '320000');
    expect(js?.cell.conflict).toBe(true);
  });

  it('every metric with provincial data offers at least one year; coverage counts only provinces', () => {
    const idx = buildIndex(fig.figures);
    for (const m of manifest.metrics) {
      const c = coverage(idx, m.id);
      expect(c.provincesAnyYear).toBeLessThanOrEqual(34);
      expect(c.provinceYears.length + c.nationalYears.length, m.id).toBeGreaterThan(0);
    }
  });
});

describe('shipped metric registry and refresh of 2025 (issues 13 and 19)', () => {
  it('no two metrics share a label, in Chinese or in English', () => {
    for (const lang of ['zh', 'en'] as const) {
      const labels = manifest.metrics.map((m) => m.label[lang].trim());
      const twins = labels.filter((l, i) => labels.indexOf(l) !== i);
      expect(twins, lang).toEqual([]);
    }
    expect(duplicateLabels(manifest)).toEqual([]);
  });

  it('maps each merged metric id to the id it now goes by', () => {
    const aliases = manifest.aliases ?? {};
    expect(aliases).toMatchObject({
      incubators_provincial_level: 'incubators_provincial',
      incubators_national_added: 'incubators_national_new',
      national_incubators_evaluated: 'incubators_national_evaluated',
      maker_spaces_provincial_level: 'maker_spaces_provincial',
      maker_spaces_national_added_in_year: 'maker_spaces_national_new',
      university_science_parks_provincial_level: 'university_science_parks_provincial',
      cumulative_incubated_enterprises: 'incubated_enterprises_cumulative',
      star_creation_bases_national: 'star_innovation_bases_national',
    });
    expect(aliasProblems(manifest)).toEqual([]);
    for (const [from, to] of Object.entries(aliases)) {
      expect(metrics.has(from), from).toBe(false);
      expect(metrics.has(to), to).toBe(true);
      expect(fig.figures.some((f) => f.metric === from), from).toBe(false);
    }
  });

  it('registers the new metric ids with both languages and the right kind', () => {
    const kinds: Record<string, string> = {
      university_science_parks_national_new: 'flow',
      incubators_provincial_evaluated: 'stock',
      maker_spaces_national_evaluated: 'stock',
      maker_spaces_provincial_evaluated: 'stock',
      incubation_carriers_provincial_and_above_evaluated: 'stock',
      incubating_enterprises_in_national_incubators: 'stock',
      incubators_and_university_science_parks_total: 'stock',
      enterprises_and_teams_incubated_cumulative: 'cumulative',
      population_resident: 'stock',
      gdp: 'flow',
    };
    for (const [id, kind] of Object.entries(kinds)) {
      const m = metrics.get(id);
      expect(m, id).toBeDefined();
      expect(m!.kind, id).toBe(kind);
      for (const lang of ['zh', 'en'] as const) expect(m!.definition![lang].length, id).toBeGreaterThan(40);
    }
    // each definition is its own, not a copy of another metric's
    const defs = manifest.metrics.map((m) => m.definition!.zh);
    expect(new Set(defs).size).toBe(defs.length);
  });

  it('context metrics: population and GDP for all 31 provinces and 全国, 2015–2024, grouped last', () => {
    const idx = buildIndex(fig.figures);
    const mainland = REGIONS.filter((r) => !['710000', '810000', '820000'].includes(r.code));
    expect(mainland).toHaveLength(31);
    for (const id of ['population_resident', 'gdp']) {
      expect(metrics.get(id)?.group).toBe('context');
      for (let y = 2015; y <= 2024; y++) {
        for (const r of [...mainland.map((x) => x.code), NATIONAL]) expect(cellAt(idx, id, r, y), `${id} ${r} ${y}`).not.toBeNull();
      }
    }
    expect(metrics.get('population_resident')!.unit.zh).toBe('万人');
    expect(metrics.get('gdp')!.unit.zh).toBe('亿元');
    expect(metrics.get('population_resident')!.definition!.zh).toContain('现役军人');
    expect(metrics.get('population_resident')!.definition!.en).toContain('armed forces');
    // 江苏 2022 as the NBS table prints it
    expect(cellAt(idx, 'population_resident', '320000', 2022)!.primary.value).toBe(8515);
    const groups = manifest.groups.map((g) => g.id).filter((g) => g !== 'user');
    expect(groups.at(-1)).toBe('context');
    const metricGroups = manifest.metrics.map((m) => m.group);
    expect(metricGroups.slice(-2)).toEqual(['context', 'context']);
  });

  it('entities: the new kind, names without the compiler’s remarks, remarks kept in the note', () => {
    expect(ent.entities.filter((e) => e.kind === 'maker_space_national').length).toBeGreaterThan(0);
    expect(ent.entities.filter((e) => / [(（]/.test(e.name)).map((e) => e.name)).toEqual([]);
    const chuzhou = ent.entities.find((e) => e.name === '滁州海智基地');
    expect(chuzhou?.note).toContain('set up 2013');
    // brackets that belong to the printed name stay
    expect(ent.entities.some((e) => e.name === '国家海外人才离岸创新创业基地(成都)')).toBe(true);
    expect(ent.entities.some((e) => e.name === '中国北京（望京）留学人员创业园')).toBe(true);
  });

  it('sources: a mirrored page names the publisher the note credits', () => {
    const huai = [...src.sources.values()].filter((s) => s.url.includes('huai123.net'));
    expect(huai.length).toBeGreaterThan(0);
    for (const s of huai) expect(s.originalPublisher).toBe('科技日报');
    const nbs = [...src.sources.values()].find((s) => s.quote.startsWith('指标：年末常住人口'));
    expect(nbs?.originalPublisher).toBe('国家统计局');
  });
});

describe('loadPackage (with a file-system fetcher)', () => {
  const fsFetcher = async (path: string) => read(path.replace(/^data\//, ''));

  it('loads the shipped package with no issues', async () => {
    const { pkg, issues } = await loadPackage(fsFetcher, 'data/', { details: true });
    expect(issues).toEqual([]);
    expect(pkg.pending).toBeUndefined();
    // the quotes and notes are back on their sources and figures
    expect(pkg.sources).toEqual(src.sources);
    expect(pkg.figures).toEqual(fig.figures);
    expect(pkg.figures.length).toBe(fig.figures.length);
    expect(pkg.sources.size).toBe(src.sources.size);
    expect(pkg.entities.length).toBe(ent.entities.length);
    expect(pkg.metrics.size).toBe(manifest.metrics.length);
  });

  it('first what the first chart needs: figures and sources without the long texts, nothing else fetched; then the rest', async () => {
    const asked: string[] = [];
    const { pkg, issues } = await loadPackage(async (path) => {
      asked.push(path);
      return fsFetcher(path);
    });
    expect(issues).toEqual([]);
    expect(asked.sort()).toEqual(['data/figures.csv', 'data/manifest.json', 'data/sources.csv']);
    expect(pkg.pending).toBe(true);
    expect(pkg.figures.length).toBe(fig.figures.length);
    expect(pkg.entities).toEqual([]);
    expect([...pkg.sources.values()].every((s) => s.quote === '')).toBe(true);
    expect(pkg.figures.every((f) => f.note === '')).toBe(true);
    asked.length = 0;
    const more = await loadDetails(async (path) => {
      asked.push(path);
      return fsFetcher(path);
    }, pkg);
    expect(more.issues).toEqual([]);
    expect(asked.sort()).toEqual(['data/entities.csv', 'data/figure_notes.csv', 'data/metric_definitions.csv', 'data/source_quotes.csv']);
    expect(more.pkg.pending).toBeUndefined();
    expect(more.pkg.sources).toEqual(src.sources);
    expect(more.pkg.figures).toEqual(fig.figures);
    expect(more.pkg.entities).toEqual(ent.entities);
    // the figures of the first load are not changed in place
    expect(pkg.figures.every((f) => f.note === '')).toBe(true);
  });

  it('a missing quotes file is reported by name; the figures keep their sources', async () => {
    const { pkg } = await loadPackage(fsFetcher);
    const more = await loadDetails(async (path) => {
      if (path.endsWith('source_quotes.csv')) throw new Error('HTTP 404');
      return fsFetcher(path);
    }, pkg);
    expect(more.issues).toEqual([{ file: 'data/source_quotes.csv', level: 'error', reason: 'HTTP 404' }]);
    expect(more.pkg.sources.size).toBe(src.sources.size);
    expect(more.pkg.entities.length).toBe(ent.entities.length);
  });

  it('a missing entities file is reported by name while the rest still loads', async () => {
    const { pkg, issues } = await loadPackage(async (path) => {
      if (path.endsWith('entities.csv')) throw new Error('HTTP 404');
      return fsFetcher(path);
    }, 'data/', { details: true });
    expect(issues).toEqual([{ file: 'data/entities.csv', level: 'error', reason: 'HTTP 404' }]);
    expect(pkg.figures.length).toBe(fig.figures.length);
    expect(pkg.entities).toEqual([]);
  });

  it('a broken manifest is an error naming the manifest', async () => {
    const { pkg, issues } = await loadPackage(async (path) => (path.endsWith('manifest.json') ? '{"hello":1}' : fsFetcher(path)));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe('data/manifest.json');
    expect(issues[0]?.level).toBe('error');
    expect(pkg.figures).toEqual([]);
  });
});
