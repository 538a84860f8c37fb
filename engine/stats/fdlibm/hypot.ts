/**
 * hypot(a, b) = sqrt(a^2 + b^2) without overflow or underflow, the same
 * double on every JavaScript engine and the same as Node 20's
 * Math.hypot(a, b).
 *
 * Not from fdlibm: this is V8's Math.hypot algorithm (the one Node 20 runs
 * for any number of arguments), for two arguments: both are divided by the
 * larger magnitude m, their squares summed in argument order with Kahan's
 * compensation, and the result is sqrt(sum) m. Uses only IEEE-754 /, *, -,
 * + and Math.sqrt (correctly rounded in every engine). Within about 1 ulp
 * of the true value, not always correctly rounded. With two arguments the
 * compensation of the first step is always 0, so this is
 * sqrt((a/m)^2 + (b/m)^2) m, symmetric in a and b.
 *
 * Special cases (ECMAScript): +Infinity if either is +-Infinity (even with
 * the other NaN); otherwise NaN if either is NaN; +0 if both are +-0.
 *
 * Complexity O(1), no allocation. Throws nothing.
 * @example hypot(3, 4) // 5
 * @example hypot(1e200, 1e200) // 1.414213562373095e200
 */

export function hypot(a: number, b: number): number {
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  if (aa === Infinity || ab === Infinity) return Infinity;
  if (aa !== aa || ab !== ab) return NaN;
  const max = aa > ab ? aa : ab;
  if (max === 0) return 0;
  const na = aa / max;
  const nb = ab / max;
  // Kahan summation from sum = 0: the first step is exact (sum = na^2, compensation = 0),
  // so the second adds nb^2 - 0.
  return Math.sqrt(na * na + nb * nb) * max;
}
