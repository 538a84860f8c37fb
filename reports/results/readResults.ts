/** Reading results.json back: see engine/results/readResults.ts. */
export { readResults } from "../../engine/results/readResults.js";
