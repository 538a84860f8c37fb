import type { Command } from "commander";
import { registerValidate } from "./validate.js";
import { registerSchema } from "./schema.js";
import { registerRun } from "./run.js";
import { registerMerge } from "./merge.js";
import { registerReport } from "./report.js";
import { registerCompare } from "./compare.js";
import { registerBlend } from "./blend.js";
import { registerCalibrate } from "./calibrate.js";
import { registerSensitivity } from "./sensitivity.js";
import { registerDiscover } from "./discover.js";
import { registerTrack } from "./track.js";
import { registerFit } from "./fit.js";
import { registerHindcast } from "./hindcast.js";
import { registerDecide } from "./decide.js";

/** Every subcommand, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerValidate(program);
  registerSchema(program);
  registerRun(program);
  registerTrack(program);
  registerFit(program);
  registerHindcast(program);
  registerMerge(program);
  registerReport(program);
  registerCompare(program);
  registerBlend(program);
  registerCalibrate(program);
  registerSensitivity(program);
  registerDiscover(program);
  registerDecide(program);
}
