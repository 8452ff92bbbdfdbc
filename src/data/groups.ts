import type { Localised, MetricGroup } from './types';

export const GROUP_LABELS: { id: MetricGroup; label: Localised }[] = [
  { id: 'returnee_parks', label: { zh: '留创园', en: 'Returnee parks' } },
  { id: 'incubators', label: { zh: '孵化器', en: 'Incubators' } },
  { id: 'maker_spaces', label: { zh: '众创空间', en: 'Maker spaces' } },
  { id: 'university_science_parks', label: { zh: '大学科技园', en: 'University science parks' } },
  { id: 'enterprises', label: { zh: '孵化企业', en: 'Hatched enterprises' } },
  { id: 'returnees', label: { zh: '留学人员', en: 'Returnees' } },
  { id: 'carriers', label: { zh: '综合载体', en: 'All carriers' } },
  { id: 'context', label: { zh: '背景指标', en: 'Context' } },
  { id: 'user', label: { zh: '用户导入', en: 'Your imported data' } },
];
