/**
 * Bytes → text, with the encoding detected: a BOM (UTF-8, UTF-16), else
 * strict UTF-8, else — when most multi-byte sequences are valid UTF-8 and a
 * few are not — UTF-8 with the bad bytes replaced (and counted), else
 * GB18030 (a superset of GBK, what Excel writes for Chinese CSV on Chinese
 * Windows). Binary files (Excel workbooks, PDFs, anything with NUL bytes)
 * are recognised and refused. Pure; never throws on any input.
 */
import type { EncodingId, Fatal } from './types';

export interface Decoded {
  text: string;
  encoding: EncodingId;
  bom: boolean;
  how: 'bom' | 'strict-utf8' | 'mostly-utf8' | 'gb18030' | 'user';
  /** U+FFFD characters produced by undecodable bytes */
  replaced: number;
}

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; fatal: Fatal };

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

/** A file that is not text: its kind, or null when it may be text. */
export function sniffBinary(b: Uint8Array): Fatal | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return { code: 'xlsx' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { code: 'xls' };
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { code: 'pdf' };
  const n = Math.min(b.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return { code: 'binary' };
    // C0 controls other than tab, LF, FF, CR, and the ESC/SUB that old files carry
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 0x1a && c !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.01 ? { code: 'binary' } : null;
}

/**
 * Valid and invalid multi-byte UTF-8 sequences. GBK text is almost never
 * valid UTF-8 (its trail bytes are rarely 0x80–0xBF after a valid lead), so a
 * file with many valid sequences and a few invalid ones is UTF-8 with damage.
 */
export function utf8Stats(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= n) {
      invalid++;
      break;
    }
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || (t & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (t & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function countReplacement(s: string): number {
  let n = 0;
  let at = s.indexOf('\uFFFD');
  while (at !== -1) {
    n++;
    at = s.indexOf('\uFFFD', at + 1);
  }
  return n;
}

function decodeWith(label: string, b: Uint8Array, fatal: boolean): string {
  return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(b);
}

/** Decode `bytes`, detecting the encoding unless `forced` is given. */
export function decodeBytes(bytes: Uint8Array, forced?: EncodingId): DecodeResult {
  try {
    if (bytes.length === 0) return { ok: false, fatal: { code: 'empty' } };
    // UTF-16 with a BOM (Excel's "Unicode text") is recognised before the binary check: it has NULs.
    if (!forced || forced === 'utf-16le' || forced === 'utf-16be') {
      const le = startsWith(bytes, [0xff, 0xfe]);
      const be = startsWith(bytes, [0xfe, 0xff]);
      if (le || be || forced) {
        const enc: EncodingId = forced ?? (le ? 'utf-16le' : 'utf-16be');
        const hasBom = le || be;
        const text = decodeWith(enc, hasBom ? bytes.subarray(2) : bytes, false);
        return { ok: true, value: { text, encoding: enc, bom: hasBom, how: forced ? 'user' : 'bom', replaced: countReplacement(text) } };
      }
    }
    const bin = sniffBinary(bytes);
    if (bin) return { ok: false, fatal: bin };
    const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
    const body = bom ? bytes.subarray(3) : bytes;
    if (forced === 'gb18030') {
      const text = decodeWith('gb18030', bytes, false);
      return { ok: true, value: { text, encoding: 'gb18030', bom: false, how: 'user', replaced: countReplacement(text) } };
    }
    if (forced === 'utf-8') {
      const text = decodeWith('utf-8', body, false);
      return { ok: true, value: { text, encoding: 'utf-8', bom, how: 'user', replaced: countReplacement(text) } };
    }
    try {
      const text = decodeWith('utf-8', body, true);
      return { ok: true, value: { text, encoding: 'utf-8', bom, how: bom ? 'bom' : 'strict-utf8', replaced: 0 } };
    } catch {
      /* not valid UTF-8 */
    }
    const st = bom ? { valid: 1, invalid: 0 } : utf8Stats(body);
    if (bom || (st.valid >= 3 && st.valid >= st.invalid * 4)) {
      const text = decodeWith('utf-8', body, false);
      return { ok: true, value: { text, encoding: 'utf-8', bom, how: bom ? 'bom' : 'mostly-utf8', replaced: countReplacement(text) } };
    }
    const text = decodeWith('gb18030', bytes, false);
    return { ok: true, value: { text, encoding: 'gb18030', bom: false, how: 'gb18030', replaced: countReplacement(text) } };
  } catch (e) {
    return { ok: false, fatal: { code: 'internal', detail: e instanceof Error ? e.message : String(e) } };
  }
}
