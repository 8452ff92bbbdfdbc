/**
 * Publishes an office's own table for every viewer of a deployment: reads a
 * CSV, .xlsx or .xls file with the app's import pipeline, prints the same
 * report the import dialog shows, and adds its figures, their sources and
 * any new metric to a data package (public/data/ by default; or a built
 * copy's dist/data/, which needs no rebuild). Running it again with the same
 * file adds nothing.
 *
 *   npm run data:add -- FILE [--sheet NAME]… [--year YYYY] [--map "HEADER=METRIC_ID"]…
 *                       [--source "CITATION"] [--url URL] [--data DIR] [--group GROUP]
 *                       [--lang zh|en] [--dry-run]
 *
 * Exit status: 0 when every data row was imported (or left out on purpose:
 * a note, a row that is not a province); 1 when a row was rejected (a bad
 * value, an unknown region…), a figure contradicts one of the package from
 * the same source, or nothing could be read (then nothing is written).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
// the code-page tables: .xls files whose text is in GBK (Excel 5.0/95, some Chinese tools) read as the browser reads them (src/import/xlsxLib.ts)
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { pinyin } from 'pinyin-pro';
import { mergeIntoPackage } from '../src/data/packageWrite';
import { joinTexts, splitTexts } from '../src/data/packageSplit';
import { regionName } from '../src/data/regions';
import { METRIC_GROUPS, type Lang, type MetricGroup } from '../src/data/types';
import { parseManifest } from '../src/data/load';
import { pinyinTranslit } from '../src/import/metricId';
import { analyse } from '../src/import/pipeline';
import { parseMapRule, publishAdditions, type MapRule } from '../src/import/publish';
import { reportLines } from '../src/import/report';
import { tr } from '../src/import/strings';
import { isLeftOut } from '../src/import/types';
import type { XlsxLib } from '../src/import/workbook';

const USAGE = `usage: npm run data:add -- FILE [--sheet NAME]… [--year YYYY] [--map "HEADER=METRIC_ID"]… [--source "CITATION"] [--url URL] [--data DIR] [--group GROUP] [--lang zh|en] [--dry-run]`;

interface Args {
  file: string;
  sheets: string[];
  year: number | null;
  maps: MapRule[];
  source: string;
  url: string;
  data: string;
  group: MetricGroup | undefined;
  lang: Lang;
  dry: boolean;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): Args {
  const a: Args = { file: '', sheets: [], year: null, maps: [], source: '', url: '', data: resolve('public/data'), group: undefined, lang: 'zh', dry: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--sheet') a.sheets.push(value());
    else if (arg === '--year') {
      const y = Number(value());
      if (!Number.isInteger(y) || y < 1980 || y > 2100) fail(`--year: a year between 1980 and 2100\n${USAGE}`);
      a.year = y;
    } else if (arg === '--map') {
      const v = value();
      const rule = parseMapRule(v);
      if (!rule) fail(`--map "${v}": write it as "HEADER=METRIC_ID"\n${USAGE}`);
      a.maps.push(rule);
    } else if (arg === '--source') a.source = value();
    else if (arg === '--url') a.url = value();
    else if (arg === '--data') a.data = resolve(value());
    else if (arg === '--group') {
      const g = value();
      if (!(METRIC_GROUPS as readonly string[]).includes(g)) fail(`--group: one of ${METRIC_GROUPS.join(', ')}`);
      a.group = g as MetricGroup;
    } else if (arg === '--lang') {
      const l = value();
      if (l !== 'zh' && l !== 'en') fail('--lang: zh or en');
      a.lang = l;
    } else if (arg === '--dry-run') a.dry = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else if (!a.file) a.file = arg;
    else fail(`one file at a time (${a.file}, ${arg})\n${USAGE}`);
  }
  if (!a.file) fail(USAGE);
  if (a.url && !/^https?:\/\//i.test(a.url)) fail('--url: a URL starting with http:// or https://');
  return a;
}

const args = parseArgs(process.argv.slice(2));
const { lang } = args;
const say = (key: Parameters<typeof tr>[1], params?: Record<string, string | number>) => tr(lang, key, params);
if (!existsSync(args.file)) fail(`${args.file}: file not found`);
for (const f of ['manifest.json', 'figures.csv', 'sources.csv']) if (!existsSync(join(args.data, f))) fail(`${join(args.data, f)}: not found (--data DIR: a data package folder)`);

const fileName = basename(args.file);
const bytes = new Uint8Array(readFileSync(args.file));
XLSX.set_cptable(cptable);
const analysis = analyse(bytes, { ...(args.sheets.length ? { sheets: args.sheets } : {}), ...(args.year ? { fixedYear: args.year } : {}) }, { xlsx: XLSX as unknown as XlsxLib });
for (const line of reportLines(analysis, fileName, lang)) console.log(line);
if (analysis.fatal || analysis.blocking.length) fail(say('cliNothing'));

// the whole tables (a split package's quotes and notes joined in: src/data/packageSplit.ts)
const texts = await joinTexts(async (path) => readFileSync(join(args.data, path), 'utf8'));
const known = parseManifest(texts.manifest).metrics;
const pub = publishAdditions(analysis, known, {
  maps: args.maps,
  given: { citation: args.source, url: args.url },
  translit: pinyinTranslit({ pinyin: pinyin as never }),
  fileName,
  ...(args.group ? { group: args.group } : {}),
});
if (!pub.ok) {
  for (const e of pub.errors) console.error(say(e.key, e.params));
  fail(say('cliNothing'));
}
for (const m of pub.metrics) console.log(say(m.key, m.params));
if (pub.missingSource) fail(`${say('cliNeedsSource', { n: pub.missingSource })}\n${say('cliNothing')}`);

const merged = mergeIntoPackage(texts, pub.additions);
if (!args.dry) {
  // written split again, as the package keeps them; files whose text is the same are left alone
  if (merged.texts !== texts && (merged.added.figures || merged.added.sources || merged.added.metrics.length)) {
    for (const [path, text] of Object.entries(splitTexts(merged.texts))) {
      const file = join(args.data, path);
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
    }
  }
}
console.log(say('cliAdded', { figures: merged.added.figures, sources: merged.added.sources, metrics: merged.added.metrics.length, dir: args.data }));
if (merged.present) console.log(say('cliPresent', { n: merged.present }));
if (args.dry) console.log(say('cliDry'));
let status = 0;
if (merged.conflicts.length) {
  console.error(say('cliConflicts', { n: merged.conflicts.length }));
  for (const c of merged.conflicts) console.error(say('cliConflict', { metric: c.figure.metric, region: regionName(c.figure.region, lang), year: c.figure.year, old: c.existing, value: c.figure.value }));
  status = 1;
}
const rejected = analysis.problems.filter((p) => !isLeftOut(p)).length;
if (rejected) {
  console.error(say('cliRejected', { n: rejected }));
  status = 1;
}
process.exit(status);
