/**
 * Rules that `npm run data:import` (scripts/import-shared.ts) applies to the
 * compiled rows of ../shared/data, kept apart so that they can be tested.
 * None of them touches a value: they move the compiler's remarks out of
 * entity names, read which publisher a mirrored page reposts, and map merged
 * metric ids to the id they now go by. Pure.
 */

// ------------------------------------------------------------ entity names

/**
 * An entity name without the compiler's trailing parenthetical remark.
 * The compiler writes remarks after a space — "滁州海智基地 (set up 2013)",
 * "内蒙古留创园 (内蒙古留学人员创业园)" — while brackets that belong to the
 * name as printed follow it directly: "国家海外人才离岸创新创业基地(成都)",
 * "中国北京（望京）留学人员创业园". Only the former is split off; the remark
 * is returned without its brackets (null when there is none).
 */
export function splitEntityName(raw: string): { name: string; remark: string | null } {
  const s = raw.trim();
  const last = s.at(-1);
  if (last !== ')' && last !== '）') return { name: s, remark: null };
  // walk back to the bracket that opens the final group, minding nesting
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i];
    if (ch === ')' || ch === '）') depth++;
    else if (ch === '(' || ch === '（') {
      depth--;
      if (depth === 0) {
        const before = s.slice(0, i);
        const name = before.trimEnd();
        // a remark is set off by a space, and something must remain as the name
        if (name === before || !name) return { name: s, remark: null };
        return { name, remark: s.slice(i + 1, -1).trim() || null };
      }
    }
  }
  return { name: s, remark: null };
}

/** The entity's note with a remark moved out of its name in front of it. */
export function noteWithRemark(note: string, remark: string | null): string {
  if (!remark) return note;
  return note.trim() ? `${remark}; ${note}` : remark;
}

// ------------------------------------------------------ original publishers

/** A Chinese publisher name: two or more CJK characters, possibly joined by "-" or "·". */
const ZH = String.raw`[\u4e00-\u9fff][\u4e00-\u9fff\-·]*[\u4e00-\u9fff]`;
/** English publisher names the notes use, and their Chinese names. */
const EN_NAMES: Record<string, string> = {
  'Xinhuanet Henan': '新华网（河南）',
  'Xinhua Henan': '新华网（河南）',
  'Xinhua Daily': '新华日报',
  Xinhuanet: '新华网',
  Xinhua: '新华社',
  "People's Daily": '人民日报',
  'Torch Centre': '科技部火炬中心',
  'Torch Center': '科技部火炬中心',
  'City Express': 'City Express',
  NBS: '国家统计局',
};
const EN = Object.keys(EN_NAMES)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const NAME = `(${ZH}|${EN})`;
const DATE = String.raw`(?:\s+\d{4}(?:-\d{2}){0,2})?`;
const HOST = String.raw`(?:[\w-]+\.)+[a-z]{2,}\b|sina\b`;

/**
 * How the compiler's notes credit the publisher of a reposted or mirrored
 * page. Each pattern captures the original publisher in group 1.
 */
const CREDIT_PATTERNS: RegExp[] = [
  // "科技日报 via huai123.net", "新京报 2019-06-13 via sina", "大河网-河南日报 2022-05-20 on hpyiliao.cn mirror"
  new RegExp(`${NAME}${DATE}\\s+(?:via\\s+(?:${HOST})|on\\s+(?:${HOST})\\s+mirror)`, 'u'),
  // "via 新华社 2020-10-17 (jiangsulong.com mirror)", "MOST figures via Xinhua/SSTI", "via 现代企业 2017(4)"
  new RegExp(`\\bvia\\s+${NAME}(?=${DATE}(?:\\s*[(/;,)]|\\s+\\d|$))`, 'u'),
  // "中国产业经济信息网 2017-12-27 repost", "(央广网 repost)" — a dated or bracketed name, not the site's own name
  new RegExp(`${NAME}\\s+\\d{4}(?:-\\d{2}){0,2}\\s+repost\\b`, 'u'),
  new RegExp(`\\(${NAME}\\s+repost\\)`, 'u'),
  // "garbled machine repost of Xinhua 2020-01-13", "page reposts 宁夏高新技术创业服务中心 review"
  new RegExp(`\\brepost(?:ed)? of\\s+${NAME}`, 'u'),
  new RegExp(`\\breposts\\s+${NAME}`, 'u'),
  // "English machine translation of Xinhuanet Henan item", "English rendering (…) of a Xinhua Henan report"
  new RegExp(`\\b(?:translation|rendering)(?:\\s+\\([^)]*\\))?\\s+of\\s+(?:an?\\s+)?${NAME}\\s+(?:item|report)\\b`, 'u'),
  // "source 西藏自治区科技厅 2023-04-21 on mirror site", "(repost by jsa-sme.org.cn, source Torch Centre)", "(Source: City Express)"
  new RegExp(`\\bsource\\s+${NAME}${DATE}\\s+on mirror`, 'u'),
  new RegExp(`\\brepost by [\\w.-]+, source\\s+${NAME}`, 'u'),
  new RegExp(`\\(Source:\\s*${NAME}\\)`, 'u'),
  // an exported statistical table that names its source: "(…, 数据来源：国家统计局)", "NBS figure released …"
  new RegExp(`数据来源[：:]\\s*${NAME}`, 'u'),
  new RegExp(`\\b(NBS) figure\\b`, 'u'),
];

/** The publisher a note credits as the original of a reposted or mirrored page, or null. */
export function creditedPublisher(note: string): string | null {
  for (const re of CREDIT_PATTERNS) {
    const m = note.match(re);
    if (m?.[1]) return EN_NAMES[m[1]] ?? m[1];
  }
  return null;
}

/**
 * The original publisher of one page, from the notes of every row read on
 * it: the name credited most often (the first credited on a tie), or ''.
 */
export function originalPublisher(notes: readonly string[]): string {
  const count = new Map<string, number>();
  for (const n of notes) {
    const p = creditedPublisher(n);
    if (p) count.set(p, (count.get(p) ?? 0) + 1);
  }
  let best = '';
  let bestN = 0;
  for (const [p, n] of count) if (n > bestN) (best = p), (bestN = n);
  return best;
}

// ------------------------------------------------------------ metric aliases

export interface MetricAlias {
  from: string;
  to: string;
  why: string;
}

/**
 * Problems with the alias table: every target must be a registered metric,
 * no former id may still be registered, none may be listed twice, and no
 * target may itself be a former id (no chains).
 */
export function checkAliases(aliases: readonly MetricAlias[], registered: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const from = new Set<string>();
  for (const a of aliases) {
    if (!registered.has(a.to)) problems.push(`alias ${a.from} -> ${a.to}: ${a.to} is not in scripts/metric-registry.json`);
    if (registered.has(a.from)) problems.push(`alias ${a.from} -> ${a.to}: ${a.from} is still in scripts/metric-registry.json`);
    if (from.has(a.from)) problems.push(`alias ${a.from} listed twice`);
    from.add(a.from);
  }
  for (const a of aliases) if (from.has(a.to)) problems.push(`alias ${a.from} -> ${a.to}: ${a.to} is itself a former id`);
  return problems;
}
