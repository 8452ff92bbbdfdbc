// Writes the synthetic CSV fixtures of the importer's tests into
// tests/fixtures/import/. Node has no GBK encoder, so GB18030 bytes are made
// from a reverse map built with Node's own decoder: every two-byte sequence
// 0x81–0xFE × 0x40–0xFE is decoded once and the character it gives is
// mapped back to those bytes.  Run: node scripts/make-import-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'import');
mkdirSync(out, { recursive: true });

const dec = new TextDecoder('gb18030');
const reverse = new Map();
for (let a = 0x81; a <= 0xfe; a++) {
  for (let b = 0x40; b <= 0xfe; b++) {
    if (b === 0x7f) continue;
    const ch = dec.decode(new Uint8Array([a, b]));
    if (ch.length === 1 && ch !== '\uFFFD' && !reverse.has(ch)) reverse.set(ch, [a, b]);
  }
}

/** GB18030 (two-byte GBK range) bytes of a string; throws on characters outside it. */
export function gbk(s) {
  const bytes = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c < 0x80) bytes.push(c);
    else {
      const pair = reverse.get(ch);
      if (!pair) throw new Error(`no GBK bytes for ${ch} (U+${c.toString(16)})`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

const crlf = (lines) => lines.join('\r\n') + '\r\n';
const utf8 = (s) => new TextEncoder().encode(s);
const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);
const cat = (...parts) => {
  const n = parts.reduce((k, p) => k + p.length, 0);
  const r = new Uint8Array(n);
  let at = 0;
  for (const p of parts) (r.set(p, at), (at += p.length));
  return r;
};

// A provincial table as exported from Excel on Chinese Windows: a title
// line, a header with years written three ways, thousands separators,
// 万, lower bounds and approximations, "no figure" marks, a note below.
const wide = crlf([
  '表1 各地区科技企业孵化器数量（家）,,,,',
  ',,,,',
  '地区,2019年,2020年,2021 年,备注',
  '北京市,"1,234",超过1300,1350,',
  '江苏省,5.2万,近5.5万,"56,000",省科技厅',
  '广东,900,950余,—,',
  '内蒙古自治区,120,-,/,无新数据',
  '西藏,无,N/A,,',
  '新疆维吾尔自治区,80,85,90,',
  '火星,1,2,3,',
  '上海,-20,30,40,',
  '注：数据来源于各省科学技术厅公开资料。,,,,',
]);
writeFileSync(join(out, 'wide-gbk.csv'), gbk(wide));
writeFileSync(join(out, 'wide-utf8.csv'), utf8(wide));
writeFileSync(join(out, 'wide-utf8-bom.csv'), cat(BOM, utf8(wide)));

// A long table with good and bad rows (UTF-8 with BOM, as Excel's "CSV UTF-8" writes).
const long = crlf([
  '省份,年份,指标,数值,来源,备注',
  '北京,2020,众创空间,5.2万,市科委,',
  '浙江省,2020,众创空间,约2万,,',
  'Jiangsu,2020,众创空间,1.3亿,,测试大数',
  '440000,2020,众创空间,5万余,,',
  '11,2021,众创空间,>5万,,',
  '湖北,2020,众创空间,~2万,,',
  '湖南,2020,众创空间,1 234,,',
  '火星省,2020,众创空间,100,,',
  '河南,二〇二〇,众创空间,100,,',
  '河北,2020,众创空间,-5,,',
  '山东,2020,众创空间,abc,,',
  ',2020,众创空间,100,,',
  '湖南,2020,众创空间,1 234,,',
  '四川,2020,众创空间,100,,,多余',
  '重庆,2020,众创空间,N/A,,',
  '云南,2020,众创空间,/,,',
  '"贵州,2020,众创空间,100,,',
  '福建,2020,众创空间,300,,',
]);
writeFileSync(join(out, 'long-bad.csv'), cat(BOM, utf8(long)));

// Tab-delimited, English headers, codes that must stay strings.
writeFileSync(
  join(out, 'long-tab.tsv'),
  utf8(['Province\tYear\tIndicator\tValue\tUnit', '110000\t2022\tincubators_national\t70\tinstitutions', 'Shanghai\t2022\tincubators_national\t60\tinstitutions', 'Guangdong Province\t2022\tincubators_national\t200\tinstitutions', ''].join('\n')),
);

// Semicolon-delimited, one year, one metric per column (wide by metric), GBK.
writeFileSync(
  join(out, 'metrics-semicolon-gbk.csv'),
  gbk(crlf(['2022年各省双创载体', '省份;孵化器数量(家);众创空间数量(家)', '北京;500;600', '天津;120;—', '河北;300;400'])),
);

// Untrusted names: markup in a region and in a metric name.
writeFileSync(
  join(out, 'xss.csv'),
  utf8(
    crlf([
      '地区,年份,指标,数值',
      '"<img src=x onerror=alert(1)>",2023,"<img src=x onerror=alert(1)>",5',
      '江苏,2023,"<img src=x onerror=alert(1)>",77',
      '浙江,2023,"<img src=x onerror=alert(1)>",66',
      '"""><script>alert(2)</script>",2023,"<img src=x onerror=alert(1)>",1',
    ]),
  ),
);

console.log(`fixtures written to ${out}`);

// ---- workbooks (.xlsx and .xls), written with the same library the app reads them with
import * as XLSX from '@e965/xlsx';
import { NOTES, yearSheet } from './fixtures/yearbook.mjs';

/** Fixed dates, so that running this again writes the same bytes. */
const WHEN = new Date(Date.UTC(2024, 0, 1));

function book(sheets) {
  const wb = XLSX.utils.book_new();
  wb.Props = { Title: 'Hatch Atlas example (made-up numbers)', Author: 'Hatch Atlas', CreatedDate: WHEN, ModifiedDate: WHEN };
  for (const { name, rows, merges } of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    if (merges) ws['!merges'] = merges;
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return wb;
}

const write = (wb, bookType) => new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }));

