/** Strings of the key findings panel (its buttons, headings and the numbers' source tips). */
import { defineStrings } from './lookup';

/** The panel's own words. */
export const tFindingsPanel = defineStrings({
  zh: {
    title: '解读',
    intro: '以下句子由固定模板根据图中数据生成；悬停或聚焦数字可查看来源与原文。',
    none: '当前视图没有可生成的解读。',
    copy: '复制文字',
    copied: '已复制',
    copyFailed: '无法自动复制，请手动选择下面的文字复制：',
    addSlide: '加入幻灯片',
    slideAdded: '已加入幻灯片（第 {n} 张，含解读）',
    sources: '解读所据来源',
    exportText: '解读文字（TXT）',
    fileName: '解读',
    numberSource: '来源：{source}',
    numberQuote: '原文：“{quote}”',
    numberFigures: '{n} 个数据',
  },
  en: {
    title: 'Key findings',
    intro: 'Sentences made by fixed templates from the figures drawn; hover over or focus a number to see its source and quote.',
    none: 'No findings for this view.',
    copy: 'Copy text',
    copied: 'Copied',
    copyFailed: 'Could not copy automatically; select the text below and copy it:',
    addSlide: 'Add to slides',
    slideAdded: 'Added as slide {n} (with the findings)',
    sources: 'Sources of the findings',
    exportText: 'Key findings (TXT)',
    fileName: 'key-findings',
    numberSource: 'Source: {source}',
    numberQuote: 'Quote: “{quote}”',
    numberFigures: '{n} figures',
  },
});
