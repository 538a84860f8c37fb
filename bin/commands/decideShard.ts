/**
 * `decide --shard K/N --out DIR`: run the K-th of every N units (one lever
 * setting in one scenario) and write them as a part (engine/decide/decidePart.ts);
 * and `merge PART... --out DIR` of such parts: the decision of one run,
 * byte for byte (decision.json, decision.csv, the figures), for any N.
 */
import { join } from "node:path";
import { UserError, UsageError } from "../../engine/diagnostics.js";
import type { DecideRequest, DecidePartManifest } from "../../engine/decide/decidePart.js";
import type { DecisionPlan } from "../../engine/decide/decide.js";
import type { DecisionUnit } from "../../engine/decide/units.js";
import { formatCount } from "../../engine/format/count.js";
import type { Scenario } from "../../engine/model/types.js";
import type { ShardSpec } from "../../engine/shard/plan.js";
import { packageVersion } from "../../engine/version.js";
import { checkAnalysisOut, writeAnalysisOut, type AnalysisOptions } from "./analysisCommon.js";
import { publishDecision, withDecisionEngine } from "./decidePublish.js";

/** Runs shard `shard`'s units of the plan and writes its part into options.out. */
export async function runDecideShard(
  plan: DecisionPlan,
  request: DecideRequest,
  shard: ShardSpec & { from?: string },
  options: AnalysisOptions & { out: string },
  inputs: readonly string[],
): Promise<void> {
  const { DECIDE_PART_MANIFEST, decidePartFiles, readDecideManifest, shardUnits } = await import("../../engine/decide/decidePart.js");
  const { planUnits, unitWork, memoParser } = await import("../../engine/decide/plan.js");
  const { runUnit } = await import("../../engine/decide/units.js");
  // two shards given the same --out would leave one part where the merge needs two
  const { existsSync } = await import("node:fs");
  if (existsSync(join(options.out, DECIDE_PART_MANIFEST)) && !options.force) {
    const other = readDecideManifest(options.out).shard;
    if (other.index !== shard.index || other.count !== shard.count)
      throw new UserError(
        `${options.out} holds the part of shard ${other.index}/${other.count}; give each shard its own --out (e.g. --out parts/shard-${shard.index}), or --force to replace it`,
      );
  }
  const all = planUnits(plan);
  const mine = shardUnits(all, shard);
  const parse = memoParser();
  const started = performance.now();
  const units: DecisionUnit[] = await withDecisionEngine(options.threads, options.quiet, async (executor, onProgress) => {
    const done: DecisionUnit[] = [];
    const total = mine.reduce((a, u) => a + plan.paths[u.scenario], 0);
    let paths = 0;
    for (const u of mine) {
      const id = plan.scenarios[u.scenario].id;
      done.push(
        await runUnit(executor, unitWork(plan, u.scenario, u.setting, parse), (n) =>
          onProgress?.({ scenario: id, index: u.scenario, count: plan.scenarios.length, done: (paths += n), total }),
        ),
      );
    }
    return done;
  });
  const command = ["marketfutures", ...process.argv.slice(2)].join(" ");
  const files = decidePartFiles(
    { version: packageVersion(), command, shard: { index: shard.index, count: shard.count }, request },
    units,
    plan.outcomes.length,
  );
  const written = await writeAnalysisOut(options.out, files, "decide --shard", options, inputs);
  const from = shard.from ? ` (from ${shard.from})` : "";
  process.stdout.write(
    `shard ${shard.index}/${shard.count}${from}: ${formatCount(mine.length)} of ${formatCount(all.length)} units (settings x scenarios), ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s\nwrote ${written.join(", ")}\n`,
  );
}