const LABEL = '（示例：数字为虚构）';
const yearbook = book([
  { name: '2021年', ...yearSheet(2021, { label: LABEL }) },
  { name: '2022年', ...yearSheet(2022, { label: LABEL }) },
  { name: '说明', rows: NOTES },
]);
writeFileSync(join(out, 'yearbook.xlsx'), write(yearbook, 'xlsx'));
writeFileSync(join(out, 'yearbook.xls'), write(yearbook, 'biff8'));
// the README's example file: the same workbook
const examples = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
mkdirSync(examples, { recursive: true });
writeFileSync(join(examples, 'yearbook-example.xlsx'), write(yearbook, 'xlsx'));

// the year from the sheet's name (the title has none), and a sheet with no year anywhere
const untitled = (year) => {
  const s = yearSheet(year, { label: LABEL, corps: false, cities: false });
  s.rows[0] = ['表3-1  各地区科技企业孵化器基本情况（示例：数字为虚构）'];
  return s;
};
writeFileSync(join(out, 'yearbook-sheet-year.xlsx'), write(book([{ name: '2020', ...untitled(2021) }, { name: '汇总', ...untitled(2022) }]), 'xlsx'));

// the 2022 sheet as Excel saves it as CSV on Chinese Windows: GBK, merged cells lost
const csv = yearSheet(2022, { label: LABEL }).rows.map((r) => {
  const cells = [...r, '', '', '', '', ''].slice(0, 5).map((v) => String(v ?? ''));
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
});
writeFileSync(join(out, 'yearbook-2022-gbk.csv'), gbk(crlf(csv)));

// The same workbook as an Excel 5.0/95 (BIFF5) file from a Chinese Windows: its text in code page
// 936 (GBK), not UTF-16 as in BIFF8. SheetJS writes no GBK, so it writes each Chinese string as a
// Latin placeholder of the same byte length, and the placeholders' bytes are then overwritten
// with the string's GBK bytes and the CODEPAGE record (0x0042) set to 936.
function gbkBiff5(wb) {
  const texts = new Set(wb.SheetNames);
  for (const name of wb.SheetNames) for (const c of Object.values(wb.Sheets[name])) if (c && c.t === 's') texts.add(c.v);
  const swaps = [];
  for (const t of texts) {
    if (!/[^\x00-\x7f]/.test(t)) continue;
    const bytes = gbk(t);
    const i = swaps.length;
    const token = `Q${String.fromCharCode(65 + Math.floor(i / 676), 65 + (Math.floor(i / 26) % 26), 65 + (i % 26))}`.padEnd(bytes.length, 'x');
    if (bytes.length < 4) throw new Error(`too short for a placeholder: ${t}`);
    swaps.push({ t, token, bytes });
  }
  const map = new Map(swaps.map((x) => [x.t, x.token]));
  const copy = XLSX.utils.book_new();
  for (const name of wb.SheetNames) {
    const ws = { ...wb.Sheets[name] };
    for (const [k, c] of Object.entries(ws)) if (c && c.t === 's' && map.has(c.v)) ws[k] = { ...c, v: map.get(c.v) };
    XLSX.utils.book_append_sheet(copy, ws, map.get(name) ?? name);
  }
  copy.Props = wb.Props;
  const buf = Buffer.from(XLSX.write(copy, { type: 'buffer', bookType: 'biff5' }));
  for (const { t, token, bytes } of swaps) {
    let n = 0;
    for (let at = buf.indexOf(token, 0, 'latin1'); at >= 0; at = buf.indexOf(token, at + 1, 'latin1'), n++) buf.set(bytes, at);
    if (!n) throw new Error(`placeholder of ${t} not found`);
  }
  const cp = buf.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00]));
  if (cp < 0 || buf.readUInt16LE(cp + 4) !== 1252) throw new Error('no CODEPAGE record');
  buf.writeUInt16LE(936, cp + 4);
  return new Uint8Array(buf);
}
writeFileSync(join(out, 'yearbook-gbk-biff5.xls'), gbkBiff5(yearbook));
console.log(`workbooks written to ${out} and ${examples}`);
