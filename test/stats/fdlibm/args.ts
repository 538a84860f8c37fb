/**
 * Seeded argument sets for the fdlibm ports' tests (test/stats/fdlibm): for
 * each function, arguments spread over the ranges where each branch of its
 * algorithm runs, plus the special values every function is checked on.
 * Deterministic: the same seed gives the same arguments on every run.
 */
import seedrandom from "seedrandom";

const view = new DataView(new ArrayBuffer(8));

/** The double with high word hi and low word lo. */
export function fromWords(hi: number, lo: number): number {
  view.setUint32(0, hi >>> 0);
  view.setUint32(4, lo >>> 0);
  return view.getFloat64(0);
}

/** The high word of x, unsigned. */
export function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getUint32(0);
}

/** The next double after x towards +Infinity (steps > 0) or -Infinity (steps < 0), |steps| times. */
export function nextAfter(x: number, steps: number): number {
  view.setFloat64(0, x);
  let bits = view.getBigInt64(0);
  // the ordered integer of a double: negative doubles count down from -0
  let ord = bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  ord += BigInt(steps);
  bits = ord < 0n ? -ord | -0x8000000000000000n : ord;
  view.setBigInt64(0, bits);
  return view.getFloat64(0);
}

/** Distance in ulps between two doubles (0 for the same bits; NaN when one is NaN and the other is not). */
export function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const ord = (x: number): bigint => {
    view.setFloat64(0, x);
    const bits = view.getBigInt64(0);
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  const d = ord(a) - ord(b);
  return Number(d < 0n ? -d : d);
}

/** Builds an argument list from a seed. */
export class Args {
  readonly xs: number[] = [];
  private readonly rng: seedrandom.PRNG;

  constructor(seed: string) {
    this.rng = seedrandom(seed);
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  private u(): number {
    return this.rng.double();
  }

  private sign(): number {
    return this.u() < 0.5 ? -1 : 1;
  }

  /** n values uniform in [lo, hi]. */
  uniform(lo: number, hi: number, n: number): this {
    for (let i = 0; i < n; i++) this.xs.push(lo + (hi - lo) * this.u());
    return this;
  }

  /** n values log-uniform in [lo, hi] (0 < lo < hi), with a random sign when signed. */
  logUniform(lo: number, hi: number, n: number, signed = false): this {
    const a = Math.log(lo);
    const b = Math.log(hi);
    for (let i = 0; i < n; i++) {
      const x = Math.exp(a + (b - a) * this.u());
      this.xs.push(signed ? this.sign() * x : x);
    }
    return this;
  }

  /** n values with biased exponent uniform in [e0, e1] (0 = subnormal) and a random significand, random sign when signed. */
  exponents(e0: number, e1: number, n: number, signed = false): this {
    for (let i = 0; i < n; i++) {
      const e = e0 + Math.floor((e1 - e0 + 1) * this.u());
      const hi = (e << 20) | (this.rng.int32() & 0xfffff);
      const s = signed && this.u() < 0.5 ? 0x80000000 : 0;
      this.xs.push(fromWords((hi | s) >>> 0, this.rng.int32()));
    }
    return this;
  }

  /** n random 64-bit patterns (any sign, exponent, NaNs and infinities included). */
  bits(n: number): this {
    for (let i = 0; i < n; i++) this.xs.push(fromWords(this.rng.int32(), this.rng.int32()));
    return this;
  }

  /** n values c (1 + e) with |e| <= rel uniform. */
  around(c: number, rel: number, n: number): this {
    for (let i = 0; i < n; i++) this.xs.push(c * (1 + rel * (2 * this.u() - 1)));
    return this;
  }

  /** n values with high word hw - 1, hw or hw + 1 (a branch threshold of fdlibm) and a random low word, both signs when signed. */
  highWords(hw: number, n: number, signed = false): this {
    for (let i = 0; i < n; i++) {
      const h = hw + Math.floor(3 * this.u()) - 1;
      const s = signed && this.u() < 0.5 ? 0x80000000 : 0;
      this.xs.push(fromWords((h | s) >>> 0, this.rng.int32()));
    }
    return this;
  }

  /** Each of cs and its neighbours up to k ulps either side. */
  ulpsAround(cs: readonly number[], k: number): this {
    for (const c of cs) for (let s = -k; s <= k; s++) this.xs.push(nextAfter(c, s));
    return this;
  }

  /** The values themselves. */
  add(cs: readonly number[]): this {
    for (const c of cs) this.xs.push(c);
    return this;
  }

  /** Also the negation of every value so far. */
  negated(): this {
    const n = this.xs.length;
    for (let i = 0; i < n; i++) this.xs.push(-this.xs[i]);
    return this;
  }
}

/** NaN, signed zeros and infinities, the extreme doubles, +-1, every +-2^k, integers, powers of ten, and their neighbours. */
export function specialValues(): number[] {
  const out = [NaN, 0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];
  out.push(2.2250738585072014e-308, -2.2250738585072014e-308, 2.225073858507201e-308, -2.225073858507201e-308); // smallest normal, largest subnormal
  out.push(fromWords(0xfff80000, 0), fromWords(0x7ff00000, 1), fromWords(0xffffffff, 0xffffffff)); // NaNs with other bit patterns
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) out.push(p, -p, nextAfter(p, 1), nextAfter(p, -1), -nextAfter(p, 1), -nextAfter(p, -1));
  p = 0.5;
  for (let k = 1; k <= 1074; k++, p /= 2) out.push(p, -p, nextAfter(p, 1), -nextAfter(p, 1));
  for (let i = -1100; i <= 1100; i++) out.push(i);
  for (let k = -30; k <= 30; k++) out.push(Number(`1e${k}`), -Number(`1e${k}`));
  return out;
}

