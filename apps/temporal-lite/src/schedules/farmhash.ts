/**
 * FarmHash Fingerprint32 (the "mk" 32-bit variant). The Temporal server derives a schedule's
 * jitter from this hash, so computing it the same way gives the same jittered times.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const mul = (a: number, b: number): number => Math.imul(a, b) >>> 0;
const add = (a: number, b: number): number => (a + b) >>> 0;
const rotr = (x: number, r: number): number => ((x >>> r) | (x << (32 - r))) >>> 0;

function fetch32(s: Uint8Array, i: number): number {
  return (s[i]! | (s[i + 1]! << 8) | (s[i + 2]! << 16) | (s[i + 3]! << 24)) >>> 0;
}

/** Murmur3's finaliser. */
function fmix(h: number): number {
  h = (h ^ (h >>> 16)) >>> 0;
  h = mul(h, 0x85ebca6b);
  h = (h ^ (h >>> 13)) >>> 0;
  h = mul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Murmur3's step combining two 32-bit values. */
function mur(a: number, h: number): number {
  a = mul(rotr(mul(a, C1), 17), C2);
  h = rotr((h ^ a) >>> 0, 19);
  return add(mul(h, 5), 0xe6546b64);
}

function len0to4(s: Uint8Array): number {
  let b = 0;
  let c = 9;
  for (const byte of s) {
    // Bytes are read as signed chars.
    b = add(mul(b, C1), byte > 127 ? byte - 256 : byte);
    c = (c ^ b) >>> 0;
  }
  return fmix(mur(b, mur(s.length, c)));
}

function len5to12(s: Uint8Array): number {
  const n = s.length;
  const a = add(n, fetch32(s, 0));
  const b = add(mul(n, 5), fetch32(s, n - 4));
  const c = add(9, fetch32(s, (n >>> 1) & 4));
  const d = mul(n, 5);
  return fmix(mur(c, mur(b, mur(a, d))));
}

function len13to24(s: Uint8Array): number {
  const n = s.length;
  let a = fetch32(s, (n >>> 1) - 4);
  const b = fetch32(s, 4);
  const c = fetch32(s, n - 8);
  const d = fetch32(s, n >>> 1);
  const e = fetch32(s, 0);
  const f = fetch32(s, n - 4);
  let h = add(mul(d, C1), n);
  a = add(rotr(a, 12), f);
  h = add(mur(c, h), a);
  a = add(rotr(a, 3), c);
  h = add(mur(e, h), a);
  a = add(rotr(add(a, f), 12), d);
  h = add(mur(b, h), a);
  return fmix(h);
}

const scramble = (word: number): number => mul(rotr(mul(word, C1), 17), C2);
const mix = (h: number, word: number): number => add(mul(rotr((h ^ word) >>> 0, 19), 5), 0xe6546b64);

export function fingerprint32(s: Uint8Array): number {
  const n = s.length;
  if (n <= 4) return len0to4(s);
  if (n <= 12) return len5to12(s);
  if (n <= 24) return len13to24(s);

  let h = mix(mix(n, scramble(fetch32(s, n - 4))), scramble(fetch32(s, n - 16)));
  let g = mix(mix(mul(C1, n), scramble(fetch32(s, n - 8))), scramble(fetch32(s, n - 12)));
  let f = add(rotr(add(mul(C1, n), scramble(fetch32(s, n - 20))), 19), 113);
  // 20-byte blocks from the start, as long as more than 20 bytes remain.
  for (let offset = 0; n - offset > 20; offset += 20) {
    const a = fetch32(s, offset);
    const b = fetch32(s, offset + 4);
    const c = fetch32(s, offset + 8);
    const d = fetch32(s, offset + 12);
    const e = fetch32(s, offset + 16);
    h = add(h, a);
    g = add(g, b);
    f = add(f, c);
    h = add(mur(d, h), e);
    g = add(mur(c, g), a);
    f = add(mur(add(b, mul(e, C1)), f), d);
    f = add(f, g);
    g = add(g, f);
  }
  g = mul(rotr(mul(rotr(g, 11), C1), 17), C1);
  f = mul(rotr(mul(rotr(f, 11), C1), 17), C1);
  h = add(mul(rotr(add(h, g), 19), 5), 0xe6546b64);
  h = mul(rotr(h, 17), C1);
  h = add(mul(rotr(add(h, f), 19), 5), 0xe6546b64);
  return mul(rotr(h, 17), C1);
}
