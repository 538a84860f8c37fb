/**
 * Engine-independent elementary functions: ports of fdlibm (Sun
 * Microsystems' freely distributable libm, as V8 11.3 / Node 20 uses it for
 * Math.*) written with IEEE-754 +, -, *, /, Math.sqrt, Math.abs, Math.floor
 * and bit access to the doubles only, so that every JavaScript engine gives
 * the same bits, and the same bits as Node 20's Math.log, Math.exp, ...
 * (checked in test/stats/fdlibm). ECMAScript leaves Math.log, Math.exp,
 * Math.sin etc. implementation-defined, and current Chromium's differ from
 * Node 20's in the last bit for some arguments.
 *
 * See each module for its method, special cases and the fdlibm notice.
 * @example log2(1024) // 10
 */

export { asin } from "./asin.js";
export { atan } from "./atan.js";
export { cbrt } from "./cbrt.js";
export { cos } from "./cos.js";
export { exp } from "./exp.js";
export { expm1 } from "./expm1.js";
export { hypot } from "./hypot.js";
export { log } from "./log.js";
export { log10 } from "./log10.js";
export { log1p } from "./log1p.js";
export { log2 } from "./log2.js";
export { sin } from "./sin.js";
export { tan } from "./tan.js";
