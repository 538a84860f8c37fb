/** What `marketfutures run` writes: results.json, summary.csv, targets.csv, paths.csv, atomically. */
export { csvField, csvText, formatNumber, parseCsv, type CsvValue } from "./csv.js";
export { checkOutputDir, MARKER, markerPath, markerText } from "./outputDir.js";
export { resultsJson } from "./resultsJson.js";
export { PATHS_HEADER, pathsCsv, SUMMARY_HEADER, SUMMARY_STATS, summaryCsv, TARGETS_HEADER, targetsCsv } from "./tables.js";
export {
  checkRunOutputDir,
  RUN_OUTPUT_NAMES,
  runOutputFiles,
  writeFilesAtomically,
  writeRunOutputs,
  type OutputFile,
  type RunOutputCheck,
  type WriteRunOptions,
} from "./writeOutputs.js";
