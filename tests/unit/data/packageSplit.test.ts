import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/csv';
import { loadPackage } from '../../../src/data/load';
import { FIGURE_COLUMNS, SOURCE_FILE_COLUMNS } from '../../../src/data/package';
import { joinColumn, joinTexts, splitColumn, splitTexts } from '../../../src/data/packageSplit';

// synthetic package (test fixture)
const FIGURES = [
  FIGURE_COLUMNS.join(','),
  'f1,incubators_total,320000,江苏,2019,848,exact,,家,"a note, with a comma",s1',
  'f2,incubators_total,440000,广东,2019,1013,at_least,,家,,s1',
  'f3,incubators_total,CN,全国,2019,5206,exact,,家,"line one\nline two",s2',
  '',
].join('\n');
const SOURCES = [SOURCE_FILE_COLUMNS.join(','), 's1,https://a.example/1,,A,2020-01,江苏 848 家，广东超过 1013 家,', 's2,,Yearbook 2020 p. 3,B,,,', ''].join('\n');
const MANIFEST = JSON.stringify({
  name: 't',
  version: '1',
  generated: 'test',
  datasets: [
    { id: 'figures', path: 'figures.csv', format: 'csv', rows: 3, description: '' },
    { id: 'sources', path: 'sources.csv', format: 'csv', rows: 2, description: '' },
    { id: 'entities', path: 'entities.csv', format: 'csv', rows: 0, description: '' },
  ],
  groups: [],
  metrics: [{ id: 'incubators_total', group: 'incubators', label: { zh: '孵化器', en: 'Incubators' }, unit: { zh: '家', en: 'incubators' }, definition: { zh: '孵化器数量', en: 'Number of incubators' }, kind: 'stock' }],
});

describe('splitColumn / joinColumn', () => {
  it('moves a column into an (id, column) table of the rows that have it, and joins it back to the same text', () => {
    const { main, side, sideRows } = splitColumn(FIGURES, 'note');
    expect(parseCsv(main).header).toEqual(FIGURE_COLUMNS.filter((c) => c !== 'note'));
    expect(sideRows).toBe(2);
    expect(parseCsv(side).rows.map((r) => [r.cells.id, r.cells.note])).toEqual([
      ['f1', 'a note, with a comma'],
      ['f3', 'line one\nline two'],
    ]);
    expect(joinColumn(main, side, 'note', FIGURE_COLUMNS)).toBe(FIGURES);
  });
  it('a table without the column stays as it is; a joined table is not joined twice', () => {
    const { main } = splitColumn(FIGURES, 'note');
    expect(splitColumn(main, 'note').main).toBe(main);
    expect(joinColumn(FIGURES, 'id,note\nf1,x\n', 'note', FIGURE_COLUMNS)).toBe(FIGURES);
  });
  it('refuses a table with broken rows rather than drop them', () => {
    expect(() => splitColumn('id,note\nf1,"open\n', 'note', 'figures.csv')).toThrow(/figures\.csv: line 2/);
  });
});

