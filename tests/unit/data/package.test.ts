import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../../src/data/csv';
import { aliasProblems, duplicateLabels, ENTITY_COLUMNS, FIGURE_COLUMNS, parseFigures, parseSources, parseYear, SOURCE_COLUMNS, SOURCE_FILE_COLUMNS, unusedMetrics, type Problem } from '../../../src/data/package';
import { checkManifest, parseEntities } from '../../../src/data/packageDetails';
import type { Manifest, MetricDef } from '../../../src/data/types';
import { metric, metricMap, source, sourceMap } from '../helpers';

type FigRow = Partial<Record<(typeof FIGURE_COLUMNS)[number], string>>;

const GOOD: Required<FigRow> = {
  id: 'f1',
  metric: 'incubators_total',
  region_code: '320000',
  region: '江苏',
  year: '2019',
  value: '848',
  qualifier: 'exact',
  as_of: '',
  unit: '家',
  note: '',
  source_id: 's1',
};

function figuresCsv(rows: FigRow[]): string {
  return toCsv(FIGURE_COLUMNS, rows.map((r) => FIGURE_COLUMNS.map((c) => r[c] ?? GOOD[c])));
}

const METRICS = metricMap(metric({ id: 'incubators_total' }), metric({ id: 'maker_spaces_total', group: 'maker_spaces' }));
const SOURCES = sourceMap(source({ id: 's1', url: 'https://example.gov.cn/a', quote: '848家' }), source({ id: 's2', citation: '新华日报, 2020-01-02' }));

function figs(rows: FigRow[], file?: string) {
  return parseFigures(parseCsv(figuresCsv(rows)), METRICS, SOURCES, file);
}

function only(problems: Problem[]): Problem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('parseYear', () => {
  it('accepts 4-digit years from 1980 to 2100', () => {
    expect(parseYear('2019')).toBe(2019);
    expect(parseYear(' 2019 ')).toBe(2019);
    expect(parseYear('1980')).toBe(1980);
    expect(parseYear('2100')).toBe(2100);
  });
  it.each(['1979', '2101', '19', '2019.0', '2019年', 'abcd', '', '-2019', '20190'])('rejects %j', (s) => {
    expect(parseYear(s)).toBeNull();
  });
});

