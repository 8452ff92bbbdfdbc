import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffBinary, utf8Stats } from '../../../src/import/decode';

const fx = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));

describe('encoding detection', () => {
  it('reads the GBK fixture as GB18030 and the UTF-8 ones as UTF-8, to the same text', () => {
    const g = decodeBytes(fx('wide-gbk.csv'));
    const u = decodeBytes(fx('wide-utf8.csv'));
    const b = decodeBytes(fx('wide-utf8-bom.csv'));
    if (!g.ok || !u.ok || !b.ok) throw new Error('decode failed');
    expect(g.value.encoding).toBe('gb18030');
    expect(g.value.how).toBe('gb18030');
    expect(u.value).toMatchObject({ encoding: 'utf-8', bom: false, how: 'strict-utf8', replaced: 0 });
    expect(b.value).toMatchObject({ encoding: 'utf-8', bom: true, how: 'bom', replaced: 0 });
    expect(g.value.text).toContain('北京市');
    expect(g.value.text).toContain('内蒙古自治区');
    expect(g.value.text).toBe(u.value.text);
    expect(b.value.text).toBe(u.value.text); // the BOM is not part of the text
  });

  it('GBK bytes are mostly invalid as UTF-8; UTF-8 bytes are all valid', () => {
    const g = utf8Stats(fx('wide-gbk.csv'));
    expect(g.invalid).toBeGreaterThan(g.valid);
    const u = utf8Stats(fx('wide-utf8.csv'));
    expect(u.invalid).toBe(0);
    expect(u.valid).toBeGreaterThan(50);
  });

  it('UTF-8 with a few damaged bytes stays UTF-8, and the damage is counted', () => {
    const good = new TextEncoder().encode('地区,2019\n北京,1\n江苏,2\n浙江,3\n');
    const bad = new Uint8Array([...good.slice(0, 10), 0xff, ...good.slice(10)]);
    const r = decodeBytes(bad);
    if (!r.ok) throw new Error('decode failed');
    expect(r.value).toMatchObject({ encoding: 'utf-8', how: 'mostly-utf8', replaced: 1 });
    expect(r.value.text).toContain('江苏');
  });

  it('UTF-16 with a BOM (Excel "Unicode text") is decoded', () => {
    const s = '地区\t2019\r\n北京\t5\r\n';
    const le = new Uint8Array(2 + s.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      le[2 + i * 2] = s.charCodeAt(i) & 0xff;
      le[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    const r = decodeBytes(le);
    if (!r.ok) throw new Error('decode failed');
    expect(r.value.encoding).toBe('utf-16le');
    expect(r.value.text).toBe(s);
  });

  it('the user can force an encoding', () => {
    const r = decodeBytes(fx('wide-utf8.csv'), 'gb18030');
    if (!r.ok) throw new Error('decode failed');
    expect(r.value.how).toBe('user');
    expect(r.value.text).not.toContain('北京市'); // mojibake, as asked
  });

  it('recognises files that are not CSV', () => {
    expect(sniffBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({ code: 'xlsx' });
    expect(sniffBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({ code: 'xls' });
    expect(sniffBinary(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ code: 'pdf' });
    expect(sniffBinary(new Uint8Array([65, 66, 0, 67]))).toEqual({ code: 'binary' });
    expect(decodeBytes(new Uint8Array([]))).toEqual({ ok: false, fatal: { code: 'empty' } });
    const ctl = new Uint8Array(200).map((_, i) => (i % 10 === 0 ? 3 : 65));
    expect(sniffBinary(ctl)).toEqual({ code: 'binary' });
    expect(sniffBinary(new TextEncoder().encode('a,b\r\n1,2\t3\n'))).toBeNull();
  });
});
