/**
 * Column headers in Chinese or English, with their common synonyms, and year
 * headers of wide tables ("2019", "2019年", "2019 年", "2019年末",
 * "2019-12"). Pure.
 */
import type { ColumnRole } from './types';

/** Canonical form of a header for matching: width, case, spaces and punctuation ignored. */
export function headerKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000_\-.·•:：*＊#№'"“”‘’、/\\|]/g, '');
}

/** A unit in parentheses at the end of a header: "数量（家）" → { base: "数量", unit: "家" }. */
export function splitHeaderUnit(h: string): { base: string; unit: string } {
  const s = h.normalize('NFKC').trim();
  const m = /^(.*?)\s*[([【]\s*(?:单位\s*[:：]?\s*|unit\s*[:：]?\s*)?([^()[\]【】]{1,12})\s*[)\]】]\s*$/i.exec(s);
  if (m && m[1] && m[1].trim()) return { base: m[1].trim(), unit: m[2]!.trim() };
  return { base: s, unit: '' };
}

/** Exact synonyms (after headerKey). */
const EXACT: [ColumnRole, string[]][] = [
  ['region', ['省份', '地区', '省', '区域', '省市', '省区市', '省份名称', '地区名称', '省级行政区', '行政区', '行政区划', '省(区市)', '省(区、市)', '省(自治区直辖市)', '省自治区直辖市', '所在省份', '所在地区', '省别', '地区别', 'province', 'region', 'area', 'prov', 'provincename', 'regionname', 'provincialregion', 'location']],
  ['region', ['地区代码', '行政区划代码', '区划代码', '省份代码', '代码', '地区编码', '行政代码', 'regioncode', 'provincecode', 'code', 'adcode', 'gbcode', 'divisioncode']],
  ['year', ['年份', '年度', '年', '统计年度', '年份年', '时间', 'year', 'yr', 'statisticalyear', 'fiscalyear']],
  ['metric', ['指标', '指标名称', '项目', '统计指标', '指标项', 'metric', 'indicator', 'measure', 'item', 'series', 'variable', 'metricid']],
  ['value', ['数值', '数量', '值', '数', '数据', '个数', '家数', '总数', '统计值', '指标值', 'value', 'count', 'number', 'amount', 'figure', 'val', 'qty', 'quantity', 'num']],
  ['source', ['来源', '数据来源', '资料来源', '出处', '信息来源', '来源链接', '来源网址', '链接', 'source', 'sources', 'reference', 'ref', 'url', 'link', 'sourceurl', 'sourcecitation', 'citation']],
  ['unit', ['单位', '计量单位', '数值单位', 'unit', 'units', 'uom']],
  ['note', ['备注', '说明', '注', '附注', '注释', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments']],
  ['asOf', ['截至', '截止', '截至时间', '截止时间', '截至日期', '截止日期', '时点', '统计时点', '截至年月', 'asof', 'date', 'asofdate', 'period']],
  ['qualifier', ['限定', '限定词', '精确度', '数值类型', 'qualifier', 'precision']],
  ['metricLabelZh', ['metriclabelzh', '指标中文名']],
  ['metricLabelEn', ['metriclabelen', '指标英文名']],
  ['metricUnitZh', ['metricunitzh', '单位中文']],
  ['metricUnitEn', ['metricuniten', '单位英文']],
  // columns of our own exports that carry nothing to import
  ['ignore', ['id', 'sheet', '工作表', 'sourceid', 'sourcepublisher', 'sourcedate', 'sourcequote', '序号', '编号', '排名', '排序', 'no', 'rank', '行号', '原因', 'line', 'reason', '问题', 'problem']],
];

const EXACT_MAP: Map<string, ColumnRole> = (() => {
  const m = new Map<string, ColumnRole>();
  for (const [role, words] of EXACT) for (const w of words) if (!m.has(headerKey(w))) m.set(headerKey(w), role);
  return m;
})();

/** Headers of the data package's own format, taken over as they are. */
const PACKAGE: Record<string, ColumnRole> = {
  id: 'ignore',
  metric: 'metric',
  region_code: 'region',
  region: 'regionAlt',
  year: 'year',
  value: 'value',
  qualifier: 'qualifier',
  as_of: 'asOf',
  unit: 'unit',
  note: 'note',
  source_id: 'ignore',
  source_url: 'source',
  source_citation: 'source',
  source_publisher: 'ignore',
  source_date: 'ignore',
  source_quote: 'ignore',
  metric_label_zh: 'metricLabelZh',
  metric_label_en: 'metricLabelEn',
  metric_unit_zh: 'metricUnitZh',
  metric_unit_en: 'metricUnitEn',
};

/** Headers that contain one of these words (and matched nothing exactly). */
const CONTAINS: [ColumnRole, RegExp][] = [
  ['region', /^(所在|所属)?(省份|地区|省区市|行政区划?|区域|province|region)(名称|名|代码|编码|code|name|id)?$/],
  ['asOf', /(截至|截止|asof)/],
  ['year', /^(年份|年度)|(年份|年度)$|^year|year$/],
  ['metric', /(指标|indicator|metric)/],
  ['source', /(来源|出处|source)/],
  ['note', /(备注|说明|附注|note|remark|comment)/],
  ['unit', /(单位$|^unit)/],
];

/** The year (and month) of a wide table's year header, or null. */
export function parseYearHeader(h: string): { year: number; asOf: string | null } | null {
  const s = h.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // strip a unit in parentheses: "2019年(家)"
  const base = splitHeaderUnit(s).base;
  let m = /^(?:fy|y)?\s*(\d{4})\s*(?:年\s*(?:度|末|底|年末|年底)?|年度)?(?:数据|数|值)?$/i.exec(base);
  if (m) return okYear(Number(m[1]), null);
  m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:月\s*(?:末|底)?)?$/.exec(base);
  if (m) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return okYear(Number(m[1]), `${m[1]}-${String(mo).padStart(2, '0')}`);
  }
  return null;
}

