/**
 * track() gives the numbers of `marketfutures track` for the same options
 * (the built CLI's observations.csv, weights.csv and conditioned summary,
 * byte for byte), from files and from scenario documents; shippedObservations
 * names the shipped files; bad options are UsageErrors, bad observation files
 * UserErrors with every problem at its line and column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackOutputFiles } from "../../engine/run/outputs/trackOutputs.js";
import { loadScenario, shippedObservations, shippedScenario, track, UsageError, UserError } from "../../api/index.js";
import { ensureBuilt, runCli } from "../cli/builtCli.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-api-track-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FILES = ["scenarios/hyperscaler-hegemony.json", "scenarios/paradigm-shift.json"];
const OBSERVED = "scenarios/observations/worldwide-shares.csv";

describe("track", () => {
  beforeAll(() => {
    expect(ensureBuilt()).toBe(true);
  }, 180_000);

  it("gives the CLI's numbers for the same options, from files and from scenario documents", async () => {
    const out = join(tmp, "cli");
    const cli = runCli(
      "track",
      ...FILES,
      "--observed",
      OBSERVED,
      "--prior",
      "0.7,0.3",
      "--paths",
      "4000",
      "--seed",
      "t3",
      "--threads",
      "1",
      "--quiet",
      "--out",
      out,
    );
    expect(cli.code, cli.stderr).toBe(0);
    const fromFiles = await track(FILES, { observed: OBSERVED, prior: [0.7, 0.3], paths: 4000, seed: "t3", threads: 1 });
    const files = Object.fromEntries(trackOutputFiles(fromFiles).map((f) => [f.name, f.data]));
    for (const name of ["observations.csv", "weights.csv", "summary.csv", "conditioned-summary.csv", "conditioned-targets.csv"])
      expect(files[name] === readFileSync(join(out, name), "utf8"), name).toBe(true);
    expect(fromFiles.priorGiven).toBe(true);
    expect(fromFiles.priorWeights).toEqual([0.7, 0.3]);
    expect(fromFiles.manifest.command).toBe(
      'track(["scenarios/hyperscaler-hegemony.json","scenarios/paradigm-shift.json"], { observed: ["scenarios/observations/worldwide-shares.csv"], prior: [0.7,0.3], paths: 4000, seed: "t3", threads: 1 }) (marketfutures library)',
    );
    expect(Array.isArray(fromFiles.warnings)).toBe(true);
    // the same scenarios as objects, their "extends" found in scenarios/
    const docs = FILES.map((f) => JSON.parse(readFileSync(f, "utf8")) as Record<string, unknown>);
    const loaded = await Promise.all(docs.map((d) => loadScenario(d, { dir: "scenarios" })));
    const fromObjects = await track(loaded, { observed: pathToFileURL(OBSERVED), prior: [0.7, 0.3], paths: 4000, seed: "t3", threads: 1 });
    expect(fromObjects.posteriorWeights).toEqual(fromFiles.posteriorWeights);
    expect(fromObjects.scenarios).toEqual(fromFiles.scenarios);
  }, 300_000);

  it("names the shipped observation files", () => {
    expect(shippedObservations("worldwide-shares")).toBe(join(process.cwd(), OBSERVED));
    expect(shippedScenario("paradigm-shift")).toBe(join(process.cwd(), "scenarios/paradigm-shift.json"));
    expect(() => shippedObservations("../secret")).toThrow(UsageError);
  });

  it("refuses bad options with a UsageError naming the option, and bad observations with a UserError at file:line:col", async () => {
    const one = FILES[1];
    await expect(track(one, { observed: [] })).rejects.toThrow(/track: observed must name at least one observation file/);
    await expect(track(one, { observed: OBSERVED, prior: [0.5, 0.5] })).rejects.toThrow(/track: prior must give one weight per scenario \(1\)/);
    await expect(track(FILES, { observed: OBSERVED, prior: [1, -1] })).rejects.toThrow(/weight 2 is -1/);
    await expect(track(FILES, { observed: OBSERVED, prior: [0, 0] })).rejects.toThrow(/at least one prior weight must be above 0/);
    await expect(track(one, { observed: OBSERVED, quarterGap: { shares: 1 } as never })).rejects.toThrow(/quarterGap's measures are share, growth and size/);
    await expect(track(one, { observed: OBSERVED, paths: 0 })).rejects.toThrow(/track: paths must be a whole number of at least 1/);
    const bad = join(tmp, "bad.csv");
    writeFileSync(
      bad,
      "period,view,entity,measure,value,unit,rounding,error,definition,entity_match,source,note\n2026Q1,global,aws,share,x,%,0.5,,cloud_infrastructure_services,same,,\n",
    );
    const err = await track(one, { observed: bad, paths: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const diagnostics = (err as UserError).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(diagnostics).toEqual(
      expect.arrayContaining([expect.stringMatching(/^2:\d+ value "x" is not a number/), expect.stringMatching(/^2:\d+ every observation needs its source/)]),
    );
  });
});
