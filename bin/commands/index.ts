import type { Command } from "commander";
import { registerValidate } from "./validate.js";
import { registerSchema } from "./schema.js";
import { registerRun } from "./run.js";
import { registerReport } from "./report.js";
import { registerCompare } from "./compare.js";
import { registerBlend } from "./blend.js";
import { registerCalibrate } from "./calibrate.js";
import { registerSensitivity } from "./sensitivity.js";
import { registerDiscover } from "./discover.js";
import { registerDecide } from "./decide.js";

/** Every subcommand, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerValidate(program);
  registerSchema(program);
  registerRun(program);
  registerReport(program);
  registerCompare(program);
  registerBlend(program);
  registerCalibrate(program);
  registerSensitivity(program);
  registerDiscover(program);
  registerDecide(program);
}
