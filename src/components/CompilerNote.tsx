import type { Lang } from '../data/types';
import { isEnglishNote } from '../data/notes';
import { compilerNoteLabel } from '../i18n/notes';
import './CompilerNote.css';

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
      <details className="compiler-note" data-testid="compiler-note">
        <summary>{compilerNoteLabel(lang, true)}</summary>
        <span lang="en">{text}</span>
      </details>
    );
  }
  const label = labelled ? `${compilerNoteLabel(lang)}${lang === 'zh' ? '：' : ': '}` : '';
  return <span className="compiler-note" data-testid="compiler-note">{label}{text}</span>;
}
