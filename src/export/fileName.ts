/** File names that say what is inside, e.g. 国家级科技企业孵化器-2022-map.png. Pure. */
import type { Lang, MetricDef } from '../data/types';
import type { YearSelection } from '../data/query';

/** Characters that file systems or browsers refuse in a download name are replaced. */
export function safeFilePart(s: string): string {
  return s
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, '_')
    .replace(/-+/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 80);
}

export function chartFileName(parts: { metric?: MetricDef | null; year?: YearSelection | 'all' | null; view: string; extra?: string; lang: Lang }, ext: string): string {
  const { metric, year, view, extra, lang } = parts;
  // a ratio's label says its measure (…（每百万常住人口）); in English the id gets it
  const name = metric ? (lang === 'zh' ? metric.label.zh : metric.id + (metric.per ? `-per-${metric.per === 'capita' ? 'million-residents' : '100bn-yuan-gdp'}` : '')) : lang === 'zh' ? '孵化图谱' : 'hatch-atlas';
  const y = year === null || year === undefined ? '' : year === 'latest' ? (lang === 'zh' ? '最新可得' : 'latest') : year === 'all' ? (lang === 'zh' ? '全部年份' : 'all-years') : String(year);
  return [name, y, extra, view].filter(Boolean).map((p) => safeFilePart(String(p))).join('-') + '.' + ext;
}

/** Width and height of a PNG from its bytes (IHDR), for checks. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}
