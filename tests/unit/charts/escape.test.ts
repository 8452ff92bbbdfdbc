import { describe, expect, it } from 'vitest';
import { esc, safeHref } from '../../../src/charts/escape';
import { sourceLine, sourceShortName } from '../../../src/charts/sourceLabel';
import { source, sourceMap } from '../helpers';

describe('esc', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('stringifies non-strings and treats null/undefined as empty', () => {
    expect(esc(2019)).toBe('2019');
    expect(esc(null)).toBe('');
    expect(esc(undefined)).toBe('');
  });
  it('does not double-escape plain text', () => {
    expect(esc('江苏 848 家')).toBe('江苏 848 家');
  });
});

describe('safeHref', () => {
  it('allows http(s) only', () => {
    expect(safeHref('https://a.gov.cn/x')).toBe('https://a.gov.cn/x');
    expect(safeHref('HTTP://a')).toBe('HTTP://a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('')).toBeNull();
  });
});

describe('sourceShortName / sourceLine', () => {
  const S = sourceMap(
    source({ id: 'a', publisher: 'a.gov.cn', url: 'https://a.gov.cn' }),
    source({ id: 'b', citation: '新华日报，2020-01-02，标题' }),
    source({ id: 'c', url: 'https://c.example/x' }),
    source({ id: 'a2', publisher: 'a.gov.cn' }),
    source({ id: 'd', publisher: 'd' }),
    source({ id: 'e', publisher: 'e' }),
  );
  it('publisher, else first part of the citation, else URL, else "?"', () => {
    expect(sourceShortName(S.get('a'))).toBe('a.gov.cn');
    expect(sourceShortName(S.get('b'))).toBe('新华日报');
    expect(sourceShortName(S.get('c'))).toBe('https://c.example/x');
    expect(sourceShortName(undefined)).toBe('?');
  });
  it('distinct names, at most three, then "and N more"', () => {
    expect(sourceLine(['a', 'a2', 'b'], S, 'zh')).toBe('来源：a.gov.cn；新华日报');
    expect(sourceLine(['a', 'b'], S, 'en')).toBe('Source: a.gov.cn; 新华日报');
    const many = sourceLine(['a', 'b', 'c', 'd', 'e'], S, 'zh');
    expect(many).toBe('来源：a.gov.cn；新华日报；https://c.example/x 等 5 个来源'); // zh: "5 sources in all"
    expect(sourceLine(['a', 'b', 'c', 'd', 'e'], S, 'en')).toMatch(/^Source: a\.gov\.cn; 新华日报; https:\/\/c\.example\/x and \d+ more$/);
    expect(sourceLine([], S, 'zh')).toBe('');
  });

  // Regression (fixed: sourceLine passes both the total and the rest). The
  // Chinese "等 5 个来源" names all sources (5 in all), the English "and 2
  // more" only those not shown; one count for both said "and 5 more".
  it('English "and N more" counts the sources not shown', () => {
    expect(sourceLine(['a', 'b', 'c', 'd', 'e'], S, 'en')).toBe('Source: a.gov.cn; 新华日报; https://c.example/x and 2 more');
  });
});