// Per-function argument sets (nodeMath.test.ts).

const LN2 = 0.6931471805599453;
const PIO2 = 1.5707963267948966;

/** The arguments every function is checked on besides its own: specials, random bit patterns, subnormals, all magnitudes. */
export function common(seed: string): Args {
  return new Args(seed).add(specialValues()).bits(20_000).exponents(0, 0, 5_000, true).logUniform(1e-300, 1e300, 20_000, true);
}

/** log, log2, log10: the reduction x = 2^k (1 + f) and the |f| < 2^-20 shortcut. */
export function logArgs(seed: string): Args {
  return common(seed)
    .exponents(0, 0, 15_000) // subnormals
    .exponents(1, 30, 10_000) // tiny normals
    .exponents(2000, 2046, 10_000) // huge
    .around(1, 2 ** -20, 30_000) // |f| < 2^-20
    .around(1, 2 ** -40, 10_000)
    .ulpsAround([1, 2, 0.5, 4, 1024, 2 ** -1022], 300)
    .uniform(0.5, 2, 50_000)
    .uniform(0.7, 1.42, 20_000) // the two polynomial forms: hx around 0x6147a, 0x6b851
    .highWords(0x3ff6147a, 5_000)
    .highWords(0x3ff6b851, 5_000)
    .highWords(0x3ff6a09e, 5_000) // sqrt(2): x or x/2
    .highWords(0x3fe6a09e, 5_000)
    .logUniform(1e-300, 1e300, 20_000)
    .uniform(-10, 0, 2_000); // NaN
}

/** exp, expm1: the reductions around 0.5 ln2 and 1.5 ln2, the over- and underflow thresholds, tiny arguments. */
export function expArgs(seed: string): Args {
  return common(seed)
    .logUniform(2 ** -80, 2 ** -28, 10_000, true) // |x| < 2^-28 (exp), 2^-54 (expm1)
    .highWords(0x3e300000, 4_000, true)
    .highWords(0x3c900000, 4_000, true)
    .highWords(0x3fd62e42, 10_000, true) // 0.5 ln2
    .highWords(0x3ff0a2b2, 10_000, true) // 1.5 ln2
    .uniform(-1.1, 1.1, 30_000)
    .uniform(-745.2, 709.8, 60_000)
    .uniform(-60, 60, 30_000)
    .uniform(-745.2, -707, 15_000) // subnormal results (k < -1021)
    .highWords(0x40862e42, 5_000, true) // |x| ~ 709.78
    .highWords(0x4043687a, 5_000, true) // expm1: |x| ~ 56 ln2
    .around(20 * LN2, 0.05, 5_000) // expm1: k = 20
    .around(56 * LN2, 0.02, 5_000) // expm1: k = 56
    .ulpsAround([709.782712893384, -745.1332191019411, -745.1332191019412, -708.3964185322641, 1, -1, LN2, -LN2, 0.5 * LN2, 1.5 * LN2], 200)
    .add(Array.from({ length: 2101 }, (_, i) => (i - 1050) * LN2));
}

export function log1pArgs(seed: string): Args {
  return common(seed)
    .uniform(-1, 1, 40_000)
    .uniform(-1, -0.99, 10_000) // 1 + x tiny
    .ulpsAround([-1, 2 ** -53 - 1], 200)
    .logUniform(2 ** -80, 2 ** -20, 20_000, true) // |x| < 2^-29, 2^-54
    .highWords(0x3e200000, 5_000, true)
    .highWords(0x3c900000, 5_000, true)
    .highWords(0x3fda827a, 10_000) // 1 + x ~ sqrt(2)
    .highWords(0xbfd2bec4, 10_000) // 1 + x ~ sqrt(2)/2
    .around(Math.SQRT2 - 1, 1e-3, 5_000)
    .around(Math.SQRT1_2 - 1, 1e-3, 5_000)
    .around(2 ** -20, 1, 5_000) // |f| < 2^-20 with k = 0
    .ulpsAround([1, 3, 7, 0.5, 2 ** 53, 2 ** 53 - 1, 2 ** 52], 100) // 1 + x near a power of 2
    .logUniform(1, 1e300, 30_000) // correction term c, k > 0
    .highWords(0x43400000, 5_000) // x ~ 2^53: 1 + x rounds to x
    .uniform(-2, -1, 2_000); // NaN
}

