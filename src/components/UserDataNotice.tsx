import { useUserData } from '../state/userData';
import type { Lang } from '../data/types';
import './UserDataNotice.css';

/** Says, on every view, that imported data is being shown, which files, and how it is combined. */
export default function UserDataNotice({ lang, onManage }: { lang: Lang; onManage: () => void }) {
  const { sets, mode, storage } = useUserData();
  if (!sets.length) return null;
  const files = sets.map((s) => s.fileName).join(lang === 'zh' ? '、' : ', ');
  const modeText =
    mode === 'combined'
      ? lang === 'zh' ? '与内置数据一并显示' : 'shown beside the bundled figures'
      : mode === 'user'
        ? lang === 'zh' ? '只显示导入的数据' : 'shown instead of the bundled figures'
        : lang === 'zh' ? '已隐藏（只显示内置数据）' : 'hidden (bundled figures only)';
  return (
    <p className="notice user-data" role="status" data-testid="user-data-notice">
      {lang === 'zh' ? '你导入的数据：' : 'Your imported data: '}
      <strong>{files}</strong> — {modeText}
      {storage === 'memory' && (lang === 'zh' ? '（此浏览器无法保存，刷新后需重新导入）' : ' (this browser cannot keep it after a reload)')}{' '}
      <button type="button" className="btn" onClick={onManage}>{lang === 'zh' ? '管理' : 'Manage'}</button>
    </p>
  );
}
