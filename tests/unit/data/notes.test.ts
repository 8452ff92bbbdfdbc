import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/csv';
import { isEnglishNote } from '../../../src/data/notes';
import { compilerNoteLabel, originallyText } from '../../../src/i18n/notes';

describe('isEnglishNote', () => {
  it('an English word makes a note an English remark', () => {
    for (const n of ['家; as of 2023-02', '部市共建 (ministry–city co-built)', '科技日报 via huai123.net', 'national']) expect(isEnglishNote(n), n).toBe(true);
  });
  it('Chinese notes, single letters and numbers are not', () => {
    for (const n of ['中国第一家留创园 (30 年前成立)', '2022 年度国家级科技企业孵化器评价: 优秀 (A 类)', '', '2019-03']) expect(isEnglishNote(n), n).toBe(false);
  });
  it('most notes in the shipped figures are English remarks (which is why the zh UI labels them)', () => {
    const rows = parseCsv(readFileSync(new URL('../../../public/data/figure_notes.csv', import.meta.url), 'utf8')).rows;
    const notes = rows.map((r) => (r.cells.note ?? '').trim()).filter(Boolean);
    expect(notes.filter(isEnglishNote).length / notes.length).toBeGreaterThan(0.9);
  });
});

describe('labels', () => {
  it('name the note and the original publisher in each language', () => {
    expect(compilerNoteLabel('zh', true)).toBe('整理说明（英文）');
    expect(compilerNoteLabel('en')).toBe('Compiler’s note');
    expect(originallyText('zh', '科技日报')).toBe('（原载：科技日报）');
    expect(originallyText('en', '科技日报')).toBe(' (originally 科技日报)');
  });
});