/** `merge` of decide parts: every shard once, of one request, into the decision of one run. */
export async function mergeDecideParts(parts: readonly string[], options: { out: string; force: boolean; png: boolean }): Promise<void> {
  const { readDecideManifest, readDecideUnits, DECIDE_PART_MANIFEST, DECIDE_PART_VALUES } = await import("../../engine/decide/decidePart.js");
  const manifests = parts.map(readDecideManifest);
  checkParts(parts, manifests);
  const { request } = manifests[0];
  const inputs = [...request.sources.map((s) => s.file), ...parts.flatMap((p) => [join(p, DECIDE_PART_MANIFEST), join(p, DECIDE_PART_VALUES)])];
  await checkAnalysisOut(options, inputs, "decide"); // a folder the user owns is refused before the merge
  // the scenario files must be those the shards ran
  const { sha256 } = await import("../../engine/run/runScenarios.js");
  const { readRegularBytesSync } = await import("../../engine/io/readRegularFile.js");
  const { MAX_SCENARIO_BYTES } = await import("../../engine/limits.js");
  for (const { file, sha256: expected } of request.sources) {
    const read = readRegularBytesSync(file, MAX_SCENARIO_BYTES);
    if (!("bytes" in read) || sha256(read.bytes) !== expected)
      throw new UserError(
        `${file} is not the file the shards ran (${"bytes" in read ? "its SHA-256 differs" : "it cannot be read"}); merge in the folder the shards ran in, with the same files`,
      );
  }
  const { loadScenario } = await import("../../engine/load/index.js");
  const scenarios: Scenario[] = [];
  for (const f of request.files) scenarios.push((await loadScenario(f)).scenario);
  const plan = await replan(scenarios, request);
  const { planUnits, decisionResult } = await import("../../engine/decide/decide.js");
  const { summariseScenario } = await import("../../engine/decide/scenarioSummary.js");
  const expected = planUnits(plan).length;
  const given = manifests.reduce((a, m) => a + m.units.length, 0);
  if (given !== expected) throw new UserError(`the parts hold ${given} units where the decision has ${expected}; run every shard of it again`);
  // one scenario's units at a time, as decide holds them
  const summaries = plan.scenarios.map((_, k) =>
    summariseScenario(
      k,
      plan.settings.length,
      plan.measures,
      parts.flatMap((p, i) => readDecideUnits(p, manifests[i], k)),
    ),
  );
  process.stdout.write(`merged ${parts.length} parts of decide\n`);
  await publishDecision(decisionResult(plan, summaries), { out: options.out, force: options.force, png: options.png, json: false }, inputs);
}

/** Every part of one decision, each shard once; UserError naming the parts otherwise. */
function checkParts(parts: readonly string[], manifests: readonly DecidePartManifest[]): void {
  const first = manifests[0];
  const request = JSON.stringify(first.request);
  manifests.forEach((m, i) => {
    if (m.version !== first.version)
      throw new UserError(`${parts[i]} was written by marketfutures ${m.version} and ${parts[0]} by ${first.version}; run every shard with one version`);
    if (JSON.stringify(m.request) !== request)
      throw new UserError(
        `${parts[i]} and ${parts[0]} are parts of different decisions (scenario files, outcomes, thresholds, weights, design, paths or seeds differ); merge the parts of one decide command`,
      );
    if (m.shard.count !== first.shard.count)
      throw new UserError(
        `${parts[i]} is shard ${m.shard.index}/${m.shard.count} and ${parts[0]} shard ${first.shard.index}/${first.shard.count}; give the parts of one split`,
      );
  });
  const seen = new Map<number, string>();
  manifests.forEach((m, i) => {
    const twice = seen.get(m.shard.index);
    if (twice !== undefined) throw new UserError(`${twice} and ${parts[i]} are both shard ${m.shard.index}/${m.shard.count}; give each shard once`);
    seen.set(m.shard.index, parts[i]);
  });
  const missing = Array.from({ length: first.shard.count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new UserError(`shard${missing.length > 1 ? "s" : ""} ${missing.map((k) => `${k}/${first.shard.count}`).join(", ")} missing; give every part`);
}

/** The plan of the decision the parts come from, made again from the scenarios and the request. */
async function replan(scenarios: Scenario[], request: DecideRequest): Promise<DecisionPlan> {
  const { parseOutcome, parseThreshold } = await import("../../engine/decide/outcomes.js");
  const { parseWeights } = await import("../../engine/analysis/blend.js");
  const { planDecision } = await import("../../engine/decide/decide.js");
  if (request.design !== "grid" && request.design !== "lhs") throw new UsageError(`a part's design is "${String(request.design)}"`);
  return planDecision(scenarios, {
    outcomes: request.outcomes.map(parseOutcome),
    thresholds: request.thresholds.map(parseThreshold),
    design: request.design === "grid" ? { kind: "grid", gridPoints: request.gridPoints } : { kind: "lhs", samples: request.samples, seed: request.seeds[0] },
    ...(request.weights !== null ? { weights: parseWeights(request.weights, scenarios.length) } : {}),
    paths: request.paths,
    seeds: request.seeds,
  });
}
