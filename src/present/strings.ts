import type { Lang } from '../data/types';
import { fill } from '../i18n/strings';

const zh = {
  loading: '正在加载数据…',
  keys: '← → 年份 · 空格 播放 · ↑ ↓ / PgUp PgDn 翻页 · Esc 退出',
  exit: '退出演示',
  present: '演示',
  slides: '幻灯片',
  deckTitle: '幻灯片（演示文稿）',
  deckIntro: '把当前视图加入幻灯片，排好顺序，再点“演示”。幻灯片保存在链接里，也可以下载为 JSON 文件，在会议室电脑上载入。',
  addCurrent: '加入当前视图',
  slideTitle: '标题',
  moveUp: '上移',
  moveDown: '下移',
  remove: '删除',
  presentFrom: '从这里演示',
  presentDeck: '演示全部',
  downloadJson: '下载 JSON',
  loadJson: '载入 JSON',
  loadExample: '载入示例幻灯片',
  copyDeckLink: '复制演示链接',
  empty: '还没有幻灯片。',
  loadFailed: '无法载入：{reason}',
  dropped: '{n} 张幻灯片无效，已跳过。',
  close: '关闭',
  clear: '清空',
} as const;
export type PresentKey = keyof typeof zh;
const en: Record<PresentKey, string> = {
  loading: 'Loading data…',
  keys: '← → year · Space play · ↑ ↓ / PgUp PgDn slides · Esc exit',
  exit: 'Exit',
  present: 'Present',
  slides: 'Slides',
  deckTitle: 'Slides (deck)',
  deckIntro: 'Add the current view as a slide, order the slides, then Present. The deck lives in the link, or download it as a JSON file and load it on the meeting-room machine.',
  addCurrent: 'Add current view',
  slideTitle: 'Title',
  moveUp: 'Move up',
  moveDown: 'Move down',
  remove: 'Remove',
  presentFrom: 'Present from here',
  presentDeck: 'Present all',
  downloadJson: 'Download JSON',
  loadJson: 'Load JSON',
  loadExample: 'Load example deck',
  copyDeckLink: 'Copy presentation link',
  empty: 'No slides yet.',
  loadFailed: 'Could not load: {reason}',
  dropped: '{n} invalid slide(s) skipped.',
  close: 'Close',
  clear: 'Clear',
};
export function tp(lang: Lang, key: PresentKey, params?: Record<string, string | number>): string {
  return fill(lang === 'zh' ? zh[key] : en[key], params);
}
