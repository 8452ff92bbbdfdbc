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
    expect(Object.keys(files).sort()).toEqual(['figure_notes.csv', 'figures.csv', 'manifest.json', 'source_quotes.csv', 'sources.csv']);
    expect(files['sources.csv']).not.toContain('江苏 848');
    expect(files['source_quotes.csv']).toContain('江苏 848 家，广东超过 1013 家');
    const m = JSON.parse(files['manifest.json']!) as { datasets: { id: string; rows?: number }[] };
    expect(m.datasets.map((d) => [d.id, d.rows])).toEqual([
      ['figures', 3],
      ['figure_notes', 2],
      ['sources', 2],
      ['source_quotes', 1],
      ['entities', 0],
    ]);
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
