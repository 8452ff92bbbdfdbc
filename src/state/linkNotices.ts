/**
 * The notices of a view that differs from its link (parameters not
 * understood, a former metric id, an unknown metric, a metric imported in
 * another browser, a year without figures).
 * Loaded only when there is one to show, so that their words are not among
 * the bytes of the first chart.
 */
import { useNotices, type ViewNotice } from './notices';
import type { Resolved } from './selectors';
import type { Localised, PerKind } from '../data/types';
import { tPer } from '../i18n/per';

/** A ratio's year without the same year's denominator. */
function perYearNotice(per: PerKind, year: string, shown: string): Localised {
  const text = (lang: 'zh' | 'en') => tPer(lang, 'yearNotOffered', { year, shown, denominator: tPer(lang, `denominator_${per}`) });
  return { zh: text('zh'), en: text('en') };
}

export function pushResolveNotices(resolved: Resolved, usesYear: boolean): void {
  const push = useNotices.getState().push;
  const n = resolved.notice;
  if (n?.kind === 'missingImported') {
    push({
      key: `imported:${n.value}`,
      text: {
        zh: `这个链接显示的是在另一台电脑的浏览器中导入的指标“${n.value}”，这里没有它的数据，所以不显示其他图表代替。请在这里导入同一个文件，或请网站管理员把导入的数据作为数据包发布。`,
        en: `This link shows a metric imported in a browser on another computer (“${n.value}”). Its figures are not here, so no other chart is shown instead. Import the same file here, or ask the site’s web team to publish the imported data as a data package.`,
      },
    });
    return;
  }
  const metric = resolved.metric;
  if (!metric) return;
  const r = resolved.renamed;
  if (r) {
    const label = metric.label;
    push({ key: `metric:${r.from}`, text: { zh: `指标“${r.from}”已并入“${label.zh}”。`, en: `Metric “${r.from}” was merged into “${label.en}”.` } });
  }
  if (n?.kind === 'unknownMetric') {
    push({ key: `metric:${n.value}`, text: { zh: `没有“${n.value}”这个指标，已显示默认指标。`, en: `There is no metric “${n.value}”; showing the default metric.` } });
  } else if (n?.kind === 'yearNotOffered' && usesYear) {
    push({
      key: `year:${metric.id}:${n.value}`,
      // per resident / per GDP: the year may have figures, but not the same year's denominator
      text: metric.per
        ? perYearNotice(metric.per, String(n.value), String(resolved.year))
        : { zh: `${n.value} 年该指标没有省级数据，已显示 ${resolved.year} 年。`, en: `No provincial figures for ${n.value}; showing ${resolved.year}.` },
    });
  }
}

/** Shown for URL parameters that were present but not understood. */
export function rejectedParamNotice(rejected: { param: string; value: string }[]): ViewNotice | null {
  if (!rejected.length) return null;
  const list = rejected.map((r) => `${r.param}=${r.value.length > 40 ? r.value.slice(0, 40) + '…' : r.value}`).join(', ');
  return {
    key: 'rejected-params',
    text: {
      zh: `链接中的参数无法识别，已忽略：${list}`,
      en: `Ignored URL parameters that could not be understood: ${list}`,
    },
  };
}
