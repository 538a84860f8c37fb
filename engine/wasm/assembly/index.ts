/**
 * The kernel's WebAssembly module (AssemblyScript): the path loop
 * (evolve.ts) and the block summaries of share columns, plain and weighted
 * (summaries.ts).
 * Compiled by `npm run wasm` (engine/wasm/build.ts), not by tsc.
 */
export { evolve } from "./evolve";
export { summarise, summariseBoth } from "./summaries";
