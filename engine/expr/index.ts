/** Sandboxed scenario expressions: compile once at load time, evaluate by position in the hot loop. */
export { compileExpression } from "./compile.js";
export type { CompiledExpression, CompileResult, ExprLocation } from "./compile.js";
export { reservedWords, functions as allowedFunctions } from "./whitelist.js";
export { closest, didYouMean, editDistance, listForMessage } from "./didYouMean.js";
