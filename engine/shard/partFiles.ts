/**
 * Parts to bytes and back (the format: engine/shard/partFormat.ts). Reading
 * refuses, naming the part, anything that is not a whole part of this
 * format: a missing file, JSON that does not parse or fit (file:line:column),
 * a state whose size or SHA-256 differs from the manifest's (a truncated or
 * altered copy), a state that does not decode or fit.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";
import { parseTree, getNodeValue, type ParseError } from "jsonc-parser";
import { formatPath, UserError } from "../diagnostics.js";
import { lineColumn, nodeForPath } from "../load/position.js";
import type { Path } from "../load/types.js";
import type { Scenario } from "../model/types.js";
import type { OutputFile } from "../run/outputs/writeOutputs.js";
import { PART_FORMAT, PART_FORMAT_VERSION, PART_MANIFEST, PART_STATE, partManifestSchema, partStateSchema, type PartManifest } from "./partFormat.js";
import type { ShardScenarioState } from "./shardState.js";

/** A part in memory: its manifest and, per scenario of the run, the scenario and its summary state over the shard's chunks. */
export interface Part {
  manifest: PartManifest;
  scenarios: { scenario: Scenario; state: ShardScenarioState }[];
  /** the folder it was read from (for messages); absent for a part made in this process */
  dir?: string;
}

/** The files of parts made in this process (encoded once, when the part is made). */
const encoded = new WeakMap<Part, OutputFile[]>();

/** A part from its manifest (without the state's hash) and states, encoded now: its manifest holds the state file's size and SHA-256. */
export function encodedPart(manifest: Omit<PartManifest, "state">, scenarios: Part["scenarios"]): Part {
  const state = gzipSync(serialize({ format: PART_FORMAT, formatVersion: PART_FORMAT_VERSION, scenarios }));
  const full: PartManifest = { ...manifest, state: { file: PART_STATE, bytes: state.length, sha256: sha256Hex(state) } };
  const part: Part = { manifest: full, scenarios };
  encoded.set(part, [
    { name: PART_STATE, data: state },
    { name: PART_MANIFEST, data: JSON.stringify(full, null, 2) + "\n" },
  ]);
  return part;
}

/** The files of a part: state.bin, then part.json (which holds state.bin's hash). */
export function partOutputFiles(part: Part): OutputFile[] {
  return encoded.get(part) ?? encoded.get(encodedPart(part.manifest, part.scenarios))!;
}

/** A part whose state is read when needed (so that a merge holds one part's state at a time). */
export interface PartSource {
  manifest: PartManifest;
  /** the folder it is read from (for messages); absent for a part made in this process */
  dir?: string;
  /** its scenarios and states, read and checked (SHA-256, shape) on each call */
  scenarios(): Part["scenarios"];
}

/** A part in memory as a PartSource. */
export function partSource(part: Part): PartSource {
  return { manifest: part.manifest, ...(part.dir !== undefined ? { dir: part.dir } : {}), scenarios: () => part.scenarios };
}

/** Read the part in folder `where` (or whose part.json `where` names); UserError naming it when it is not a whole part. */
export function readPart(where: string): Part {
  const source = openPart(where);
  return { manifest: source.manifest, scenarios: source.scenarios(), dir: source.dir! };
}

/**
 * Open the part in folder `where` (or whose part.json `where` names): its manifest is read and checked
 * now, with the size of its state file; the state's SHA-256 and shape when it is read.
 */
