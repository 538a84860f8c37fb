/**
 * A part: what `run --shard K/N` writes into its folder, and `merge` reads.
 *
 * - `part.json`, the manifest (readable, checked with zod): the format and
 *   its version, the package version, the shard K/N, seed, paths, chunk
 *   size, sampling, the SHA-256 of every scenario file, each scenario's
 *   chunk range, and the size and SHA-256 of the state file.
 * - `state.bin`, the mergeable summary state (engine/shard/shardState.ts) and
 *   the loaded scenarios, gzip-compressed Node structured-clone bytes
 *   (`v8.serialize`, whose format Node keeps readable by later versions);
 *   typed arrays are stored as raw doubles. Its SHA-256 is checked before it
 *   is decoded, and its shape with zod after.
 */
import * as z from "zod/mini";
import "../../scenarios/schema/zodSetup.js"; // English messages, no JIT

export const PART_FORMAT = "marketfutures-part" as const;
/** Raised when the format changes; a part of another format version is refused by name. */
export const PART_FORMAT_VERSION = 1 as const;
export const PART_MANIFEST = "part.json";
export const PART_STATE = "state.bin" as const;

const whole = z.int().check(z.gte(0));
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, "a SHA-256 in 64 hexadecimal digits"));
const range = z
  .object({ from: whole, to: whole, total: whole })
  .check(z.refine((r) => r.from <= r.to && r.to <= r.total, "a chunk range needs from <= to <= total"));

/** The manifest of a part (`part.json`): what the shard ran, and the size and SHA-256 of its state file. */
export interface PartManifest {
  /** always "marketfutures-part" */
  format: "marketfutures-part";
  /** the part format's version (1) */
  formatVersion: 1;
  package: "marketfutures";
  /** the package version that wrote it; merge refuses parts of another version */
  version: string;
  node: string;
  /** the command line of the shard */
  command: string;
  /** shard `index` (1-based) of `count`; `from`: the environment variable the index was read from */
  shard: { index: number; count: number; from?: string };
  /** as results.json's manifest: the seed (several joined by commas) and paths (the largest) */
  seed: string;
  paths: number;
  /** paths per chunk (2,048) */
  chunkSize: number;
  /** --sampling, when given */
  sampling?: "random" | "lhs";
  threads: number;
  wallSeconds: number;
  /** every scenario file read, with its SHA-256 */
  scenarioFiles: { file: string; sha256: string }[];
  /** each scenario of the run: its paths, seed and the shard's chunks `from` .. `to` - 1 of `total` */
  scenarios: { id: string; file: string; paths: number; seed: string; chunks: { from: number; to: number; total: number } }[];
  /** the state file (state.bin): its size in bytes and SHA-256 */
  state: { file: "state.bin"; bytes: number; sha256: string };
}

export const partManifestSchema: z.ZodMiniType<PartManifest> = z
  .object({
    format: z.literal(PART_FORMAT),
    formatVersion: z.literal(PART_FORMAT_VERSION),
    package: z.literal("marketfutures"),
    version: z.string(),
    node: z.string(),
    command: z.string(),
    shard: z
      .object({ index: whole.check(z.gte(1)), count: whole.check(z.gte(1)), from: z.optional(z.string()) })
      .check(z.refine((s) => s.index <= s.count, "shard index above count")),
    seed: z.string(),
    paths: whole,
    chunkSize: whole.check(z.gte(1)),
    sampling: z.optional(z.enum(["random", "lhs"])),
    threads: whole.check(z.gte(1)),
    wallSeconds: z.number().check(z.gte(0)),
    scenarioFiles: z.array(z.object({ file: z.string(), sha256 })),
    scenarios: z.array(z.object({ id: z.string(), file: z.string(), paths: whole.check(z.gte(1)), seed: z.string(), chunks: range })).check(z.minLength(1)),
    state: z.object({ file: z.literal(PART_STATE), bytes: whole, sha256 }),
  })
  .check(
    z.refine(
      (m) => m.scenarios.every((s) => s.chunks.total === Math.ceil(s.paths / m.chunkSize)),
      "each scenario's chunk total must be ceil(paths / chunkSize)",
    ),
  );

const f64 = z.instanceof(Float64Array);
const store = z.object({ offset: z.int(), counts: f64 });
const sketch = z.union([
  z.object({ kind: z.literal("linear"), n: whole, store }),
  z.object({ kind: z.literal("log"), n: whole, positive: store, negative: store, zeros: whole }),
]);

/** The shape of `state.bin` once decoded (the scenarios are checked by compiling them). */
export const partStateSchema = z.object({
  format: z.literal(PART_FORMAT),
  formatVersion: z.literal(PART_FORMAT_VERSION),
  scenarios: z.array(
    z.object({
      scenario: z.looseObject({ id: z.string() }),
      state: z.object({
        chunks: range,
        moments: f64,
        targetHits: f64,
        targetSketches: z.array(sketch),
        columnSketches: z.array(z.union([sketch, z.undefined()])),
        samplePaths: z.array(z.object({ path: whole, values: f64 })),
      }),
    }),
  ),
});
