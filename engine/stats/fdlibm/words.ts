/**
 * Bit access to IEEE-754 doubles as two 32-bit words, the equivalents of
 * fdlibm's GET_HIGH_WORD, GET_LOW_WORD, SET_HIGH_WORD, SET_LOW_WORD and
 * INSERT_WORDS macros, for the ports of fdlibm in this folder and
 * engine/stats/pow.ts.
 *
 * The words live in one module-level 8-byte buffer seen as a Float64Array,
 * an Int32Array and a Uint32Array, so reading or writing a word allocates
 * nothing and each helper inlines to a store and a load. The high word (sign,
 * 11 exponent bits, top 20 significand bits) is read signed, as fdlibm's
 * `int32_t hx`; the low word unsigned, as its `uint32_t lx`. Writes accept
 * either (the typed arrays wrap modulo 2^32).
 *
 * log and log1p, hot paths of the simulation, read the high word through
 * the exported arrays directly (one store, one load). They, exp and expm1
 * scale by powers of two from the table twoTo reads instead of building 2^k
 * from its words: a double read back right after a 32-bit word of it was
 * written cannot be forwarded from the store by the CPU, and that stall
 * made log about 1.7 times slower (Node 20, x86-64).
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example getHighWord(1) // 0x3ff00000
 * @example insertWords(0x40000000, 0) // 2
 * @example twoTo(-1074) // 5e-324
 */

/** The shared scratch double. */
export const f64 = new Float64Array(1);
/** f64's two words, unsigned. */
export const u32 = new Uint32Array(f64.buffer);
/** f64's two words, signed. */
export const i32 = new Int32Array(f64.buffer);
f64[0] = 1;
/** Index of the high word (sign and exponent) in u32/i32: 1 on little-endian machines. */
export const HI = u32[1] === 0x3ff00000 ? 1 : 0;
/** Index of the low word. */
export const LO = 1 - HI;

/** The high word of x, as a signed 32-bit integer (GET_HIGH_WORD). */
export function getHighWord(x: number): number {
  f64[0] = x;
  return i32[HI];
}

/** The low word of x, as an unsigned 32-bit integer (GET_LOW_WORD). */
export function getLowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

/** x with its high word replaced by hi (SET_HIGH_WORD). */
export function setHighWord(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0];
}

/** x with its low word replaced by lo (SET_LOW_WORD). */
export function setLowWord(x: number, lo: number): number {
  f64[0] = x;
  u32[LO] = lo;
  return f64[0];
}

/** The double whose words are hi and lo (INSERT_WORDS). */
export function insertWords(hi: number, lo: number): number {
  i32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** 2^k for k = -1074..1023, built by exact doublings and halvings: POW2[k + 1074]. */
const POW2 = new Float64Array(1074 + 1024);
{
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) POW2[1074 + k] = p;
  p = 1;
  for (let k = 0; k >= -1074; k--, p /= 2) POW2[1074 + k] = p;
}

/** 2^k, exactly, for integer k in [-1074, 1023] (scalbn(1, k)); callers keep k in that range. */
export function twoTo(k: number): number {
  return POW2[k + 1074];
}

/** x with its low word set to 0: the sign, exponent and top 20 significand bits kept (SET_LOW_WORD(x, 0)). */
export function clearLowWord(x: number): number {
  f64[0] = x;
  u32[LO] = 0;
  return f64[0];
}
