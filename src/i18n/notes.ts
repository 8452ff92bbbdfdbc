/** How the compiler's notes and a mirrored page's original publisher are labelled. */
import type { Lang } from '../data/types';
import { defineStrings } from './lookup';

export const tNotes = defineStrings({
  zh: { note: '整理说明', noteEn: '整理说明（英文）', originally: '（原载：{publisher}）' },
  en: { note: 'Compiler’s note', noteEn: 'Compiler’s note (English)', originally: ' (originally {publisher})' },
});

/** "整理说明" — or "整理说明（英文）" for a note in English. */
export function compilerNoteLabel(lang: Lang, english = false): string {
  return tNotes(lang, english ? 'noteEn' : 'note');
}

/** "（原载：科技日报）" / " (originally 科技日报)" beside a reposting page's site. */
export function originallyText(lang: Lang, publisher: string): string {
  return tNotes(lang, 'originally', { publisher });
}
