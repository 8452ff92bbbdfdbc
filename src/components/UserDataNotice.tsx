import { useUserData } from '../state/userData';
import type { Lang } from '../data/types';
import { t } from '../i18n/ui';
import { tUserData } from '../i18n/userData';
import './UserDataNotice.css';

/** Says, on every view, that imported data is being shown, which files, and how it is combined. */
export default function UserDataNotice({ lang, onManage }: { lang: Lang; onManage: () => void }) {
  const { sets, mode, storage } = useUserData();
  if (!sets.length) return null;
  const files = sets.map((s) => s.fileName).join(t(lang, 'listSep'));
  return (
    <p className="notice user-data" role="status" data-testid="user-data-notice">
      {tUserData(lang, 'yourData')}
      <strong>{files}</strong> — {tUserData(lang, `mode_${mode}`)}
      {storage === 'memory' && tUserData(lang, 'notKept')}{' '}
      <button type="button" className="btn" onClick={onManage}>{tUserData(lang, 'manage')}</button>
    </p>
  );
}
