/** What `marketfutures run` writes: results.json, summary.csv, targets.csv, paths.csv, all or none. */
export { csvField, csvText, formatNumber, parseCsv, type CsvValue } from "./csv.js";
export { resultsJson } from "./resultsJson.js";
export { PATHS_HEADER, pathsCsv, pathsCsvBytes, SUMMARY_HEADER, SUMMARY_STATS, summaryCsv, summaryCsvBytes, TARGETS_HEADER, targetsCsv } from "./tables.js";
export {
  checkRunOutputDir,
  RUN_OUTPUT_NAMES,
  runOutputFiles,
  writeRunOutputs,
  type OutputFile,
  type RunOutputCheck,
  type WriteRunOptions,
} from "./writeOutputs.js";
export { MANIFEST } from "../../io/manifest.js";
