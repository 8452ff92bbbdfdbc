import { describe, expect, it } from 'vitest';
import { defineStrings, fill, lookup, type KeyOf, type Tables } from '../../../src/i18n/lookup';
import { t, type UiKey } from '../../../src/i18n/ui';
import { tPresent } from '../../../src/i18n/present';
import { tRanking } from '../../../src/i18n/ranking';
import { tShare } from '../../../src/i18n/share';
import { tTable } from '../../../src/i18n/table';
import { tTrend } from '../../../src/i18n/trend';
import { tNotes } from '../../../src/i18n/notes';
import { tFindings } from '../../../src/i18n/findings';
import { tFindingsPanel } from '../../../src/i18n/findingsPanel';
import { tPer } from '../../../src/i18n/per';
import { tUserData } from '../../../src/i18n/userData';
import { tViews } from '../../../src/i18n/views';
import { tr } from '../../../src/import/strings';

describe('fill', () => {
  it('replaces every occurrence of each placeholder, numbers as text', () => {
    expect(fill('{n} of {n}: {name}', { n: 3, name: '江苏' })).toBe('3 of 3: 江苏');
  });
  it('leaves placeholders without a value, and strings without params, as written', () => {
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(fill('第 {rank} 位')).toBe('第 {rank} 位');
  });
  it('inserts values literally (no pattern syntax, no recursion)', () => {
    expect(fill('{a}', { a: '$& {a} $1' })).toBe('$& {a} $1');
  });
});

describe('lookup', () => {
  const tables: Tables<'hello' | 'count'> = { zh: { hello: '你好', count: '{n} 个' } };
  const tx = lookup(tables);
  it('gives the string of the language, placeholders filled', () => {
    expect(tx('zh', 'count', { n: 5 })).toBe('5 个');
  });
  it('shows Chinese while the English table is not there yet, English once it is', () => {
    expect(tx('en', 'hello')).toBe('你好');
    tables.en = { hello: 'Hello', count: '{n} items' };
    expect(tx('en', 'hello')).toBe('Hello');
    expect(tx('en', 'count', { n: 2 })).toBe('2 items');
  });
  it('the core UI strings: Chinese built in, English loaded (tests/unit/setup.ts)', () => {
    expect(t('zh', 'rankOf', { rank: 2, n: 31 })).toBe('第 2 位 / 共 31 个有数据的省份');
    expect(t('en', 'rankOf', { rank: 2, n: 31 })).toBe('#2 of 31 provinces with data');
  });
});

describe('typing', () => {
  it('an English table must have every Chinese key and no other; a lookup takes only known keys', () => {
    const ok = defineStrings({ zh: { a: '甲', b: '乙' }, en: { a: 'A', b: 'B' } });
    const key: KeyOf<typeof ok> = 'b';
    expect(ok('en', key)).toBe('B');
    expect(ok.tables.zh).toEqual({ a: '甲', b: '乙' });
    // @ts-expect-error en lacks the key b
    defineStrings({ zh: { a: '甲', b: '乙' }, en: { a: 'A' } });
    // @ts-expect-error en has a key zh does not
    defineStrings({ zh: { a: '甲' }, en: { a: 'A', c: 'C' } });
    // @ts-expect-error not a key of the namespace
    ok('zh', 'c');
    // @ts-expect-error not a key of the UI strings
    t('zh', 'noSuchKey');
    const uiKey: UiKey = 'appName';
    expect(t('zh', uiKey)).toBe('孵化图谱');
  });
});

/** Placeholders a translation may word differently (documented where used). */
const PLACEHOLDER_EXCEPTIONS = new Set([
  // "等 5 个来源" names the total, "and 2 more" the rest (sourceLabel.ts passes both)
  'ui.andMore',
  // a ratio's denominator: Chinese as published ("8515 万人"), English converted ("85.15 million residents"); i18n/per.ts denominatorText passes all three
  'per.denText_capita',
  'per.denText_gdp',
]);

const NAMESPACES: Record<string, Tables<string>> = {
  ui: t.tables,
  import: tr.tables,
  notes: tNotes.tables,
  findings: tFindings.tables,
  findingsPanel: tFindingsPanel.tables,
  per: tPer.tables,
  present: tPresent.tables,
  ranking: tRanking.tables,
  share: tShare.tables,
  table: tTable.tables,
  trend: tTrend.tables,
  userData: tUserData.tables,
  views: tViews.tables,
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(NAMESPACES))('namespace %s', (name, tables) => {
  const en = tables.en!;
  it('English has every Chinese key and no other', () => {
    expect(en).toBeDefined();
    expect(Object.keys(en).sort()).toEqual(Object.keys(tables.zh).sort());
  });
  it('a string is empty in English exactly where it is empty in Chinese', () => {
    for (const [k, zh] of Object.entries(tables.zh)) expect([k, en[k] === '']).toEqual([k, zh === '']);
  });
  it('both languages use the same placeholders', () => {
    for (const [k, zh] of Object.entries(tables.zh)) {
      if (PLACEHOLDER_EXCEPTIONS.has(`${name}.${k}`)) continue;
      expect([k, placeholders(en[k]!)]).toEqual([k, placeholders(zh)]);
    }
  });
});
