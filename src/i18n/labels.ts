/** Years and coverage in words, for the metric picker and metric notes. Pure. */
import type { Coverage } from '../data/query';
import type { Lang } from '../data/types';
import { t } from './ui';

/** Compact list of years: 2012–2015, 2018, 2020–2023 */
export function yearRanges(years: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    out.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j + 1;
  }
  return out.join(', ');
}

/** "2012–2023 · 21 省（单年最多 19）" / "national only · 2015, 2016" */
export function coverageLabel(c: Coverage | undefined, lang: Lang): string {
  if (!c) return '';
  if (c.provincesAnyYear === 0) return t(lang, 'coverageNational', { years: yearRanges(c.nationalYears) });
  return t(lang, 'coverageProvinces', { years: yearRanges(c.provinceYears), n: c.provincesAnyYear, max: c.maxProvincesInOneYear });
}
