/**
 * "Download as data package": this deployment's data files with the
 * datasets imported in this browser added (the same rows `npm run data:add`
 * would add for the same files and sources), and a short README of where
 * they go, as one ZIP file. A web team drops the files into the
 * deployment's data/ folder: no rebuild.
 */
import type { UserDataset } from '../data/merge';
import { httpFetcher, type Fetcher } from '../data/load';
import { mergeIntoPackage, type MergeResult } from '../data/packageWrite';
import { joinTexts, splitTexts } from '../data/packageSplit';
import { datasetAdditions } from './publish';
import { loadXlsx } from './xlsxLib';


/** Where the files go, in both languages (the README travels to whoever deploys). */
export function packageReadme(sets: readonly UserDataset[], r: MergeResult, madeAt: string, dataFiles: readonly string[]): string {
  const list = dataFiles.join(', ');
  const files = sets.map((s) => `${s.fileName} (${s.figures.length})`).join(', ');
  const metrics = r.added.metrics.length ? r.added.metrics.join(', ') : '—';
  return [
    'Hatch Atlas 数据包 / data package',
    '',
    `生成 / made: ${madeAt}`,
    `导入的文件 / imported files: ${files}`,
    `加入 / added: ${r.added.figures} 个数据 figures, ${r.added.sources} 个来源 sources, ${r.added.metrics.length} 个新指标 new metrics (${metrics})`,
    '',
    '放到哪里',
    `  把 data/ 中的文件（${dataFiles.join('、')}）复制到网站上本应用的 data/ 文件夹`,
    '  （index.html 旁边的 data/），替换同名文件。不需要重新构建：访问者刷新页面即可看到这些数据，',
    '  每个数据都带着它的来源。',
    '  用源代码部署时：复制到 public/data/，运行 npm run data:check，再运行 npm run build。',
    '  这些文件是网站现有的数据加上导入的数据；网站数据以后有更新时，请重新下载数据包，',
    '  或用 npm run data:add 把原始文件加入新的数据。',
    '',
    'Where the files go',
    `  Copy the files in data/ (${list}) into the app's data/ folder on the`,
    '  web server (the data/ beside index.html), replacing the files of the same name. No rebuild is',
    '  needed: visitors see the figures, each with its source, when they reload the page.',
    '  From the source code: copy them into public/data/, run npm run data:check, then npm run build.',
    '  The files are the site\'s data as it was plus the imported data; when the site\'s data changes,',
    '  download the package again, or add the original file with npm run data:add.',
    '',
  ].join('\r\n');
}

/** The ZIP file (data/… and README.txt) and what was added. */
export async function buildDataPackage(sets: readonly UserDataset[], fetchText: Fetcher = httpFetcher(document.baseURI), now = new Date()): Promise<{ zip: Uint8Array; result: MergeResult }> {
  // the whole tables (quotes and notes joined in), the additions merged, written split again as the deployment has them
  const whole = await joinTexts((path) => fetchText(`data/${path}`));
  const result = mergeIntoPackage(whole, datasetAdditions(sets));
  const files = splitTexts(result.texts);
  const XLSX = await loadXlsx();
  const cfb = XLSX.CFB.utils.cfb_new();
  const enc = new TextEncoder();
  for (const [path, text] of Object.entries(files)) XLSX.CFB.utils.cfb_add(cfb, `data/${path}`, enc.encode(text));
  XLSX.CFB.utils.cfb_add(cfb, 'README.txt', enc.encode(`\ufeff${packageReadme(sets, result, now.toISOString().slice(0, 16).replace('T', ' '), Object.keys(files))}`));
  const out = XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array' }) as ArrayBuffer | number[];
  return { zip: out instanceof ArrayBuffer ? new Uint8Array(out) : Uint8Array.from(out), result };
}
