// Replays a write captured by MARKETFUTURES_TEST_CAPTURE (engine/io/faultInjection.ts) through the built
// writer, with the CLI's signal handler installed, so that a test can kill or signal it at every write step
// (MARKETFUTURES_TEST_KILL_AT, MARKETFUTURES_TEST_SIGNAL_AT) in a tenth of a second instead of running the
// whole command again. Usage: node test/cli/replayWrite.mjs CAPTURE.json
import { readFileSync } from "node:fs";
import "../../dist/bin/signals.js";
const { writeOutputSet } = await import("../../dist/engine/io/outputSet.js");
const { writeOutputFile } = await import("../../dist/engine/io/outputFile.js");
const { UserError } = await import("../../dist/engine/diagnostics.js");

const capture = JSON.parse(readFileSync(process.argv[2], "utf8"));
const files = capture.files.map((f) => ({ name: f.name, data: Buffer.from(f.base64, "base64") }));
try {
  if (capture.options.file) await writeOutputFile(capture.dir, files[0].data, capture.options);
  else await writeOutputSet(capture.dir, files, capture.options);
} catch (err) {
  if (!(err instanceof UserError)) throw err;
  process.stderr.write(`marketfutures: ${err.message}\n`);
  process.exitCode = 1;
}