export function openPart(where: string): PartSource {
  const dir = where.endsWith(PART_MANIFEST) && existsSync(where) && statSync(where).isFile() ? where.slice(0, -PART_MANIFEST.length - 1) || "." : where;
  const manifestFile = join(dir, PART_MANIFEST);
  if (!existsSync(dir)) throw new UserError(`part ${where}: no such folder; give the folders that run --shard wrote (its --out)`);
  if (!existsSync(manifestFile))
    throw new UserError(`part ${where}: ${manifestFile} is missing; a part is a folder written by run --shard K/N (part.json and state.bin)`);
  const manifest = readManifest(manifestFile);
  const stateFile = join(dir, PART_STATE);
  const corrupt = (what: string) =>
    new UserError(`part ${dir} is corrupt: ${what}; run its shard (${manifest.shard.index}/${manifest.shard.count}) again, or copy the folder again`);
  if (!existsSync(stateFile)) throw corrupt(`${stateFile} is missing`);
  const size = statSync(stateFile).size;
  if (size !== manifest.state.bytes) throw corrupt(`${stateFile} has ${size} bytes, part.json says ${manifest.state.bytes} (a truncated copy?)`);
  return { manifest, dir, scenarios: () => readState(stateFile, manifest, corrupt) };
}

/** state.bin, checked against its manifest: size, SHA-256, decoding, shape, scenarios and chunk ranges. */
function readState(stateFile: string, manifest: PartManifest, corrupt: (what: string) => UserError): Part["scenarios"] {
  const bytes = readFileSync(stateFile);
  if (bytes.length !== manifest.state.bytes)
    throw corrupt(`${stateFile} has ${bytes.length} bytes, part.json says ${manifest.state.bytes} (a truncated copy?)`);
  if (sha256Hex(bytes) !== manifest.state.sha256)
    throw corrupt(`the SHA-256 of ${stateFile} differs from the one in part.json (the file was changed or damaged)`);
  let decoded: unknown;
  try {
    decoded = deserialize(gunzipSync(bytes));
  } catch (err) {
    throw corrupt(`${stateFile} does not decode (${(err as Error).message})`);
  }
  const parsed = partStateSchema.safeParse(decoded);
  if (!parsed.success)
    throw corrupt(`${stateFile} does not hold a part's state (${formatPath(parsed.error.issues[0].path as Path)}: ${parsed.error.issues[0].message})`);
  const scenarios = parsed.data.scenarios as unknown as Part["scenarios"];
  if (scenarios.length !== manifest.scenarios.length)
    throw corrupt(`${stateFile} holds ${scenarios.length} scenarios, part.json lists ${manifest.scenarios.length}`);
  scenarios.forEach(({ scenario, state }, i) => {
    const m = manifest.scenarios[i];
    const r = state.chunks;
    if (scenario.id !== m.id || r.from !== m.chunks.from || r.to !== m.chunks.to || r.total !== m.chunks.total)
      throw corrupt(`${stateFile} does not match part.json for scenario ${m.id}`);
  });
  return scenarios;
}

/** part.json, parsed and checked; a UserError with file:line:column for what does not fit. */
function readManifest(file: string): PartManifest {
  const text = readFileSync(file, "utf8");
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const place = (offset: number) => lineColumn(text, offset);
  if (errors.length > 0 || !tree) {
    const at = place(errors[0]?.offset ?? 0);
    throw new UserError("", [
      {
        severity: "error",
        file,
        ...at,
        path: "",
        message: "part.json is not valid JSON (the part is corrupt)",
        hint: "run this shard again, or copy its folder again",
      },
    ]);
  }
  const value: unknown = getNodeValue(tree);
  const v = value as { format?: unknown; formatVersion?: unknown };
  if (v?.format === PART_FORMAT && typeof v.formatVersion === "number" && v.formatVersion !== PART_FORMAT_VERSION)
    throw new UserError(
      `part ${file} is in part format ${v.formatVersion}; this marketfutures reads format ${PART_FORMAT_VERSION}: merge with the marketfutures version that wrote it`,
    );
  const parsed = partManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path as Path;
    const node = nodeForPath(tree, path);
    throw new UserError("", [
      {
        severity: "error",
        file,
        ...(node ? place(node.offset) : { line: 0, column: 0 }),
        path: formatPath(path),
        message: v?.format === PART_FORMAT ? `${issue.message} (the part is corrupt)` : `not a part's manifest: ${issue.message}`,
        hint: "a part is the folder written by run --shard K/N; run that shard again if it was damaged",
      },
    ]);
  }
  return parsed.data;
}

/** The SHA-256 of bytes, in hexadecimal. */
function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
