/**
 * The batch examples of docs/sharding work as printed:
 * - slurm.sh runs for real, with a stand-in `sbatch` that runs each array
 *   task with the variables Slurm sets (SLURM_ARRAY_TASK_ID, _MIN, _COUNT),
 *   all at once, then the job that depends on them: the merge succeeds;
 * - the Kubernetes and AWS Batch examples give each index of their array the
 *   variables those systems set, and `--shard-from-env` turns them into
 *   shards 1..N, each once; the job definition is valid JSON and the scripts
 *   are valid shell.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseShard } from "../../bin/commands/shardFlags.js";
import { ensureBuilt } from "../cli/builtCli.js";

const doc = (name: string) => readFileSync(join("docs/sharding", name), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "mf-sharding-docs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `sbatch` as far as slurm.sh uses it: array tasks (in parallel) and a dependent job, each run at submission. */
const FAKE_SBATCH = `#!/bin/bash
array=""; wrap=""
for a in "$@"; do case "$a" in --array=*) array="\${a#--array=}";; --wrap=*) wrap="\${a#--wrap=}";; esac; done
if [ -n "$array" ]; then
  min="\${array%-*}"; max="\${array#*-}"
  for ((i = min; i <= max; i++)); do
    SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_MIN=$min SLURM_ARRAY_TASK_COUNT=$((max - min + 1)) bash -c "$wrap" >"$LOGS/task-$i.log" 2>&1 &
  done
  status=0; for job in $(jobs -p); do wait "$job" || status=1; done
  [ "$status" = 0 ] || { cat "$LOGS"/task-*.log >&2; exit 1; }
else
  bash -c "$wrap" >"$LOGS/merge.log" 2>&1 || { cat "$LOGS/merge.log" >&2; exit 1; }
fi
echo 4242
`;

describe("docs/sharding/slurm.sh", () => {
  beforeAll(() => expect(ensureBuilt()).toBe(true), 120_000);

  it("runs the array's tasks as shards and merges them (a stand-in sbatch, 3 tasks, 2 scenarios of 4,100 paths)", () => {
    const bin = join(tmp, "bin");
    spawnSync("mkdir", ["-p", bin, join(tmp, "logs")]);
    writeFileSync(join(bin, "sbatch"), FAKE_SBATCH);
    chmodSync(join(bin, "sbatch"), 0o755);
    const run = join(tmp, "parts");
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      SHARDS: "3",
      PATHS: "4100",
      THREADS: "1",
      FILES: "test/fixtures/engine/features.json test/fixtures/engine/shock.json",
      RUN: run,
      LOGS: join(tmp, "logs"),
    };
    const r = spawnSync("bash", ["docs/sharding/slurm.sh"], { env, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    for (const i of [0, 1, 2])
      expect(JSON.parse(readFileSync(join(run, `shard-${i}`, "part.json"), "utf8")).shard).toEqual({ index: i + 1, count: 3, from: "SLURM_ARRAY_TASK_ID" });
    const results = JSON.parse(readFileSync(join(run, "results", "results.json"), "utf8"));
    expect(results.scenarios.map((s: { id: string; paths: number }) => [s.id, s.paths])).toEqual([
      ["features", 4100],
      ["shock", 4100],
    ]);
    for (const f of ["summary.csv", "targets.csv", "paths.csv"]) expect(existsSync(join(run, "results", f))).toBe(true);
  }, 300_000);
});

describe("the Kubernetes and AWS Batch examples", () => {
  const shardsOf = (envOf: (i: number) => NodeJS.ProcessEnv, n: number) => Array.from({ length: n }, (_, i) => parseShard({ shardFromEnv: true }, envOf(i)));

  it("Kubernetes: JOB_COMPLETION_INDEX over 0..completions-1 with MARKETFUTURES_SHARD_COUNT gives shards 1..7", () => {
    const job = doc("kubernetes-indexed-job.yaml");
    const completions = Number(/^ {2}completions: (\d+)$/m.exec(job)![1]);
    const count = /name: MARKETFUTURES_SHARD_COUNT\n\s+value: "(\d+)"/.exec(job)![1];
    expect(job).toMatch(/completionMode: Indexed/);
    expect(job).toMatch(/--shard-from-env/);
    expect(job).toMatch(/--out \/parts\/run-7\/shard-\$JOB_COMPLETION_INDEX/);
    const shards = shardsOf((i) => ({ JOB_COMPLETION_INDEX: String(i), MARKETFUTURES_SHARD_COUNT: count }), completions);
    expect(shards.map((s) => `${s!.index}/${s!.count}`)).toEqual(["1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7"]);
    expect(doc("kubernetes-merge-job.yaml")).toMatch(/marketfutures.js merge \/parts\/run-7\/shard-\* --out \/parts\/run-7\/results/);
  });

  it("AWS Batch: AWS_BATCH_JOB_ARRAY_INDEX and _SIZE of an array of SHARDS give shards 1..7; the merge depends on the array", () => {
    const script = doc("aws-batch.sh");
    const size = Number(/^SHARDS=(\d+)$/m.exec(script)![1]);
    expect(script).toMatch(/--array-properties "size=\$SHARDS"/);
    expect(script).toMatch(/--depends-on "jobId=\$shards"/);
    expect(script).toMatch(/--shard-from-env --quiet --out \/parts\/'"\$RUN"'\/shard-\$AWS_BATCH_JOB_ARRAY_INDEX/);
    const shards = shardsOf((i) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(i), AWS_BATCH_JOB_ARRAY_SIZE: String(size) }), size);
    expect(shards.map((s) => `${s!.index}/${s!.count}`)).toEqual(["1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7"]);
    const definition = JSON.parse(doc("aws-batch-job-definition.json"));
    expect(definition.containerProperties.mountPoints[0].containerPath).toBe("/parts");
  });

  it("the scripts are valid shell", () => {
    for (const [shell, file] of [
      ["sh", "aws-batch.sh"],
      ["bash", "slurm.sh"],
    ]) {
      const r = spawnSync(shell, ["-n", join("docs/sharding", file)], { encoding: "utf8" });
      expect(r.status, `${file}: ${r.stderr}`).toBe(0);
    }
  });
});