describe('parseFigures', () => {
  it('loads a valid row into a typed figure', () => {
    const { figures, problems } = figs([{ as_of: '2023-06', note: '备注', unit: '家' }]);
    expect(problems).toEqual([]);
    expect(figures).toEqual([
      {
        id: 'f1',
        metric: 'incubators_total',
        region: '320000',
        year: 2019,
        value: 848,
        qualifier: 'exact',
        asOf: '2023-06',
        unit: '家',
        note: '备注',
        sourceId: 's1',
      },
    ]);
  });

  it('normalises the region (code first, else name column) and accepts CN', () => {
    const { figures, problems } = figs([
      { id: 'a', region_code: '', region: '广西壮族自治区' },
      { id: 'b', region_code: 'CN', region: '全国' },
      { id: 'c', region_code: ' 110000 ', region: 'whatever' },
    ]);
    expect(problems).toEqual([]);
    expect(figures.map((f) => f.region)).toEqual(['450000', 'CN', '110000']);
  });

  it('accepts decimals and zero, empty as_of becomes null', () => {
    const { figures, problems } = figs([
      { id: 'a', value: '0' },
      { id: 'b', value: '12.5', year: '2020' },
    ]);
    expect(problems).toEqual([]);
    expect(figures.map((f) => [f.value, f.asOf])).toEqual([
      [0, null],
      [12.5, null],
    ]);
  });

  it('accepts all three qualifiers', () => {
    const { figures, problems } = figs([
      { id: 'a', qualifier: 'exact', year: '2015' },
      { id: 'b', qualifier: 'at_least', year: '2016' },
      { id: 'c', qualifier: 'about', year: '2017' },
    ]);
    expect(problems).toEqual([]);
    expect(figures.map((f) => f.qualifier)).toEqual(['exact', 'at_least', 'about']);
  });

  const bad: [string, FigRow, RegExp][] = [
    ['unknown metric', { metric: 'unicorns' }, /unknown metric "unicorns"/],
    ['unknown region', { region_code: '火星', region: '' }, /unknown region "火星"/],
    ['city code as region', { region_code: '320100' }, /unknown region "320100"/],
    ['empty region', { region_code: '', region: '' }, /unknown region ""/],
    ['bad year', { year: '20x9' }, /year "20x9"/],
    ['year out of range', { year: '1850' }, /year "1850"/],
    ['non-numeric value', { value: 'many' }, /value "many"/],
    ['value with thousands separator', { value: '1,000' }, /value "1,000"/],
    ['empty value', { value: '' }, /value ""/],
    ['negative value', { value: '-5' }, /value "-5"/],
    ['infinite value', { value: 'Infinity' }, /value "Infinity"/],
    ['bad qualifier', { qualifier: 'more_than' }, /qualifier "more_than"/],
    ['empty qualifier', { qualifier: '' }, /qualifier ""/],
    ['bad as_of (month 13)', { as_of: '2023-13' }, /as_of "2023-13"/],
    ['bad as_of (full date)', { as_of: '2023-06-01' }, /as_of "2023-06-01"/],
    ['bad as_of (1-digit month)', { as_of: '2023-6' }, /as_of "2023-6"/],
    ['missing source_id', { source_id: '' }, /without source_id/],
    ['unknown source_id', { source_id: 's404' }, /source_id "s404" not in sources/],
    ['missing id', { id: '' }, /figure without id/],
  ];

  it.each(bad)('%s → one problem naming file and line, valid rows still load', (_name, row, re) => {
    // line 2: valid; line 3: the bad row; line 4: valid
    const { figures, problems } = figs([
      { id: 'ok1', year: '2017' },
      { id: 'bad', ...row },
      { id: 'ok2', year: '2018' },
    ]);
    const p = only(problems);
    expect(p.file).toBe('figures.csv');
    expect(p.line).toBe(3);
    expect(p.message).toMatch(re);
    expect(figures.map((f) => f.id)).toEqual(['ok1', 'ok2']);
  });

  it('uses the file name it is given', () => {
    const { problems } = figs([{ metric: 'nope' }], 'data/figures.csv');
    expect(only(problems).file).toBe('data/figures.csv');
  });

  it('reports every problem of one bad row separately, on the same line', () => {
    const { figures, problems } = figs([{ metric: 'x', region_code: '火星', year: '1', value: '-1', qualifier: 'q', as_of: 'x', source_id: 'nope' }]);
    expect(figures).toEqual([]);
    expect(problems).toHaveLength(7);
    expect(new Set(problems.map((p) => p.line))).toEqual(new Set([2]));
  });

  it('reports a duplicate id on the later line and keeps the first', () => {
    const { figures, problems } = figs([
      { id: 'dup', year: '2017' },
      { id: 'other', year: '2018' },
      { id: 'dup', year: '2019' },
    ]);
    const p = only(problems);
    expect(p).toMatchObject({ file: 'figures.csv', line: 4 });
    expect(p.message).toMatch(/duplicate figure id dup/);
    expect(figures.map((f) => `${f.id}:${f.year}`)).toEqual(['dup:2017', 'other:2018']);
  });

  it('reports an exact duplicate row (other id) naming the first line', () => {
    const { figures, problems } = figs([{ id: 'a' }, { id: 'b', year: '2020' }, { id: 'c' }]);
    const p = only(problems);
    expect(p).toEqual({ file: 'figures.csv', line: 4, message: 'exact duplicate of line 2' });
    expect(figures.map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('does not treat the same value from a different source (or with other as_of) as a duplicate', () => {
    const { figures, problems } = figs([
      { id: 'a' },
      { id: 'b', source_id: 's2' },
      { id: 'c', as_of: '2020-01' },
      { id: 'd', qualifier: 'at_least' },
    ]);
    expect(problems).toEqual([]);
    expect(figures).toHaveLength(4);
  });

  it('exact-duplicate detection uses the normalised region and numeric value', () => {
    const { problems } = figs([
      { id: 'a', region_code: '320000', value: '848' },
      { id: 'b', region_code: '', region: '江苏省', value: '848.0' },
    ]);
    expect(only(problems)).toEqual({ file: 'figures.csv', line: 3, message: 'exact duplicate of line 2' });
  });

  it('reports the right line for rows after a multi-line note', () => {
    const { figures, problems } = figs([
      { id: 'a', note: '第一行\n第二行\n第三行' }, // lines 2-4
      { id: 'b', metric: 'nope' }, // line 5
    ]);
    expect(figures.map((f) => f.id)).toEqual(['a']);
    expect(only(problems)).toMatchObject({ file: 'figures.csv', line: 5 });
  });

  it('reports missing columns on line 1 and loads nothing', () => {
    const text = 'id,metric,region_code,year,value,qualifier,unit,note\nf1,incubators_total,320000,2019,848,exact,家,\n';
    const { figures, problems } = parseFigures(parseCsv(text), METRICS, SOURCES);
    expect(figures).toEqual([]);
    const p = only(problems);
    expect(p.file).toBe('figures.csv');
    expect(p.line).toBe(1);
    expect(p.message).toMatch(/missing column/);
    for (const col of ['region', 'as_of', 'source_id']) expect(p.message).toContain(col);
  });

  it('passes through CSV-level field-count errors with file and line', () => {
    const lines = figuresCsv([{ id: 'a' }, { id: 'b', year: '2020' }]).split('\n');
    lines.splice(2, 0, 'short,row'); // becomes line 3
    const { figures, problems } = parseFigures(parseCsv(lines.join('\n')), METRICS, SOURCES);
    expect(figures.map((f) => f.id)).toEqual(['a', 'b']);
    expect(problems).toContainEqual({ file: 'figures.csv', line: 3, message: 'expected 11 fields, found 2' });
  });

  // Minor validation gap (src/data/package.ts:89): the value is parsed with
  // Number(), which also accepts hexadecimal / binary literals, so a malformed
  // "0x10" silently loads as 16 instead of being reported as non-numeric.
  it('rejects non-decimal number literals such as 0x10 as values', () => {
    const { figures, problems } = figs([{ value: '0x10' }]);
    expect(figures).toEqual([]);
    expect(only(problems).message).toMatch(/value "0x10"/);
  });
});

describe('parseSources', () => {
  function srcCsv(rows: string[][]): string {
    return toCsv(SOURCE_COLUMNS, rows);
  }

  it('loads sources with url or citation, keeping the quote verbatim', () => {
    const { sources, problems } = parseSources(
      parseCsv(srcCsv([
        ['s1', 'https://a.gov.cn/x', '', 'a.gov.cn', '2020-01', '  超过1,000家  '],
        ['s2', '', '新华日报, 2020', '新华日报', '2020', '原文'],
      ])),
    );
    expect(problems).toEqual([]);
    expect(sources.get('s1')).toEqual({ id: 's1', url: 'https://a.gov.cn/x', citation: '', publisher: 'a.gov.cn', date: '2020-01', quote: '  超过1,000家  ', originalPublisher: '' });
    expect(sources.get('s2')?.citation).toBe('新华日报, 2020');
  });

  it('reads the optional original_publisher column where the file has it', () => {
    const { sources, problems } = parseSources(
      parseCsv(toCsv(SOURCE_FILE_COLUMNS, [
        ['s1', 'http://www.huai123.net/x', '', 'www.huai123.net', '', '345家孵化载体', ' 科技日报 '],
        ['s2', 'https://a.gov.cn/x', '', 'a.gov.cn', '', 'q', ''],
      ])),
    );
    expect(problems).toEqual([]);
    expect(sources.get('s1')?.originalPublisher).toBe('科技日报');
    expect(sources.get('s2')?.originalPublisher).toBe('');
  });

  it('reports a source without id, a duplicate id and a source with neither URL nor citation', () => {
    const { sources, problems } = parseSources(
      parseCsv(srcCsv([
        ['s1', 'https://a', '', '', '', 'q'],
        ['', 'https://b', '', '', '', 'q'],
        ['s1', 'https://c', '', '', '', 'q'],
        ['s3', '', '', 'pub', '', 'q'],
      ])),
    );
    expect(problems).toEqual([
      { file: 'sources.csv', line: 3, message: 'source without id' },
      { file: 'sources.csv', line: 4, message: 'duplicate source id s1' },
      { file: 'sources.csv', line: 5, message: 'source s3 has neither URL nor citation' },
    ]);
    expect(sources.get('s1')?.url).toBe('https://a');
    expect([...sources.keys()]).toEqual(['s1', 's3']);
  });

  it('rejects non-http(s) URLs (javascript:) and never keeps them', () => {
    const { sources, problems } = parseSources(parseCsv(srcCsv([['s1', 'javascript:alert(1)', 'cit', '', '', 'q']])));
    expect(only(problems)).toMatchObject({ file: 'sources.csv', line: 2 });
    expect(problems[0]?.message).toMatch(/http/);
    expect(sources.get('s1')?.url).toBe('');
  });

  it('reports missing columns on line 1 and loads nothing', () => {
    const { sources, problems } = parseSources(parseCsv('id,url,publisher\ns1,https://a,b\n'), 'x/sources.csv');
    expect(sources.size).toBe(0);
    const p = only(problems);
    expect(p).toMatchObject({ file: 'x/sources.csv', line: 1 });
    expect(p.message).toContain('citation');
    // the quote may be in a side file (source_quotes.csv)
    expect(p.message).not.toContain('quote');
  });
});

describe('parseEntities', () => {
  const E = (o: Partial<Record<(typeof ENTITY_COLUMNS)[number], string>>) =>
    ENTITY_COLUMNS.map((c) => o[c] ?? { id: 'e1', kind: 'national_incubator', name: '某孵化器', region_code: '', province: '', city: '', year: '', rank: '', score: '', note: '', source_id: 's1' }[c]);

  it('loads entities with optional region and year', () => {
    const { entities, problems } = parseEntities(
      parseCsv(toCsv(ENTITY_COLUMNS, [E({ id: 'e1' }), E({ id: 'e2', region_code: '江苏', city: '南京', year: '2001', rank: 'A' })])),
      SOURCES,
    );
    expect(problems).toEqual([]);
    expect(entities[0]).toMatchObject({ id: 'e1', region: '', year: null });
    expect(entities[1]).toMatchObject({ id: 'e2', region: '320000', city: '南京', year: 2001, rank: 'A', sourceId: 's1' });
  });

  it('reports entity rules with file and line; valid rows still load', () => {
    const { entities, problems } = parseEntities(
      parseCsv(toCsv(ENTITY_COLUMNS, [
        E({ id: 'ok1' }),
        E({ id: 'noname', name: '  ' }),
        E({ id: 'nosrc', source_id: 's404' }),
        E({ id: 'badreg', region_code: '火星' }),
        E({ id: 'national', region_code: 'CN' }),
        E({ id: 'badyear', year: '20xx' }),
        E({ id: 'ok2' }),
      ])),
      SOURCES,
    );
    expect(entities.map((e) => e.id)).toEqual(['ok1', 'ok2']);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['entities.csv', 3],
      ['entities.csv', 4],
      ['entities.csv', 5],
      ['entities.csv', 6],
      ['entities.csv', 7],
    ]);
    expect(problems[0]?.message).toMatch(/without name/);
    expect(problems[1]?.message).toMatch(/s404/);
    expect(problems[2]?.message).toMatch(/火星/);
    expect(problems[3]?.message).toMatch(/unknown region "CN"/);
    expect(problems[4]?.message).toMatch(/20xx/);
  });

  it('reports missing columns on line 1', () => {
    const { entities, problems } = parseEntities(parseCsv('id,kind,name\ne1,k,n\n'), SOURCES);
    expect(entities).toEqual([]);
    expect(only(problems)).toMatchObject({ file: 'entities.csv', line: 1 });
  });
});

describe('checkManifest', () => {
  const manifest = (metrics: MetricDef[]): Manifest => ({ name: 'x', version: '1', generated: '', datasets: [], groups: [], metrics });

  it('accepts a good registry', () => {
    expect(checkManifest(manifest([metric({ id: 'a' }), metric({ id: 'b', kind: 'flow' })]))).toEqual([]);
  });

  it('reports duplicate ids, unknown group/kind, missing translations and missing id', () => {
    const bad = [
      metric({ id: 'a' }),
      metric({ id: 'a' }),
      { ...metric({ id: 'g' }), group: 'rockets' as MetricDef['group'] },
      { ...metric({ id: 'k' }), kind: 'stocks' as MetricDef['kind'] },
      metric({ id: 'l', label: { zh: '孵化器', en: '' } }),
      metric({ id: 'u', unit: { zh: '', en: 'x' } }),
      metric({ id: '' }),
    ];
    const problems = checkManifest(manifest(bad), 'manifest.json');
    const msgs = problems.map((p) => p.message);
    expect(problems.every((p) => p.file === 'manifest.json')).toBe(true);
    expect(msgs).toContain('metrics[1] (a): duplicate id');
    expect(msgs).toContain('metrics[2] (g): unknown group rockets');
    expect(msgs).toContain('metrics[3] (k): unknown kind stocks');
    expect(msgs).toContain('metrics[4] (l): label needs zh and en');
    expect(msgs).toContain('metrics[5] (u): unit needs zh and en');
    expect(msgs).toContain('metrics[6] (): no id');
    expect(problems).toHaveLength(6);
  });

  it('accepts aliases of former ids to registered metrics, and reports the others', () => {
    const ok = { ...manifest([metric({ id: 'a' }), metric({ id: 'b' })]), aliases: { old_a: 'a' } };
    expect(aliasProblems(ok)).toEqual([]);
    const bad = { ...manifest([metric({ id: 'a' }), metric({ id: 'b' })]), aliases: { old_a: 'gone', b: 'a' } };
    expect(aliasProblems(bad).map((p) => p.message)).toEqual(['aliases.old_a: points to unknown metric gone', 'aliases.b: is still a metric id']);
  });
});

describe('duplicateLabels', () => {
  const manifest = (metrics: MetricDef[]): Manifest => ({ name: 'x', version: '1', generated: '', datasets: [], groups: [], metrics });

  it('names each pair of metrics sharing a label, per language', () => {
    const ms = [
      metric({ id: 'a', label: { zh: '省级孵化器', en: 'Provincial incubators' } }),
      metric({ id: 'b', label: { zh: '省级孵化器', en: 'Provincial-level incubators' } }),
      metric({ id: 'c', label: { zh: '国家级孵化器', en: 'Provincial incubators ' } }),
    ];
    expect(duplicateLabels(manifest(ms)).map((p) => p.message)).toEqual([
      'metrics a and b share the zh label "省级孵化器"',
      'metrics a and c share the en label "Provincial incubators"',
    ]);
    expect(duplicateLabels(manifest(ms.slice(1)))).toEqual([]);
  });
});

describe('unusedMetrics', () => {
  it('lists metrics without figures', () => {
    const m: Manifest = { name: '', version: '', generated: '', datasets: [], groups: [], metrics: [metric({ id: 'a' }), metric({ id: 'b' })] };
    const { figures } = figs([{ metric: 'incubators_total' }]);
    expect(unusedMetrics(m, figures.map((f) => ({ ...f, metric: 'a' })))).toEqual(['b']);
  });
});