describe('splitTexts / joinTexts', () => {
  const files = splitTexts({ manifest: MANIFEST, figures: FIGURES, sources: SOURCES });
  const read = async (p: string) => {
    if (!(p in files)) throw new Error(`HTTP 404 ${p}`);
    return files[p]!;
  };

  it('writes the short tables, the side files and a manifest that lists them with their rows', () => {
    expect(Object.keys(files).sort()).toEqual(['figure_notes.csv', 'figures.csv', 'manifest.json', 'metric_definitions.csv', 'source_quotes.csv', 'sources.csv']);
    expect(files['sources.csv']).not.toContain('江苏 848');
    expect(files['source_quotes.csv']).toContain('江苏 848 家，广东超过 1013 家');
    const m = JSON.parse(files['manifest.json']!) as { datasets: { id: string; rows?: number }[] };
    expect(m.datasets.map((d) => [d.id, d.rows])).toEqual([
      ['figures', 3],
      ['figure_notes', 2],
      ['sources', 2],
      ['source_quotes', 1],
      ['metric_definitions', 1],
      ['entities', 0],
    ]);
    // the metrics' definitions are in their own file, not the manifest (which the first chart waits for)
    expect(files['manifest.json']).not.toContain('孵化器数量');
    expect(JSON.parse(files['manifest.json']!).metrics[0]).toEqual({ id: 'incubators_total', group: 'incubators', label: { zh: '孵化器', en: 'Incubators' }, unit: { zh: '家', en: 'incubators' }, kind: 'stock' });
    expect(parseCsv(files['metric_definitions.csv']!).rows.map((r) => r.cells)).toEqual([{ id: 'incubators_total', definition_zh: '孵化器数量', definition_en: 'Number of incubators' }]);
  });

  const ENTITIES = 'id,kind,name,region_code,province,city,year,rank,score,note,source_id\n';
  const fetchAll = (over: Record<string, string> = {}) => async (p: string) => {
    const all: Record<string, string> = { ...files, 'entities.csv': ENTITIES, ...over };
    const f = p.replace(/^data\//, '');
    if (!(f in all)) throw new Error('HTTP 404');
    return all[f]!;
  };

  it('the app has the definitions once the details are loaded, not before', async () => {
    const { pkg } = await loadPackage(fetchAll());
    expect(pkg.metrics.get('incubators_total')?.definition).toBeUndefined();
    const { pkg: full, issues } = await loadPackage(fetchAll(), 'data/', { details: true });
    expect(issues).toEqual([]);
    expect(full.metrics.get('incubators_total')?.definition).toEqual({ zh: '孵化器数量', en: 'Number of incubators' });
    expect(full.manifest.metrics[0]?.definition).toEqual({ zh: '孵化器数量', en: 'Number of incubators' });
  });

  it('a definitions file that cannot be read is named; the metrics stay, without definitions, and are not reported one by one', async () => {
    const { pkg, issues } = await loadPackage(async (p) => (p.endsWith('metric_definitions.csv') ? Promise.reject(new Error('HTTP 404')) : fetchAll()(p)), 'data/', { details: true });
    expect(issues).toEqual([{ file: 'data/metric_definitions.csv', level: 'error', reason: 'HTTP 404' }]);
    expect(pkg.metrics.get('incubators_total')?.label.zh).toBe('孵化器');
  });

  it('a definition of an unknown metric is a problem of that row', async () => {
    const { issues } = await loadPackage(fetchAll({ 'metric_definitions.csv': `${files['metric_definitions.csv']}nope,x,y\n` }), 'data/', { details: true });
    expect(issues.map((i) => [i.file, i.level, i.reason])).toEqual([['data/metric_definitions.csv', 'rows', 'definition of unknown metric nope']]);
  });

  it('joined again, the tables are the texts that were split, and splitting them again writes the same files', async () => {
    const whole = await joinTexts(read);
    expect(whole.figures).toBe(FIGURES);
    expect(whole.sources).toBe(SOURCES);
    expect(splitTexts(whole)).toEqual(files);
  });

  it('a package written before the split (long columns in the main files) is read as it is', async () => {
    const legacy: Record<string, string> = { 'manifest.json': MANIFEST, 'figures.csv': FIGURES, 'sources.csv': SOURCES, 'entities.csv': 'id,kind,name,region_code,province,city,year,rank,score,note,source_id\n' };
    const whole = await joinTexts(async (p) => legacy[p]!);
    expect(whole).toEqual({ manifest: MANIFEST, figures: FIGURES, sources: SOURCES });
    // and the app loads it whole, quotes and notes included
    const { pkg, issues } = await loadPackage(async (p) => legacy[p.replace(/^data\//, '')]!, 'data/', { details: true });
    expect(issues).toEqual([]);
    expect(pkg.sources.get('s1')?.quote).toBe('江苏 848 家，广东超过 1013 家');
    expect(pkg.figures.find((f) => f.id === 'f3')?.note).toBe('line one\nline two');
  });
});