export function cbrtArgs(seed: string): Args {
  const cubes: number[] = [];
  for (let i = -2000; i <= 2000; i++) cubes.push(i * i * i, (i * i * i) / 8, i * i * i * 1e-15);
  return common(seed)
    .exponents(0, 0, 20_000, true) // subnormals
    .exponents(1, 2046, 60_000, true) // every exponent (the 5-bit first guess depends on it mod 3)
    .uniform(-10, 10, 40_000)
    .uniform(0.125, 8, 40_000)
    .logUniform(1e-300, 1e300, 20_000, true)
    .add(cubes);
}

/** sin, cos, tan: each reduction path of remPio2 and the kernels' thresholds. */
export function trigArgs(seed: string): Args {
  const multiples: number[] = [];
  for (let n = 1; n <= 4096; n++) multiples.push(n * PIO2, n * (PIO2 / 2)); // near n pi/2: 2nd and 3rd reduction steps
  for (let e = 12; e <= 19; e++) for (let j = 0; j < 64; j++) multiples.push((2 ** e + j * 977) * PIO2);
  return common(seed)
    .logUniform(2 ** -80, 2 ** -26, 10_000, true) // kernels' |x| < 2^-27, tan's 2^-28
    .highWords(0x3e400000, 3_000, true)
    .highWords(0x3e300000, 3_000, true)
    .uniform(-Math.PI / 4, Math.PI / 4, 30_000) // no reduction
    .highWords(0x3fd33333, 5_000, true) // cos kernel: |x| ~ 0.3
    .highWords(0x3fe90000, 5_000, true) // cos kernel: |x| ~ 0.78125
    .highWords(0x3fe59428, 5_000, true) // tan kernel: |x| ~ 0.6744
    .highWords(0x3fe921fb, 5_000, true) // |x| ~ pi/4
    .uniform(-3 * PIO2, 3 * PIO2, 20_000) // n = +-1
    .highWords(0x3ff921fb, 5_000, true) // near pi/2: 33 + 33 + 53 bits
    .highWords(0x4002d97c, 3_000, true) // 3pi/4
    .uniform(-100, 100, 20_000) // medium, n < 32
    .uniform(-(2 ** 19) * PIO2, 2 ** 19 * PIO2, 30_000) // medium
    .highWords(0x413921fb, 3_000, true) // 2^19 pi/2: medium | large
    .ulpsAround(multiples, 3)
    .logUniform(2 ** 20, 1e300, 20_000, true) // large: Payne-Hanek
    .exponents(0x414, 2046, 20_000, true)
    .ulpsAround([6381956970095103 * 2 ** 797, 5.319372648326541e255, 1e22, 1e300, Number.MAX_VALUE, 2 ** 1023, 2 ** 120, 2 ** 300], 20);
}

export function atanArgs(seed: string): Args {
  return common(seed)
    .logUniform(2 ** -80, 2 ** -26, 10_000, true)
    .highWords(0x3e400000, 3_000, true)
    .uniform(-0.4375, 0.4375, 20_000)
    .uniform(-2.5, 2.5, 50_000) // the four reduced intervals
    .highWords(0x3fdc0000, 5_000, true) // 7/16
    .highWords(0x3fe60000, 5_000, true) // 11/16
    .highWords(0x3ff30000, 5_000, true) // 19/16
    .highWords(0x40038000, 5_000, true) // 39/16
    .logUniform(2.4375, 2 ** 66, 40_000, true) // atan(inf) + atan(-1/x)
    .highWords(0x44100000, 3_000, true) // 2^66
    .logUniform(2 ** 66, 1e300, 5_000, true);
}

export function asinArgs(seed: string): Args {
  return common(seed)
    .logUniform(2 ** -80, 2 ** -26, 10_000, true)
    .highWords(0x3e400000, 3_000, true)
    .uniform(-1, 1, 60_000)
    .uniform(-0.5, 0.5, 30_000)
    .uniform(0.5, 1, 30_000)
    .highWords(0x3fe00000, 5_000, true) // 0.5
    .highWords(0x3fef3333, 5_000, true) // 0.975
    .around(1, 1e-10, 5_000)
    .ulpsAround([1, -1, 0.5, -0.5], 300)
    .uniform(-3, 3, 3_000); // |x| > 1: NaN
}
