/**
 * x * x. ECMAScript leaves `x ** 2` and Math.pow "implementation-approximated",
 * so the engine squares by multiplying, which IEEE 754 fixes on every engine.
 * @example square(-3) // 9
 */
export const square = (x: number): number => x * x;
