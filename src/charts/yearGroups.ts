import type { Staleness } from '../data/staleness';
import type { Lang } from '../data/types';
import { t } from '../i18n/ui';

/** "2023–2024：12 省；2015–2019：5 省（旧数据）" — how many provinces' figures fall in which years. */
export function yearGroupsText(st: Staleness, lang: Lang): string {
  return st.groups
    .map((g) => {
      const text = t(lang, 'yearGroup', { years: g.from === g.to ? g.from : `${g.from}–${g.to}`, n: g.n });
      return g.stale ? t(lang, 'withNote', { text, note: t(lang, 'oldFigures') }) : text;
    })
    .join(t(lang, 'cautionSep'));
}
