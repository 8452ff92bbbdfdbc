/**
 * Province-level regions of China (GB/T 2260 codes) and one normaliser that
 * maps every common spelling to a single id. Pure; no DOM.
 *
 * Region ids are the 6-digit GB/T 2260 codes as strings ("320000"); the
 * country as a whole is `NATIONAL` ("CN").
 */
export const NATIONAL = 'CN';

export interface RegionInfo {
  /** GB/T 2260 code, e.g. "320000" */
  code: string;
  /** short Chinese name as used on the map, e.g. "江苏" */
  zh: string;
  /** full official Chinese name, e.g. "江苏省" */
  zhFull: string;
  /** English name, e.g. "Jiangsu" */
  en: string;
  /** further spellings accepted by the normaliser */
  aliases: readonly string[];
}

export const REGIONS: readonly RegionInfo[] = [
  { code: '110000', zh: '北京', zhFull: '北京市', en: 'Beijing', aliases: ['Peking', '京'] },
  { code: '120000', zh: '天津', zhFull: '天津市', en: 'Tianjin', aliases: ['津'] },
  { code: '130000', zh: '河北', zhFull: '河北省', en: 'Hebei', aliases: ['冀'] },
  { code: '140000', zh: '山西', zhFull: '山西省', en: 'Shanxi', aliases: ['晋'] },
  { code: '150000', zh: '内蒙古', zhFull: '内蒙古自治区', en: 'Inner Mongolia', aliases: ['內蒙古', '內蒙古自治區', 'Nei Mongol', 'Neimenggu', 'Nei Menggu', 'Inner Mongolia Autonomous Region', '蒙'] },
  { code: '210000', zh: '辽宁', zhFull: '辽宁省', en: 'Liaoning', aliases: ['辽'] },
  { code: '220000', zh: '吉林', zhFull: '吉林省', en: 'Jilin', aliases: ['吉'] },
  { code: '230000', zh: '黑龙江', zhFull: '黑龙江省', en: 'Heilongjiang', aliases: ['黑'] },
  { code: '310000', zh: '上海', zhFull: '上海市', en: 'Shanghai', aliases: ['沪'] },
  { code: '320000', zh: '江苏', zhFull: '江苏省', en: 'Jiangsu', aliases: ['苏'] },
  { code: '330000', zh: '浙江', zhFull: '浙江省', en: 'Zhejiang', aliases: ['浙'] },
  { code: '340000', zh: '安徽', zhFull: '安徽省', en: 'Anhui', aliases: ['皖'] },
  { code: '350000', zh: '福建', zhFull: '福建省', en: 'Fujian', aliases: ['闽'] },
  { code: '360000', zh: '江西', zhFull: '江西省', en: 'Jiangxi', aliases: ['赣'] },
  { code: '370000', zh: '山东', zhFull: '山东省', en: 'Shandong', aliases: ['鲁'] },
  { code: '410000', zh: '河南', zhFull: '河南省', en: 'Henan', aliases: ['豫'] },
  { code: '420000', zh: '湖北', zhFull: '湖北省', en: 'Hubei', aliases: ['鄂'] },
  { code: '430000', zh: '湖南', zhFull: '湖南省', en: 'Hunan', aliases: ['湘'] },
  { code: '440000', zh: '广东', zhFull: '广东省', en: 'Guangdong', aliases: ['粤', 'Canton'] },
  { code: '450000', zh: '广西', zhFull: '广西壮族自治区', en: 'Guangxi', aliases: ['廣西', '廣西壯族自治區', '广西自治区', 'Guangxi Zhuang Autonomous Region', '桂'] },
  { code: '460000', zh: '海南', zhFull: '海南省', en: 'Hainan', aliases: ['琼'] },
  { code: '500000', zh: '重庆', zhFull: '重庆市', en: 'Chongqing', aliases: ['渝'] },
  { code: '510000', zh: '四川', zhFull: '四川省', en: 'Sichuan', aliases: ['川', '蜀'] },
  { code: '520000', zh: '贵州', zhFull: '贵州省', en: 'Guizhou', aliases: ['黔', '贵'] },
  { code: '530000', zh: '云南', zhFull: '云南省', en: 'Yunnan', aliases: ['滇', '云'] },
  { code: '540000', zh: '西藏', zhFull: '西藏自治区', en: 'Tibet', aliases: ['西藏自治區', 'Xizang', 'Tibet Autonomous Region', 'Xizang Autonomous Region', '藏'] },
  { code: '610000', zh: '陕西', zhFull: '陕西省', en: 'Shaanxi', aliases: ['陕', '秦'] },
  { code: '620000', zh: '甘肃', zhFull: '甘肃省', en: 'Gansu', aliases: ['甘', '陇'] },
  { code: '630000', zh: '青海', zhFull: '青海省', en: 'Qinghai', aliases: ['青'] },
  { code: '640000', zh: '宁夏', zhFull: '宁夏回族自治区', en: 'Ningxia', aliases: ['寧夏', '寧夏回族自治區', '宁夏自治区', 'Ningxia Hui Autonomous Region', '宁'] },
  { code: '650000', zh: '新疆', zhFull: '新疆维吾尔自治区', en: 'Xinjiang', aliases: ['新疆維吾爾自治區', '新疆自治区', 'Xinjiang Uygur Autonomous Region', 'Xinjiang Uyghur Autonomous Region', '新'] },
  { code: '710000', zh: '台湾', zhFull: '台湾省', en: 'Taiwan', aliases: ['臺灣', '台灣', 'Taiwan Province', '台'] },
  { code: '810000', zh: '香港', zhFull: '香港特别行政区', en: 'Hong Kong', aliases: ['Hong Kong SAR', 'HKSAR', 'Hongkong', 'Xianggang', '香港特區', '香港特別行政區', '港'] },
  { code: '820000', zh: '澳门', zhFull: '澳门特别行政区', en: 'Macao', aliases: ['Macau', 'Macao SAR', 'Macau SAR', 'Aomen', '澳門', '澳門特別行政區', '澳'] },
];

