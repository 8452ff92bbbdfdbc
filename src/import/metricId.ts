/**
 * The id of a metric created by an import: `user_` and its name in
 * lower-case letters — from the English name where there is one, else from
 * the Chinese name in pinyin ("孵化器数量（国家级）" → user_fu_hua_qi_shu_liang_guo_jia_ji).
 * Stable (the same name gives the same id in every browser and on the
 * command line, so that a link made before `npm run data:add` still works
 * after it), readable, and a valid `metric=` URL parameter (at most 64
 * characters of a–z, 0–9 and _). The pinyin comes from `pinyin-pro` (a
 * dictionary is needed to spell characters, and polyphonic ones in
 * context), passed in by the caller: the app loads it when a metric is
 * created, not before. Pure.
 */
export type Translit = (zh: string) => string[];

import { IMPORTED_METRIC_PREFIX } from '../data/types';

export { IMPORTED_METRIC_PREFIX };

const MAX_SLUG = 40;

function slugOf(words: readonly string[]): string {
  const parts = words
    .join(' ')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const p of parts) {
    const next = out ? `${out}_${p}` : p;
    if (next.length > MAX_SLUG) break;
    out = next;
  }
  return out || (parts[0] ?? '').slice(0, MAX_SLUG);
}

/** FNV-1a: a stable id where a name has no letters to spell it with (and no pinyin was given). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** `user_<slug>` from the English name, else the Chinese name in pinyin, else a hash of it. */
export function userMetricSlug(labelEn: string, labelZh: string, translit?: Translit): string {
  const en = slugOf([labelEn]);
  if (en) return `${IMPORTED_METRIC_PREFIX}${en}`;
  const zh = labelZh.trim();
  const py = translit && zh ? slugOf(translit(zh)) : slugOf([zh]);
  return `${IMPORTED_METRIC_PREFIX}${py || hash(zh)}`;
}

/** Pinyin syllables of a Chinese text (other characters kept as they are), from pinyin-pro. */
export function pinyinTranslit(lib: { pinyin: (s: string, o: Record<string, unknown>) => string[] | string }): Translit {
  return (zh) => {
    const r = lib.pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
    return Array.isArray(r) ? r : [r];
  };
}

let loading: Promise<Translit> | null = null;
/** pinyin-pro, loaded on demand (only when a metric is created from a Chinese name). */
export function loadTranslit(): Promise<Translit> {
  loading ??= import('pinyin-pro').then((m) => pinyinTranslit(m as unknown as Parameters<typeof pinyinTranslit>[0]));
  return loading;
}
