import type { LoadIssue } from '../data/load';
import type { Lang } from '../data/types';
import { t } from '../i18n/strings';

export function LoadNotices({ issues, lang }: { issues: readonly LoadIssue[]; lang: Lang }) {
  if (!issues.length) return null;
  return (
    <div className="notices" role="alert" data-testid="load-errors">
      {issues.map((i) => (
        <p key={i.file} className={i.level === 'error' ? 'notice error' : 'notice warn'}>
          {i.level === 'error'
            ? t(lang, 'loadError', { file: i.file, reason: i.reason })
            : t(lang, 'rowProblems', { file: i.file, n: i.problems?.length ?? 0 })}
        </p>
      ))}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: React.ReactNode; kind?: 'info' | 'warn' | 'error' }) {
  return <p className={`notice ${kind}`} role="status">{children}</p>;
}
