/**
 * Merging the parts of a sharded run into the Results of one run on one
 * machine. Refuses, naming the parts, parts that are not of one run (other
 * scenario files, seed, paths, sampling, shard count or package version), a
 * missing or duplicated shard, and a part whose state does not fit its
 * scenarios (a corrupt part).
 */
import { isDeepStrictEqual } from "node:util";
import { UserError } from "../diagnostics.js";
import type { Results } from "../results/types.js";
import { manifestOf } from "../run/runScenarios.js";
import { MOMENT_FIELDS } from "../simulate/chunkRunner.js";
import { packageVersion } from "../version.js";
import type { PartSource } from "./partFiles.js";
import type { PartManifest } from "./partFormat.js";
import { shardChunks } from "./plan.js";
import { ShardMerger, type ShardScenarioState } from "./shardState.js";

/**
 * Merge the parts of one sharded run (in any order); the manifest's command is left for the caller.
 * Every manifest is checked first; then the states are read one part at a time, in shard order, so
 * that the merge holds one part's state and the accumulators, whatever the number of shards.
 */
export function mergeParts(parts: readonly PartSource[]): Results {
  if (parts.length === 0) throw new UserError("give the parts to merge (the folders that run --shard wrote)");
  const version = packageVersion();
  for (const p of parts)
    if (p.manifest.version !== version)
      throw new UserError(`part ${name(p)} was written by marketfutures ${p.manifest.version}; this is ${version}: run and merge with one version`);
  const first = parts[0];
  for (const p of parts.slice(1)) checkSameRun(first, p);
  const ordered = checkShards(parts);
  const mergers: ShardMerger[] = [];
  let reference: PartSource | undefined;
  for (const p of ordered) {
    const states = p.scenarios();
    states.forEach(({ scenario, state }, i) => {
      const m = p.manifest.scenarios[i];
      mergers[i] ??= new ShardMerger(scenario, m.paths);
      reference ??= p;
      if (!isDeepStrictEqual(scenario, mergers[i].scenario))
        throw new UserError(
          `parts ${name(reference)} and ${name(p)} loaded scenario ${m.id} differently from the same files; run every shard with one marketfutures installation`,
        );
      checkStateFits(p, state, m.id, mergers[i].columns, mergers[i].targets);
      mergers[i].add(state);
    });
  }
  const scenarios = first.manifest.scenarios.map((m, i) => mergers[i].result(m.file, m.seed));
  const manifest = manifestOf(
    [{ sources: first.manifest.scenarioFiles }],
    scenarios,
    Math.max(...parts.map((p) => p.manifest.threads)),
    parts.reduce((sum, p) => sum + p.manifest.wallSeconds, 0),
  );
  manifest.node = [...new Set(ordered.map((p) => p.manifest.node))].join(",");
  return { manifest, scenarios };
}

/** How a part is named in messages: its folder, or its shard. */
function name(p: PartSource): string {
  return p.dir ?? `shard ${p.manifest.shard.index}/${p.manifest.shard.count}`;
}

/** Refuse B unless it is a shard of the same run as A. */
function checkSameRun(a: PartSource, b: PartSource): void {
  const [ma, mb] = [a.manifest, b.manifest];
  const differ = (what: string, va: unknown, vb: unknown) =>
    new UserError(
      `parts ${name(a)} and ${name(b)} are not shards of one run: ${what} (${show(va)} in ${name(a)}, ${show(vb)} in ${name(b)}); merge only the parts of one run`,
    );
  if (ma.shard.count !== mb.shard.count) throw differ("they split the run into different numbers of shards", ma.shard.count, mb.shard.count);
  const files = (m: PartManifest) => m.scenarioFiles.map((f) => f.file);
  if (!isDeepStrictEqual(files(ma), files(mb))) throw differ("they ran different scenario files", files(ma).join(" "), files(mb).join(" "));
  ma.scenarioFiles.forEach((f, i) => {
    if (f.sha256 !== mb.scenarioFiles[i].sha256)
      throw differ(`the file ${f.file} had different contents (SHA-256)`, f.sha256.slice(0, 12), mb.scenarioFiles[i].sha256.slice(0, 12));
  });
  const ids = (m: PartManifest) => m.scenarios.map((s) => `${s.id} (${s.file})`).join(", ");
  if (ids(ma) !== ids(mb)) throw differ("they ran different scenarios", ids(ma), ids(mb));
  ma.scenarios.forEach((s, i) => {
    const t = mb.scenarios[i];
    if (s.seed !== t.seed) throw differ(`scenario ${s.id} ran with different seeds`, s.seed, t.seed);
    if (s.paths !== t.paths) throw differ(`scenario ${s.id} ran with different numbers of paths`, s.paths, t.paths);
  });
  if (ma.chunkSize !== mb.chunkSize) throw differ("they cut paths into chunks of different sizes", ma.chunkSize, mb.chunkSize);
  if (ma.sampling !== mb.sampling) throw differ("they ran with different --sampling", ma.sampling ?? "the scenario's", mb.sampling ?? "the scenario's");
}

function show(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** The parts in shard order, after refusing a duplicated or missing shard and a part whose chunks are not its shard's. */
function checkShards(parts: readonly PartSource[]): PartSource[] {
  const count = parts[0].manifest.shard.count;
  const byIndex = new Map<number, PartSource>();
  for (const p of parts) {
    const { index } = p.manifest.shard;
    const other = byIndex.get(index);
    if (other) throw new UserError(`parts ${name(other)} and ${name(p)} are both shard ${index}/${count}: give each shard once`);
    byIndex.set(index, p);
    for (const s of p.manifest.scenarios) {
      const want = shardChunks(s.chunks.total, p.manifest.shard);
      if (s.chunks.from !== want.from || s.chunks.to !== want.to)
        throw new UserError(
          `part ${name(p)} is corrupt: as shard ${index}/${count} of scenario ${s.id} it should hold chunks ${want.from} to ${want.to} (exclusive), not ${s.chunks.from} to ${s.chunks.to}`,
        );
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0)
    throw new UserError(
      `${missing.length === 1 ? "shard" : "shards"} ${missing.map((k) => `${k}/${count}`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing: ` +
        `${parts.length} of ${count} parts given; run ${missing.length === 1 ? "it" : "them"} (run --shard K/N, or array index K - 1) and merge every part`,
    );
  return Array.from({ length: count }, (_, i) => byIndex.get(i + 1)!);
}

/** Refuse a part whose state of a scenario does not have the sizes of its C output columns and T targets (a corrupt part). */
function checkStateFits(p: PartSource, state: ShardScenarioState, id: string, C: number, T: number): void {
  const chunks = state.chunks.to - state.chunks.from;
  const ok =
    state.moments.length === chunks * C * MOMENT_FIELDS &&
    state.targetHits.length === T &&
    state.targetSketches.length === (chunks > 0 ? T : 0) &&
    state.columnSketches.length === C &&
    state.samplePaths.every((s) => s.values.length === C);
  if (!ok) throw new UserError(`part ${name(p)} is corrupt: its summaries of scenario ${id} do not fit the scenario; run its shard again`);
}
