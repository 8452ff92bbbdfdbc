/**
 * SHA-1 of a string's UTF-8 bytes, as hex. The data package's ids are
 * content hashes (scripts/import-shared.ts, npm run data:add, the app's
 * "download as data package"): one synchronous function for Node and the
 * browser, where crypto.subtle is asynchronous and missing outside secure
 * contexts (an intranet served over plain http). Not for security. Pure.
 */
export function sha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const n = bytes.length;
  const words = new Uint32Array((((n + 8) >> 6) + 1) * 16);
  for (let i = 0; i < n; i++) words[i >> 2]! |= bytes[i]! << (24 - (i % 4) * 8);
  words[n >> 2]! |= 0x80 << (24 - (n % 4) * 8);
  // length in bits, big-endian, in the last two words (lengths under 2^32 bits here)
  words[words.length - 1] = n * 8;
  words[words.length - 2] = Math.floor((n * 8) / 0x100000000);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t]!;
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** A content id: a prefix and the first `n` hex digits of the SHA-1 of `text`. */
export function contentId(prefix: string, text: string, n = 10): string {
  return prefix + sha1Hex(text).slice(0, n);
}