const NATIONAL_SPELLINGS = ['全国', '全國', '中国', '中國', '全国合计', '合计', '总计', 'China', 'National', 'Nationwide', 'Total', 'PRC', 'CN', '000000', '100000'];

export const REGION_BY_CODE: ReadonlyMap<string, RegionInfo> = new Map(REGIONS.map((r) => [r.code, r]));

/** Canonical key for loose matching: case, spaces, punctuation and some suffixes are ignored. */
function key(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000_\-.·•,，'’()（）]/g, '');
}

const LOOKUP: Map<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (spelling: string, id: string) => m.set(key(spelling), id);
  for (const r of REGIONS) {
    add(r.code, r.code);
    add(r.code.slice(0, 2), r.code);
    add(r.zh, r.code);
    add(r.zhFull, r.code);
    add(r.en, r.code);
    add(`${r.en} Province`, r.code);
    add(`${r.en} Sheng`, r.code);
    add(`${r.en} Shi`, r.code);
    add(`${r.en} Municipality`, r.code);
    for (const a of r.aliases) add(a, r.code);
  }
  for (const n of NATIONAL_SPELLINGS) add(n, NATIONAL);
  return m;
})();

export type NormaliseResult =
  | { ok: true; id: string }
  | { ok: false; input: string; reason: 'empty' | 'unknown' };

/**
 * Map any known spelling of a province (short or full Chinese name, traditional
 * characters, English, pinyin, GB/T 2260 code such as 320000 or its 2-digit
 * prefix, one-character abbreviation) to its GB/T 2260 code, or `NATIONAL` for
 * the country as a whole. Inputs it cannot place are reported, never guessed.
 */
export function normaliseRegion(input: string | null | undefined): NormaliseResult {
  const raw = (input ?? '').trim();
  if (!raw) return { ok: false, input: raw, reason: 'empty' };
  const k = key(raw);
  const direct = LOOKUP.get(k);
  if (direct) return { ok: true, id: direct };
  // Strip administrative suffixes once more ("江苏省人民政府" is still not accepted).
  const stripped = k.replace(/(省|市|自治区|自治區|特别行政区|特別行政區|壮族|回族|维吾尔|維吾爾)+$/u, '');
  const viaStrip = stripped && stripped !== k ? LOOKUP.get(stripped) : undefined;
  if (viaStrip) return { ok: true, id: viaStrip };
  // A numeric county/city code (e.g. 320100) is not a province: we do not
  // promote it silently.
  return { ok: false, input: raw, reason: 'unknown' };
}

export function regionName(id: string, lang: 'zh' | 'en'): string {
  if (id === NATIONAL) return lang === 'zh' ? '全国' : 'China';
  const r = REGION_BY_CODE.get(id);
  if (!r) return id;
  return lang === 'zh' ? r.zh : r.en;
}

/** The full name of a province: official in Chinese (江苏省), the usual English one (Jiangsu); '' for an unknown code. */
export function regionFullName(id: string, lang: 'zh' | 'en'): string {
  const r = REGION_BY_CODE.get(id);
  return r ? (lang === 'zh' ? r.zhFull : r.en) : '';
}

export function isProvince(id: string): boolean {
  return REGION_BY_CODE.has(id);
}
