/**
 * A part of a sharded decision (`decide --shard K/N`): the units (one lever
 * setting in one scenario: units.ts) whose position in the plan's list
 * (planUnits) is K - 1 modulo N, with every path's outcome values. A unit's
 * values do not depend on where it ran (each setting runs on its scenario's
 * own streams), so the parts of all N shards, merged, give the decision of
 * one run bit for bit (`marketfutures merge`).
 *
 * On disk: `decide-part.json`, the manifest (what every shard must share:
 * the scenario files and their SHA-256, outcomes, thresholds, weights,
 * design, paths, seeds; the shard; the units in order), and `units.bin`,
 * each unit's values for each outcome as little-endian doubles in that
 * order (exact, and a third of their JSON text), its size and SHA-256 in
 * the manifest.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { UserError } from "../diagnostics.js";
import { readFailureText, readRegularBytesSync, readRegularFileSync } from "../io/readRegularFile.js";
import type { ShardSpec } from "../shard/plan.js";
import type { DecisionUnit } from "./units.js";

export const DECIDE_PART_MANIFEST = "decide-part.json";
export const DECIDE_PART_VALUES = "units.bin";
export const DECIDE_PART_FORMAT = "marketfutures-decide-part";
/** The largest manifest read: far above any real one (it lists the units, a few hundred bytes each). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** What every shard of one decision must share; a merge refuses parts whose requests differ. */
export interface DecideRequest {
  /** scenario files as given (relative to the working directory) */
  files: string[];
  /** every file read (the scenarios and the files they extend), with its SHA-256 */
  sources: { file: string; sha256: string }[];
  outcomes: string[];
  thresholds: string[];
  weights: string | null;
  design: "grid" | "lhs";
  samples: number;
  gridPoints: number;
  /** per scenario, in file order */
  paths: number[];
  seeds: string[];
}

export interface DecidePartManifest {
  format: typeof DECIDE_PART_FORMAT;
  formatVersion: 1;
  /** marketfutures version that wrote it */
  version: string;
  /** the command that ran the shard */
  command: string;
  shard: ShardSpec;
  request: DecideRequest;
  /** the units in this part, in the order of their values in units.bin */
  units: { scenario: number; scenarioId: string; setting: number; seed: string; paths: number }[];
  /** outcome values per path of each unit */
  outcomes: number;
  values: { bytes: number; sha256: string };
}

/** The units of the plan's list that shard `shard` runs: positions K - 1, K - 1 + N, ... */
export function shardUnits<T>(all: readonly T[], shard: ShardSpec): T[] {
  return all.filter((_, i) => i % shard.count === shard.index - 1);
}

/** The two files of a part. */
export function decidePartFiles(
  head: Omit<DecidePartManifest, "format" | "formatVersion" | "units" | "outcomes" | "values">,
  units: readonly DecisionUnit[],
  outcomes: number,
): { name: string; data: string | Uint8Array }[] {
  const count = units.reduce((a, u) => a + u.paths * outcomes, 0);
  const bytes = new Uint8Array(count * 8);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const u of units) for (const v of u.values) for (let p = 0; p < u.paths; p++, at += 8) view.setFloat64(at, v[p], true);
  const manifest: DecidePartManifest = {
    format: DECIDE_PART_FORMAT,
    formatVersion: 1,
    ...head,
    units: units.map((u) => ({ scenario: u.scenario, scenarioId: u.scenarioId, setting: u.setting, seed: u.seed, paths: u.paths })),
    outcomes,
    values: { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") },
  };
  return [
    { name: DECIDE_PART_MANIFEST, data: JSON.stringify(manifest, null, 2) + "\n" },
    { name: DECIDE_PART_VALUES, data: bytes },
  ];
}

/** Whether folder `dir` holds a decide part (its manifest), rather than a run's part. */
export function isDecidePart(dir: string): boolean {
  return "text" in readRegularFileSync(join(dir, DECIDE_PART_MANIFEST), MAX_MANIFEST_BYTES);
}

/** A part's manifest, checked for its shape; UserError naming the part. */
export function readDecideManifest(dir: string): DecidePartManifest {
  const file = join(dir, DECIDE_PART_MANIFEST);
  const read = readRegularFileSync(file, MAX_MANIFEST_BYTES);
  if (!("text" in read)) throw new UserError(`${file}: ${readFailureText(read.failure, "decide part")}; give the folders that decide --shard wrote`);
  let m: Partial<DecidePartManifest>;
  try {
    m = JSON.parse(read.text) as Partial<DecidePartManifest>;
  } catch (err) {
    throw new UserError(`${file}: not readable JSON (${(err as Error).message}); the part is damaged: run its shard again`);
  }
  const ok =
    m?.format === DECIDE_PART_FORMAT &&
    m.formatVersion === 1 &&
    typeof m.version === "string" &&
    typeof m.shard?.index === "number" &&
    typeof m.shard?.count === "number" &&
    typeof m.request === "object" &&
    m.request !== null &&
    Array.isArray(m.units) &&
    typeof m.outcomes === "number" &&
    typeof m.values?.bytes === "number" &&
    typeof m.values?.sha256 === "string";
  if (!ok) throw new UserError(`${file}: not a part of marketfutures decide --shard (format ${DECIDE_PART_FORMAT} version 1); run its shard again`);
  return m as DecidePartManifest;
}

/**
 * A part's units of scenario `scenario` with their values, checked against the manifest's size and SHA-256;
 * UserError naming the part. One scenario at a time, as `decide` holds them: a merge's memory is that of one run.
 */
export function readDecideUnits(dir: string, m: DecidePartManifest, scenario: number): DecisionUnit[] {
  const file = join(dir, DECIDE_PART_VALUES);
  const read = readRegularBytesSync(file, m.values.bytes + 1);
  if (!("bytes" in read))
    throw new UserError(`${file}: ${readFailureText(read.failure, "decide part's values")}; run shard ${m.shard.index}/${m.shard.count} again`);
  const bytes = read.bytes;
  const expected = m.units.reduce((a, u) => a + u.paths * m.outcomes * 8, 0);
  if (bytes.length !== m.values.bytes || bytes.length !== expected || createHash("sha256").update(bytes).digest("hex") !== m.values.sha256)
    throw new UserError(
      `${file}: its size or SHA-256 is not the one ${DECIDE_PART_MANIFEST} records: the part is damaged; run shard ${m.shard.index}/${m.shard.count} again`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const units: DecisionUnit[] = [];
  for (const u of m.units) {
    if (u.scenario !== scenario) {
      at += u.paths * m.outcomes * 8;
      continue;
    }
    const values = Array.from({ length: m.outcomes }, () => {
      const v = new Float64Array(u.paths);
      for (let p = 0; p < u.paths; p++, at += 8) v[p] = view.getFloat64(at, true);
      return v;
    });
    units.push({ ...u, values });
  }
  return units;
}
