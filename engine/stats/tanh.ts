/**
 * tanh(x), the same double on every JavaScript engine: `Math.tanh` is
 * implementation-defined (Node 20's and Chromium's differ in the last bit
 * now and then). fdlibm's s_tanh.c method, on our fdlibm expm1 (IEEE
 * arithmetic only, so engine-independent):
 *   |x| < 2^-55: x;  |x| < 1: -t / (t + 2) with t = expm1(-2|x|);
 *   |x| < 22: 1 - 2 / (expm1(2|x|) + 2);  else 1; the sign of x.
 * Complexity O(1). Throws nothing; NaN gives NaN.
 * @example tanh(0.5) // 0.46211715726000974
 */
import { expm1 } from "./fdlibm/expm1.js";

export function tanh(x: number): number {
  const a = Math.abs(x);
  if (!(a < 22)) return Number.isNaN(x) ? NaN : Math.sign(x);
  if (a < 2.7755575615628914e-17) return x; // 2^-55
  const z = a >= 1 ? 1 - 2 / (expm1(2 * a) + 2) : -expm1(-2 * a) / (expm1(-2 * a) + 2);
  return x < 0 ? -z : z;
}
