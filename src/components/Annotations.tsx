/**
 * How the data package annotates what it shows: the compiler's notes, and
 * the original publisher of a mirrored or reposted page. One module, so that
 * the views using them share one small chunk.
 */
import type { Lang, Source } from '../data/types';
import { isEnglishNote } from '../data/notes';
import { compilerNoteLabel, originallyText } from '../i18n/notes';
import { t } from '../i18n/ui';

/**
 * A compiler's note (figures.csv / entities.csv `note`). In the Chinese UI an
 * English note is never shown as if it were the figure's 备注: it sits
 * collapsed under "整理说明（英文）", marked lang="en". `labelled` also names
 * a Chinese or English-UI note where no column header does.
 */
export function CompilerNote({ note, lang, empty = '—', labelled = false }: { note: string; lang: Lang; empty?: string; labelled?: boolean }) {
  const text = note.trim();
  if (!text) return <>{empty}</>;
  if (lang === 'zh' && isEnglishNote(text)) {
    return (
      <details className="compiler-note muted" data-testid="compiler-note">
        <summary>{compilerNoteLabel(lang, true)}</summary>
        <span lang="en">{text}</span>
      </details>
    );
  }
  const label = labelled ? `${compilerNoteLabel(lang)}${t(lang, 'colon')}` : '';
  return <span className="compiler-note muted" data-testid="compiler-note">{label}{text}</span>;
}

/** The compiler's note as a hover title, labelled; in the Chinese UI only a Chinese one (the carriers view shows the rest). */
export function noteTitle(note: string, lang: Lang): string | undefined {
  const text = note.trim();
  if (!text || (lang === 'zh' && isEnglishNote(text))) return undefined;
  return `${compilerNoteLabel(lang)}${t(lang, 'colon')}${text}`;
}

/** "（原载：科技日报）" after a reposting page's site, where the data names the original publisher. */
export function OriginalPublisher({ source, lang }: { source: Source | null | undefined; lang: Lang }) {
  const p = source?.originalPublisher?.trim();
  return p ? <span className="source-origin muted" data-testid="source-origin">{originallyText(lang, p)}</span> : null;
}
