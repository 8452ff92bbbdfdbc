import type { Lang } from '../data/types';
import { fill } from './strings';

const zh = {
  copyLink: '复制链接',
  copied: '已复制',
  copyFailed: '无法自动复制，请手动复制：',
  embed: '嵌入',
  embedTitle: '嵌入此图表',
  embedIntro: '把下面的代码粘贴到网页中。附带的脚本会按图表内容自动调整高度（可不用）。',
  language: '语言',
  theme: '配色',
  themeAuto: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  showControls: '显示年份与指标控件',
  staticChart: '静态图（不可交互，适合幻灯片）',
  height: '初始高度（像素）',
  snippet: '嵌入代码',
  copySnippet: '复制代码',
  preview: '预览',
  close: '关闭',
  fullscreen: '全屏',
  exitFullscreen: '退出全屏',
  openNewTab: '在新标签页打开',
  openFull: '在孵化图谱中查看完整视图',
  embedFrameTitle: '孵化图谱：{title}',
} as const;
export type ShareKey = keyof typeof zh;
const en: Record<ShareKey, string> = {
  copyLink: 'Copy link',
  copied: 'Copied',
  copyFailed: 'Could not copy automatically; copy it by hand:',
  embed: 'Embed',
  embedTitle: 'Embed this chart',
  embedIntro: 'Paste this code into a web page. The optional script resizes the frame to fit the chart.',
  language: 'Language',
  theme: 'Theme',
  themeAuto: 'Follow system',
  themeLight: 'Light',
  themeDark: 'Dark',
  showControls: 'Show year and metric controls',
  staticChart: 'Static chart (not interactive, for slides)',
  height: 'Initial height (px)',
  snippet: 'Embed code',
  copySnippet: 'Copy code',
  preview: 'Preview',
  close: 'Close',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  openNewTab: 'Open in a new tab',
  openFull: 'Open the full view in Hatch Atlas',
  embedFrameTitle: 'Hatch Atlas: {title}',
};
export function ts(lang: Lang, key: ShareKey, params?: Record<string, string | number>): string {
  return fill(lang === 'zh' ? zh[key] : en[key], params);
}
