/**
 * run's shard options: --shard K/N, and --shard-from-env with the index
 * variables of Kubernetes, AWS Batch and Slurm; every mistake a usage error
 * (exit 2) that says what to do.
 */
import { describe, expect, it } from "vitest";
import { parseShard } from "../../bin/commands/shardFlags.js";
import { UsageError } from "../../engine/diagnostics.js";

const usage = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error("no usage error");
};

describe("--shard K/N", () => {
  it("reads K/N (1-based), and nothing for a whole run", () => {
    expect(parseShard({ shard: "3/7" }, {})).toEqual({ index: 3, count: 7 });
    expect(parseShard({ shard: "1/1" }, {})).toEqual({ index: 1, count: 1 });
    expect(parseShard({}, { JOB_COMPLETION_INDEX: "2" })).toBeUndefined();
  });

  it("refuses K outside 1..N and other text", () => {
    for (const bad of ["0/7", "8/7", "3", "3/0", "a/b", "3/7/1", "-1/7"]) expect(usage(() => parseShard({ shard: bad }, {}))).toMatch(/K\/N with 1 <= K <= N/);
  });

  it("refuses --shard with --shard-from-env, and --shard-count without it", () => {
    expect(usage(() => parseShard({ shard: "1/2", shardFromEnv: true }, {}))).toMatch(/not both/);
    expect(usage(() => parseShard({ shard: "1/2", shardCount: "2" }, {}))).toMatch(/--shard-count goes with --shard-from-env/);
  });
});

describe("--shard-from-env", () => {
  it("Kubernetes: JOB_COMPLETION_INDEX (0-based) with --shard-count or MARKETFUTURES_SHARD_COUNT", () => {
    expect(parseShard({ shardFromEnv: true, shardCount: "7" }, { JOB_COMPLETION_INDEX: "0" })).toEqual({ index: 1, count: 7, from: "JOB_COMPLETION_INDEX" });
    expect(parseShard({ shardFromEnv: true }, { JOB_COMPLETION_INDEX: "6", MARKETFUTURES_SHARD_COUNT: "7" })).toEqual({
      index: 7,
      count: 7,
      from: "JOB_COMPLETION_INDEX",
    });
    expect(usage(() => parseShard({ shardFromEnv: true }, { JOB_COMPLETION_INDEX: "6" }))).toMatch(/add --shard-count N, or set MARKETFUTURES_SHARD_COUNT=N/);
    expect(usage(() => parseShard({ shardFromEnv: true, shardCount: "7" }, { JOB_COMPLETION_INDEX: "7" }))).toMatch(
      /JOB_COMPLETION_INDEX=7 is shard 8 of --shard-count=7; the array's indices must run over 0..6/,
    );
  });

  it("AWS Batch: AWS_BATCH_JOB_ARRAY_INDEX with AWS_BATCH_JOB_ARRAY_SIZE, which --shard-count must agree with", () => {
    const env = { AWS_BATCH_JOB_ARRAY_INDEX: "3", AWS_BATCH_JOB_ARRAY_SIZE: "5" };
    expect(parseShard({ shardFromEnv: true }, env)).toEqual({ index: 4, count: 5, from: "AWS_BATCH_JOB_ARRAY_INDEX" });
    expect(parseShard({ shardFromEnv: true, shardCount: "5" }, env)).toEqual({ index: 4, count: 5, from: "AWS_BATCH_JOB_ARRAY_INDEX" });
    expect(usage(() => parseShard({ shardFromEnv: true, shardCount: "6" }, env))).toMatch(/--shard-count says 6 shards but AWS_BATCH_JOB_ARRAY_SIZE=5/);
  });

  it("Slurm: SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT", () => {
    expect(parseShard({ shardFromEnv: true }, { SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_COUNT: "7" })).toEqual({
      index: 1,
      count: 7,
      from: "SLURM_ARRAY_TASK_ID",
    });
    // --array=1-7: task 7 is the seventh shard
    expect(parseShard({ shardFromEnv: true }, { SLURM_ARRAY_TASK_ID: "7", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: "7" })).toEqual({
      index: 7,
      count: 7,
      from: "SLURM_ARRAY_TASK_ID",
    });
    expect(usage(() => parseShard({ shardFromEnv: true }, { SLURM_ARRAY_TASK_ID: "x", SLURM_ARRAY_TASK_COUNT: "7" }))).toMatch(
      /SLURM_ARRAY_TASK_ID=x is not a task index/,
    );
  });

  it("names the variables when none is set; the first set one wins", () => {
    expect(usage(() => parseShard({ shardFromEnv: true, shardCount: "2" }, {}))).toMatch(
      /none of JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, SLURM_ARRAY_TASK_ID is set/,
    );
    expect(parseShard({ shardFromEnv: true, shardCount: "4" }, { JOB_COMPLETION_INDEX: "1", SLURM_ARRAY_TASK_ID: "3" })).toMatchObject({
      index: 2,
      from: "JOB_COMPLETION_INDEX",
    });
    expect(usage(() => parseShard({ shardFromEnv: true, shardCount: "0" }, { JOB_COMPLETION_INDEX: "0" }))).toMatch(
      /--shard-count must be a whole number of at least 1/,
    );
  });
});
