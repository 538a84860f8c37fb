/**
 * `run`'s shard options: `--shard K/N` (1-based, as vitest and Playwright
 * count shards), or `--shard-from-env` reading the 0-based index that a batch
 * system gives each task of an array:
 *
 * | system | index | count |
 * | --- | --- | --- |
 * | Kubernetes Indexed Job | JOB_COMPLETION_INDEX | --shard-count or MARKETFUTURES_SHARD_COUNT |
 * | AWS Batch array job | AWS_BATCH_JOB_ARRAY_INDEX | AWS_BATCH_JOB_ARRAY_SIZE |
 * | Slurm job array | SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN | SLURM_ARRAY_TASK_COUNT |
 *
 * --shard-count, else MARKETFUTURES_SHARD_COUNT, overrides the system's
 * count, and must agree with it when both are set. Every mistake is a usage
 * error (exit 2), found before anything runs.
 */
import type { Command } from "commander";
import { UsageError } from "../../engine/diagnostics.js";
import type { ShardSpec } from "../../engine/shard/plan.js";

/** The environment variables giving a task's index, in the order they are looked at. */
export const SHARD_INDEX_VARIABLES = ["JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "SLURM_ARRAY_TASK_ID"] as const;
/** The count a user sets for a batch system that does not give one (Kubernetes). */
export const SHARD_COUNT_VARIABLE = "MARKETFUTURES_SHARD_COUNT";

/** The batch system's own count for each index variable, and the index's offset (Slurm arrays may start at any number). */
const systems: Record<(typeof SHARD_INDEX_VARIABLES)[number], { count?: string; min?: string }> = {
  JOB_COMPLETION_INDEX: {},
  AWS_BATCH_JOB_ARRAY_INDEX: { count: "AWS_BATCH_JOB_ARRAY_SIZE" },
  SLURM_ARRAY_TASK_ID: { count: "SLURM_ARRAY_TASK_COUNT", min: "SLURM_ARRAY_TASK_MIN" },
};

export interface ShardFlags {
  shard?: string;
  shardFromEnv?: boolean;
  shardCount?: string;
}

const wholeNumber = (text: string | undefined): number | undefined => (text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** Declares --shard, --shard-from-env and --shard-count on a command; `shard` says what its --shard runs and writes. */
export function shardFlagOptions(command: Command, shard: string): Command {
  return command
    .option("--shard <K/N>", shard)
    .option("--shard-from-env", `take the shard from a batch array: ${SHARD_INDEX_VARIABLES.join(", ")} (0-based)`)
    .option(
      "--shard-count <n>",
      `with --shard-from-env, the number of shards (else ${SHARD_COUNT_VARIABLE}, AWS_BATCH_JOB_ARRAY_SIZE or SLURM_ARRAY_TASK_COUNT)`,
    );
}

/** The shard asked for, or undefined for a whole run; UsageError for a bad or contradictory request. */
export function parseShard(flags: ShardFlags, env: NodeJS.ProcessEnv = process.env): (ShardSpec & { from?: string }) | undefined {
  if (flags.shard !== undefined && flags.shardFromEnv) throw new UsageError("give --shard K/N or --shard-from-env, not both");
  if (flags.shardCount !== undefined && !flags.shardFromEnv) throw new UsageError("--shard-count goes with --shard-from-env (with --shard, write K/N)");
  if (flags.shard !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(flags.shard);
    const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    if (!(index >= 1 && index <= count && Number.isSafeInteger(count)))
      throw new UsageError(`--shard must be K/N with 1 <= K <= N, such as 3/7 (the third of seven shards), got "${flags.shard}"`);
    return { index, count };
  }
  if (!flags.shardFromEnv) return undefined;
  const from = SHARD_INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== "");
  if (!from)
    throw new UsageError(`--shard-from-env: none of ${SHARD_INDEX_VARIABLES.join(", ")} is set; run it as a task of a batch array, or give --shard K/N`);
  const system = systems[from];
  const raw = wholeNumber(env[from]);
  const min = system.min !== undefined && env[system.min] !== undefined ? wholeNumber(env[system.min]) : 0;
  if (raw === undefined || min === undefined || raw < min)
    throw new UsageError(
      `--shard-from-env: ${from}=${env[from]}${system.min && env[system.min] !== undefined ? ` (${system.min}=${env[system.min]})` : ""} is not a task index`,
    );
  const given =
    flags.shardCount !== undefined
      ? ["--shard-count", flags.shardCount]
      : env[SHARD_COUNT_VARIABLE]
        ? [SHARD_COUNT_VARIABLE, env[SHARD_COUNT_VARIABLE]]
        : undefined;
  const own = system.count !== undefined && env[system.count] ? [system.count, env[system.count]] : undefined;
  const [countFrom, countText] = given ?? own ?? [];
  if (countFrom === undefined)
    throw new UsageError(`--shard-from-env: how many shards? ${from} gives the index only: add --shard-count N, or set ${SHARD_COUNT_VARIABLE}=N`);
  const count = wholeNumber(countText);
  if (count === undefined || count < 1) throw new UsageError(`${countFrom} must be a whole number of at least 1, got "${countText}"`);
  if (given && own && wholeNumber(own[1]) !== count)
    throw new UsageError(`${countFrom} says ${count} shards but ${own[0]}=${own[1]}: the array and the shard count must agree`);
  const index = raw - min + 1;
  if (index > count)
    throw new UsageError(
      `--shard-from-env: ${from}=${env[from]} is shard ${index} of ${countFrom}=${count}; the array's indices must run over 0..${count - 1}` +
        (system.min ? ` (or any ${count} consecutive numbers)` : ""),
    );
  return { index, count, from };
}