function okYear(y: number, asOf: string | null): { year: number; asOf: string | null } | null {
  return y >= 1980 && y <= 2100 ? { year: y, asOf } : null;
}

export interface HeaderGuess {
  role: ColumnRole;
  how: 'header' | 'year-header' | 'package' | 'known-ignored' | 'unrecognised';
  year?: number;
  asOf?: string | null;
  unit?: string;
}

/** What a header says a column holds. `packageFormat`: the header row is the data package's own. */
export function guessHeader(h: string, packageFormat = false): HeaderGuess {
  const raw = h.trim();
  if (packageFormat) {
    const r = PACKAGE[raw.toLowerCase()];
    if (r) return { role: r, how: r === 'ignore' ? 'known-ignored' : 'package' };
  }
  const y = parseYearHeader(raw);
  if (y) return { role: 'yearColumn', how: 'year-header', year: y.year, asOf: y.asOf };
  const { base, unit } = splitHeaderUnit(raw);
  const exactRaw = EXACT_MAP.get(headerKey(raw));
  if (exactRaw) return { role: exactRaw, how: exactRaw === 'ignore' ? 'known-ignored' : 'header' };
  const exactBase = unit ? EXACT_MAP.get(headerKey(base)) : undefined;
  if (exactBase) return { role: exactBase, how: exactBase === 'ignore' ? 'known-ignored' : 'header', unit };
  const k = headerKey(base);
  // the corner cell of a statistical table: "地区\年份", "省份/年度", "Region \ Year" — the rows are regions
  if (/(省份|地区|省市|省区市|省|province|region)/.test(k) && /(年份|年度|年|year)/.test(k) && k.length <= 16) return { role: 'region', how: 'header' };
  if (k && k.length <= 24) {
    for (const [role, re] of CONTAINS) if (re.test(k)) return { role, how: 'header', ...(unit ? { unit } : {}) };
  }
  return { role: 'ignore', how: 'unrecognised', ...(unit ? { unit } : {}) };
}

/** Is this header row the data package's own format (figures.csv / our exports)? */
export function isPackageHeader(header: readonly string[]): boolean {
  const h = new Set(header.map((x) => x.trim().toLowerCase()));
  return h.has('metric') && h.has('region_code') && h.has('year') && h.has('value') && h.has('qualifier');
}

/** Region-code headers are preferred over name headers as the primary region column. */
export function isCodeHeader(h: string): boolean {
  return /(代码|编码|code)/.test(headerKey(h));
}

/** The metric named by a header of a wide-by-metric table: unit and punctuation trimmed. */
export function metricKeyOfHeader(h: string): string {
  return splitHeaderUnit(h).base.trim();
}
