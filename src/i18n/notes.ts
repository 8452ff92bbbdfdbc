import type { Lang } from '../data/types';

/** How the compiler's notes and a mirrored page's original publisher are labelled. */
const LABELS = {
  zh: { note: '整理说明', noteEn: '整理说明（英文）', originally: '原载：' },
  en: { note: 'Compiler’s note', noteEn: 'Compiler’s note (English)', originally: 'originally ' },
} as const;

/** "整理说明" — or "整理说明（英文）" for a note in English. */
export function compilerNoteLabel(lang: Lang, english = false): string {
  return english ? LABELS[lang].noteEn : LABELS[lang].note;
}

/** "（原载：科技日报）" / " (originally 科技日报)" beside a reposting page's site. */
export function originallyText(lang: Lang, publisher: string): string {
  return lang === 'zh' ? `（${LABELS.zh.originally}${publisher}）` : ` (${LABELS.en.originally}${publisher})`;
}
