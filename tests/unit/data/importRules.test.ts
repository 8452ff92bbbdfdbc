import { describe, expect, it } from 'vitest';
import { checkAliases, creditedPublisher, noteWithRemark, originalPublisher, splitEntityName } from '../../../scripts/import-rules';

describe('splitEntityName', () => {
  it('moves a remark set off by a space out of the name', () => {
    expect(splitEntityName('滁州海智基地 (set up 2013)')).toEqual({ name: '滁州海智基地', remark: 'set up 2013' });
    expect(splitEntityName('内蒙古留创园 (内蒙古留学人员创业园)')).toEqual({ name: '内蒙古留创园', remark: '内蒙古留学人员创业园' });
    expect(splitEntityName('某园 （全角备注）')).toEqual({ name: '某园', remark: '全角备注' });
  });

  it('keeps nested brackets inside the remark', () => {
    expect(splitEntityName('岳麓山国家大学科技园 (first batch 2001; 中南大学(长沙), per article)')).toEqual({
      name: '岳麓山国家大学科技园',
      remark: 'first batch 2001; 中南大学(长沙), per article',
    });
  });

  it('leaves brackets that are part of the printed name', () => {
    for (const n of ['国家海外人才离岸创新创业基地(成都)', '中国北京（望京）留学人员创业园', '中国矿业大学(北京)国家大学科技园', '創芯SPACE(南京郵電大學南通研究院有限公司)', '(remark only)', '某园 (未闭合']) {
      expect(splitEntityName(n)).toEqual({ name: n, remark: null });
    }
  });

  it('puts the remark in front of the note, keeping the note', () => {
    expect(noteWithRemark('2022年度 list', 'English rendering')).toBe('English rendering; 2022年度 list');
    expect(noteWithRemark('', 'set up 2013')).toBe('set up 2013');
    expect(noteWithRemark('kept', null)).toBe('kept');
  });
});

describe('creditedPublisher', () => {
  it('reads the publisher a note credits for a reposted or mirrored page', () => {
    const cases: [string, string][] = [
      ['all carriers in the 2022年度 provincial evaluation; 科技日报 via huai123.net', '科技日报'],
      ['"国家级众创空间"; rank 1 in China per source; 新京报 2019-06-13 via sina', '新京报'],
      ["after 2021年度 national list (9 added); '全国第一方阵'; 大河网-河南日报 2022-05-20 on hpyiliao.cn mirror", '大河网-河南日报'],
      ['from Torch Center 《2020年中国创业孵化发展报告》 via 新华社 2020-10-17 (jiangsulong.com mirror); rank 2', '新华社'],
      ["2019 data, +30.7% y/y; garbled machine repost of Xinhua 2020-01-13 ('中创0+' probably = 众创空间在)", '新华社'],
      ['经备案 incubators, end-2016; 中国产业经济信息网 2017-12-27 repost; quote normalized', '中国产业经济信息网'],
      ['All maker spaces per 四川省创新创业数据大屏 (四川经济日报 repost); not a year-end figure', '四川经济日报'],
      ['科技“双创”载体 added in 2023; page reposts 宁夏高新技术创业服务中心 review', '宁夏高新技术创业服务中心'],
      ['English machine translation of Xinhuanet Henan item dated 2023-06-02', '新华网（河南）'],
      ['国家级星创天地; source 西藏自治区科技厅 2023-04-21 on mirror site', '西藏自治区科技厅'],
      ['MOST notice dated 2022-06-28 (repost by jsa-sme.org.cn, source Torch Centre)', '科技部火炬中心'],
      ['国家统计局 分省年度数据 export (指标 年末常住人口(万人), 数据来源：国家统计局) via repo x/y', '国家统计局'],
      ['NBS figure released 2025-01-17 (2024年国民经济运行情况), reported on huashangw.com', '国家统计局'],
    ];
    for (const [note, want] of cases) expect(creditedPublisher(note), note).toBe(want);
  });

  it('finds nothing where the note credits no one, or names the site itself', () => {
    for (const note of [
      '家; as of 2023-02',
      'quote normalized: pinyin glosses inserted by the mirror page removed',
      'new national incubators in 2022年度 list; rank 2 in China for additions per source; 蚌埠厂房网 repost',
      '人民網日本語版 2019-10-31 citing 科技日报 (Japanese text)',
      "table in NBS 国家数据 年度数据 export layout via repo AfterMaxQ/x; the file itself carries no source line",
      '',
    ]) expect(creditedPublisher(note), note).toBeNull();
  });

  it('one page: the publisher credited most often, first on a tie', () => {
    expect(originalPublisher(['科技日报 via a.cn', 'x', '科技日报 via a.cn', '新华社 2020-01-01 repost'])).toBe('科技日报');
    expect(originalPublisher(['(央广网 repost)', 'repost of Xinhua'])).toBe('央广网');
    expect(originalPublisher(['no credit'])).toBe('');
  });
});

describe('checkAliases', () => {
  const reg = new Set(['a', 'b']);
  it('accepts former ids mapped to registered metrics', () => {
    expect(checkAliases([{ from: 'old_a', to: 'a', why: '' }], reg)).toEqual([]);
  });
  it('reports unknown targets, registered former ids, repeats and chains', () => {
    const p = checkAliases(
      [
        { from: 'old_a', to: 'gone', why: '' },
        { from: 'b', to: 'a', why: '' },
        { from: 'old_a', to: 'a', why: '' },
        { from: 'older', to: 'old_a', why: '' },
      ],
      reg,
    );
    expect(p).toEqual([
      'alias old_a -> gone: gone is not in scripts/metric-registry.json',
      'alias b -> a: b is still in scripts/metric-registry.json',
      'alias old_a listed twice',
      'alias older -> old_a: old_a is not in scripts/metric-registry.json',
      'alias older -> old_a: old_a is itself a former id',
    ]);
  });
});
