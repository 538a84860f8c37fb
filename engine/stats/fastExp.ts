/**
 * exp(x) in plain IEEE-754 arithmetic, for the simulation's hot loops.
 *
 * Method: P. T. P. Tang, "Table-driven implementation of the exponential
 * function in IEEE floating-point arithmetic", ACM Transactions on
 * Mathematical Software 15(2), 144-157, 1989, doi:10.1145/63522.214389.
 * Write x = (64 m + j) ln2/64 + r with |r| <= ln2/128, then
 *
 *     exp(x) = 2^m (T_j + T_j q(r)),   T_j = 2^(j/64) as a double pair (hi + lo),
 *     q(r) = r + r^2/2 + r^3/6 + r^4/24 + r^5/120   (truncation < 4e-17 relative)
 *
 * with ln2/64 split in a 32-bit head and a tail, so that r is computed
 * almost exactly. Measured against Math.exp (test/stats/fastExp.test.ts):
 * at most 1 ulp apart on [-708, 709.78] (normal results), equal on about
 * 90% of arguments; exactly 1 at 0.
 *
 * Why not Math.exp: V8 calls out to C for it (about 12 ns a call here, the
 * largest single cost of a softmax step); this inlines to about 3 ns. And
 * since it uses only +, -, * and table lookups, it gives the same bits in
 * every JavaScript engine (libm exp may differ in the last bit).
 *
 * Special values: NaN -> NaN, +Infinity and x > 709.79 -> Infinity,
 * -Infinity -> 0; subnormal results (x < -708.4) are rounded twice (within
 * 2^-1073 of exp) and those below 2^-1075 flush to 0.
 * @example fastExp(0) === 1
 * @example fastExp(1) === 2.718281828459045
 */

/** hi part of 2^(j/64), j = 0..63: the double nearest to it (Python decimal, 60 digits) */
const T_HI = new Float64Array([
  1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284, 1.0442737824274138, 1.0556451783605572, 1.0671404006768237, 1.0787607977571199,
  1.0905077326652577, 1.102382583307841, 1.1143867425958924, 1.1265216186082418, 1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
  1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687, 1.241857812073484, 1.255380757024691, 1.2690509571917332, 1.2828700160787783,
  1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.339667524053303, 1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
  1.4142135623730951, 1.42961333839197, 1.4451808069770467, 1.460917794180647, 1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384,
  1.5422108254079407, 1.559004400237837, 1.5759808451078865, 1.593142151342267, 1.6104903319492543, 1.6280274218573478, 1.645755478153965, 1.6636765803267364,
  1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062, 1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
  1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656, 1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
]);
/** 2^(j/64) - T_HI[j], rounded */
const T_LO = new Float64Array([
  0.0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18, 8.551889705537965e-17, 1.759325738772092e-18, -7.899853966841582e-17,
  -6.656660436056593e-17, -3.046782079812471e-17, 5.2660368715706944e-17, 1.0410278456845571e-16, 5.165856758795457e-17, 8.912812676025408e-17,
  3.250710218863827e-17, 3.8292048369240935e-17, 5.554203254218079e-17, 3.982015231465646e-17, 6.644981499252301e-17, -7.712630692681488e-17,
  -1.89878163130253e-17, 4.658027591836937e-17, -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17, 2.5382502794888315e-17,
  -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17, 7.70094837980299e-17, 9.593797919118849e-17, -6.770511658794786e-17,
  -9.614213209051323e-17, -9.667293313452913e-17, -1.2031642489053655e-17, -3.0237581349939873e-17, -5.600377186075216e-17, -3.483994556892796e-17,
  1.4192920154284036e-17, -1.016455327754295e-16, -1.1024941712342561e-16, 7.949834809697621e-17, 3.7812070533575275e-17, -1.0136916471278304e-17,
  -1.0094406542311964e-16, 2.4707192569797888e-17, -6.712955084707084e-17, -1.0125679913674773e-16, 5.8909926967131e-17, 8.199010020581497e-17,
  -8.0237193703977e-18, -1.851380418263111e-17, 3.164389299292957e-17, 2.960140695448873e-17, 6.429731796556572e-17, 1.8227458427912087e-17,
  -9.969531538920349e-17, 3.283107224245627e-17, 9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17, -1.0619946056195963e-16,
  1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
]);
/** 64 / ln 2 */
const INV_L = 92.33248261689366;
/** ln2/64 = L_HI + L_LO, L_HI with 32 significant bits (so that m * L_HI is exact for |m| < 2^21) */
const L_HI = 0.01083042469326756;
const L_LO = 2.9815858269852933e-12;
/** 1.5 * 2^52: adding and subtracting it rounds to the nearest integer (ties to even) */
const ROUND = 6755399441055744;
/**
 * HALF_POW2[OFFSET + m] = 2^(m - 1) for m = -1080..1024, built by exact doublings and halvings
 * (below 2^-1074 it is 0). The result is (2 y) 2^(m - 1): 2 y is exact, so there is one
 * rounding, also for subnormal results, and y < 1 with m = 1024 does not overflow early.
 */
const OFFSET = 1080;
const HALF_POW2 = new Float64Array(OFFSET + 1025);
{
  HALF_POW2[OFFSET + 1] = 1;
  for (let m = 2; m <= 1024; m++) HALF_POW2[OFFSET + m] = HALF_POW2[OFFSET + m - 1] * 2;
  for (let m = 0; m >= -OFFSET; m--) HALF_POW2[OFFSET + m] = HALF_POW2[OFFSET + m + 1] * 0.5;
}

/** The tables, for the WebAssembly kernel's copy of this function (engine/wasm/assembly/evolve.ts). */
export const FAST_EXP_TABLES = { T_HI, T_LO, HALF_POW2 } as const;

export function fastExp(x: number): number {
  // Clamp instead of returning early: a branch out of the function costs more than the
  // arithmetic. Beyond the clamps the table gives 2^m = 0 or Infinity; NaN passes through.
  const c = x < -746 ? -746 : x > 710 ? 710 : x;
  const nn = c * INV_L + ROUND - ROUND;
  const n = nn | 0;
  const r = c - nn * L_HI - nn * L_LO;
  const r2 = r * r;
  const q = r + r2 * (0.5 + r * 0.16666666666666666) + r2 * r2 * (0.041666666666666664 + r * 0.008333333333333333);
  const j = n & 63;
  const t = T_HI[j];
  // m = n >> 6 is floor(n / 64), also for negative n.
  return (t + (T_LO[j] + t * q)) * 2 * HALF_POW2[OFFSET + (n >> 6)];
}
