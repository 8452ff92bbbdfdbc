import type { LoadIssue } from '../data/load';
import type { Lang } from '../data/types';
import { t } from '../i18n/ui';
import { useNotices } from '../state/notices';

/** Notices about the requested view, each dismissible. */
export function ViewNotices({ lang }: { lang: Lang }) {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (!notices.length) return null;
  return (
    <div className="notices" data-testid="view-notices">
      {notices.map((n) => (
        <p key={n.key} className="notice warn" role="status">
          <NoticeText text={n.text[lang]} />{' '}
          <button type="button" className="link-btn" onClick={() => dismiss(n.key)} aria-label={t(lang, 'close')}>×</button>
        </p>
      ))}
    </div>
  );
}

export function LoadNotices({ issues, lang }: { issues: readonly LoadIssue[]; lang: Lang }) {
  if (!issues.length) return null;
  return (
    <div className="notices" role="alert" data-testid="load-errors">
      {issues.map((i) => (
        <p key={i.file} className={i.level === 'error' ? 'notice error' : 'notice warn'}>
          <NoticeText text={i.level === 'error' ? t(lang, 'loadError', { file: i.file, reason: i.reason }) : t(lang, 'rowProblems', { file: i.file, n: i.problems?.length ?? 0 })} />
        </p>
      ))}
    </div>
  );
}

/** A notice's words (an embed shows at most two lines of them: the whole text is its title) */
const NoticeText = ({ text }: { text: string }) => <span className="notice-text" title={text}>{text}</span>;

export function Notice({ children, kind = 'info' }: { children: React.ReactNode; kind?: 'info' | 'warn' | 'error' }) {
  return <p className={`notice ${kind}`} role="status">{children}</p>;
}
