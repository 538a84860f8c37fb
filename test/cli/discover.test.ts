/** `marketfutures discover` through the built CLI: output, files, reproducibility, errors. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "./builtCli.js";

const threshold = "test/fixtures/analysis/threshold.json";

beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

describe("marketfutures discover", () => {
  it("prints the suggested box and the trade-off, and writes JSON, CSVs and the figure", () => {
    const out = join(mkdtempSync(join(tmpdir(), "mf-discover-")), "d");
    const r = runCli("discover", threshold, "--where", "a 2030 >= 32%", "--paths", "1000", "--threads", "1", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Scenario discovery in threshold: where a 2030 >= 32% — \d+ of 1,000 paths \(\d+\.\d%\), seed 1\n/);
    expect(r.stdout).toMatch(/\n {2}player:a:drift +at least 0\.0\d+ +-0\.0\d+ to 0\.0\d+\n/);
    expect(readdirSync(out).sort()).toEqual([
      ".marketfutures",
      "discovery-box.csv",
      "discovery-steps.csv",
      "discovery-tradeoff.csv",
      "discovery-tradeoff.svg",
      "discovery.json",
    ]);
    const json = JSON.parse(readFileSync(join(out, "discovery.json"), "utf8"));
    expect(json.where).toMatchObject({ entity: "a", year: 2030, op: ">=", value: 0.32 });
    expect(readFileSync(join(out, "discovery-box.csv"), "utf8").split("\n")[0]).toBe("scenario,where,input,label,lower,upper,min,max");
    expect(readFileSync(join(out, "discovery-tradeoff.svg"), "utf8")).toMatch(
      /<title id="discovery-tradeoff-title">In \d+% of paths the 2030 share of A globally is at least 32%; a box on 1 input holds/,
    );
  }, 60_000);

  it("--json is identical for 1 and 2 threads", () => {
    const args = ["discover", threshold, "--where", "a 2030 >= 0.3", "--paths", "2500", "--json", "--seed", "x"];
    const one = runCli(...args, "--threads", "1");
    const two = runCli(...args, "--threads", "2");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).analysis).toBe("discover");
  }, 60_000);

  it("errors: an unparseable --where or a bad entity exit 2; an outcome that never happens exits 1", () => {
    let r = runCli("discover", threshold, "--where", "a is big");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--where "a is big" cannot be parsed: it has no comparison .*; write ENTITY \[in VIEW\] YEAR OP VALUE/);
    r = runCli("discover", threshold, "--where", "b_share 2030 >= 0.3");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--where: the entity "b_share" is not a player, group or metric/);
    r = runCli("discover", threshold, "--where", "a 2030 >= 0.3", "--min-density", "2");
    expect(r.code).toBe(2);
    r = runCli("discover", threshold, "--where", "a 2030 >= 0.99", "--paths", "100", "--threads", "1");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no path of 100 meets --where/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
