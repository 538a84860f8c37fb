/**
 * The traps of issues 17 and 20, each shown as a user meets it: `validate`
 * shows every problem at once and each once, names what a new scenario
 * inherits, and finds the unit mistakes; `calibrate --out` writes a file
 * that validates where it is written; a scenario given twice, a tampered
 * results file, a read-only --out, a folder as `schema --out`, and an output
 * that would replace a file the run reads each get a clear message.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./builtCli.js";
import { canMountTmpfs, cli } from "./outputHarness.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-traps-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

const scenarios = resolve("scenarios");
const write = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};
/** The diagnostics of validate's stderr, without the hints and the summary. */
const lines = (stderr: string) => stderr.split("\n").filter((l) => /(error|warning): /.test(l));

describe("validate", () => {
  it("shows every problem at once: a schema error, a semantic error, a mistyped symbol and a unit trap, in one run", () => {
    const file = write(
      "many.json",
      `{
  "id": "many",
  "extends": ${JSON.stringify(join(scenarios, "baseline.json"))},
  "title": "Many problems",
  "presentation": { "color": "#123456", "focusGroup": "eu_providers" },
  "players": [
    { "id": "aws", "volatility": "high" },
    { "id": "ovhcloud", "group": "eu_provider" },
    { "id": "google", "drift": { "expr": "market_cgar * 0.1 + market_cgar", "assumption": "x" } }
  ],
  "regions": [{ "id": "europe", "growth": { "expr": "market_cagr + 1%", "assumption": "x" } }],
  "targets": [{ "id": "eu_15", "entity": "eu_providers", "year": 2030, "op": ">=", "value": 15, "assumption": "x" }]
}
`,
    );
    const r = cli(["validate", file]);
    expect(r.code).toBe(1);
    // every line's place (file:line:column of the value), column masked: the lines say which value
    expect(lines(r.stderr).map((l) => l.replace(/^(\S+:\d+):\d+ /, "$1:C "))).toEqual([
      `${file}:7:C  players[0].volatility  error: expected a number or a list [...] or an object {...}, got the string "high"`,
      `${file}:8:C  players[1].group  error: unknown group "eu_provider"; did you mean "eu_providers"?`,
      `${file}:9:C  players[2].drift.expr  error: expression "market_cgar * 0.1 + market_cgar": unknown symbol "market_cgar"; did you mean "market_cagr"?`,
      `${file}:11:C  regions[0].growth.expr  error: expression "market_cagr + 1%": "%" is not allowed in expressions: mathjs reads 1% as 0.01, and x + 1% as x * 1.01 (1% of x added to x)`,
      `${file}:12:C  targets[0].value  error: "eu_providers" is a share, a fraction of 1, but the target's value is 15 (did you mean 0.15?)`,
    ]);
    expect(r.stderr).toContain("hint: shares are fractions: 0.15 for 15%");
    expect(r.stderr.trim().split("\n").pop()).toBe("1 file checked: 5 errors, 0 warnings");
  });

  it("reports an error in a file that several of the files extend once, not once per file", () => {
    const dir = join(tmp, "shared-parent");
    mkdirSync(dir);
    const base = readFileSync(join(scenarios, "baseline.json"), "utf8").replace('"market_cagr - 0.011"', '"market_cgar - 0.011"');
    writeFileSync(join(dir, "baseline.json"), base);
    for (const f of ["paradigm-shift.json", "regulated-multipolarity.json"]) copyFileSync(join(scenarios, f), join(dir, f));
    const r = cli(["validate", join(dir, "paradigm-shift.json"), join(dir, "regulated-multipolarity.json"), join(dir, "baseline.json")]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    // the place of the expression in the file (its line and the column of its opening quote)
    const at = base.split("\n").findIndex((l) => l.includes('"market_cgar - 0.011"'));
    const where = `${at + 1}:${base.split("\n")[at].indexOf('"market_cgar') + 1}`;
    expect(lines(r.stderr)[0]).toContain(
      `baseline.json:${where}  regions[0].growth.expr  error: expression "market_cgar - 0.011": unknown symbol "market_cgar"`,
    );
  });

  it("names what a new scenario inherits of its parent's presentation", () => {
    const file = write("new.json", `{ "id": "new_one", "extends": ${JSON.stringify(join(scenarios, "baseline.json"))}, "title": "New" }`);
    const r = cli(["validate", file]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      `${file}:1:31  extends  warning: inherits presentation.color "#000000" (its colour in comparison figures) and presentation.focusGroup "us_hyperscalers" (the group of its distribution and sample-path figures) from scenarios/baseline.json`,
    ]);
    // the shipped scenarios set their own, so they validate without warnings
    const shipped = cli(["validate", "scenarios/hyperscaler-hegemony.json", "scenarios/regulated-multipolarity.json", "scenarios/paradigm-shift.json"]);
    expect(shipped.stderr).toBe("3 files checked: 0 errors, 0 warnings\n");
  });

  it("warns about implausible magnitudes, naming the number", () => {
    const file = write(
      "big.json",
      `{ "id": "big_numbers", "extends": ${JSON.stringify(join(scenarios, "baseline.json"))}, "title": "Big",
  "presentation": { "color": "#123456", "focusGroup": "eu_providers" },
  "players": [{ "id": "google", "drift": { "value": 1e6, "assumption": "x" } }],
  "events": [{ "id": "major_outage", "jump": { "value": -1000, "assumption": "x" } }] }`,
    );
    const r = cli(["validate", file]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      `${file}:3:42  players[0].drift  warning: a drift of 1000000 is implausible (log points a year; 1 already multiplies the attraction by e = 2.7 every year)`,
      `${file}:4:46  events[0].jump  warning: a jump of -1000 is implausible (log points; 5 already multiplies the attraction by e^5 = 148)`,
    ]);
  });

  it("reports a remove of an unknown id at the line of the file that wrote it, not its parent's", () => {
    const a = write("chain-a.json", `{ "id": "a", "extends": ${JSON.stringify(join(scenarios, "baseline.json"))} }`);
    const b = write("chain-b.json", `{ "id": "b", "extends": "chain-a.json" }`);
    const c = write("chain-c.json", `{\n  "id": "c",\n  "extends": "chain-b.json",\n  "players": [\n    { "id": "awss", "remove": true }\n  ]\n}\n`);
    const r = cli(["validate", c]);
    expect(lines(r.stderr).filter((l) => l.includes("error"))).toEqual([
      `${c}:5:13  players[0].id  error: "remove": there is no inherited players entry with id "awss" to remove; did you mean "aws"?`,
    ]);
    expect(readFileSync(a, "utf8") + readFileSync(b, "utf8")).not.toContain("awss");
  });
});

describe("calibrate --out writes a file that validates wherever it is written", () => {
  it("rebases extends and $schema relative to the new file's folder", () => {
    for (const out of [join(tmp, "my.json"), join(tmp, "sub", "deeper", "my.json")]) {
      mkdirSync(join(out, ".."), { recursive: true });
      const r = cli(["calibrate", "scenarios/paradigm-shift.json", "--paths", "200", "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, "utf8");
      const doc = JSON.parse(text);
      expect(resolve(join(out, ".."), doc.extends)).toBe(join(scenarios, "baseline.json"));
      expect(resolve(join(out, ".."), doc.$schema)).toBe(join(scenarios, "scenario.schema.json"));
      // from the repository root, and from the file's own folder
      expect(cli(["validate", out]).code).toBe(0);
      expect(cli(["validate", "my.json"], {}, join(out, "..")).code).toBe(0);
    }
  }, 120_000);
});

describe("clear messages", () => {
  it("the same scenario twice is wrong usage (2); two files with one id are invalid input (1)", () => {
    const r = cli(["run", "test/fixtures/engine/features.json", "test/fixtures/engine/features.json", "--paths", "100"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("marketfutures: test/fixtures/engine/features.json is given twice; give each scenario once\n");
    const copy = write("features-copy.json", readFileSync("test/fixtures/engine/features.json", "utf8"));
    const two = cli(["compare", "test/fixtures/engine/features.json", copy, "--paths", "100"]);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('are both scenario "features"; results are keyed by scenario id');
  });

  it('a tampered results.json ("paths": "x") is refused by report, compare and blend, naming the file and the field', () => {
    const data = JSON.parse(readFileSync("test/fixtures/results/small.json", "utf8"));
    data.manifest.paths = "x";
    const file = write("results.json", JSON.stringify(data, null, 2));
    const line =
      JSON.stringify(data, null, 2)
        .split("\n")
        .findIndex((l) => l.includes('"paths": "x"')) + 1;
    for (const args of [
      ["report", "--from", file, "--out", join(tmp, "tampered")],
      ["compare", "--from", file],
      ["blend", "--weights", "0.5,0.3,0.2", "--from", file],
    ]) {
      const r = cli(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toBe(
        `${file}:${line}:14  manifest.paths  error: expected a number, got the string "x"\n` +
          `marketfutures: ${file}: not a marketfutures results file (1 field wrong: edited by hand or by another tool?); give the results.json written by \`marketfutures run\`\n`,
      );
    }
  });

  it("an output never replaces a file the run reads: the parent a scenario extends, named results.json in --out", () => {
    const dir = join(tmp, "parent-here");
    // a folder a run made (its manifest lists results.json), where the user then put a scenario named results.json
    expect(cli(["run", "test/fixtures/engine/features.json", "--paths", "100", "--out", dir]).code).toBe(0);
    const parent = readFileSync("test/fixtures/engine/features.json", "utf8");
    writeFileSync(join(dir, "results.json"), parent);
    writeFileSync(join(dir, "child.json"), '{ "id": "child", "extends": "results.json", "presentation": { "color": "#123456" } }');
    const before = readdirSync(dir).sort();
    const r = cli(["run", "child.json", "--paths", "100", "--out", ".", "--force"], {}, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `marketfutures: ${join(dir, "results.json")} is a file this command reads (${join(dir, "results.json")}); refusing to replace it (choose another --out)\n`,
    );
    expect(readFileSync(join(dir, "results.json"), "utf8")).toBe(parent);
    expect(readdirSync(dir).sort()).toEqual(before);
    // in a folder of the user's, the same file is refused for being the user's
    const mine = join(tmp, "parent-mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "results.json"), parent);
    writeFileSync(join(mine, "child.json"), '{ "id": "child", "extends": "results.json", "presentation": { "color": "#123456" } }');
    const again = cli(["run", "child.json", "--paths", "100", "--out", ".", "--force"], {}, mine);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("results.json exists and was not written by marketfutures; refusing to replace it");
    expect(readFileSync(join(mine, "results.json"), "utf8")).toBe(parent);
  });

  it("schema --out naming a folder, even with --force", () => {
    const r = cli(["schema", "--out", tmp, "--force"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`marketfutures: ${tmp} is a folder; give --out the name of a file to write\n`);
  });

  it.skipIf(!canMountTmpfs(tmp))(
    "a read-only --out: run and report say so (not 'no such file', not an internal error)",
    () => {
      const ro = join(tmp, "ro");
      mkdirSync(ro);
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro]).status).toBe(0);
      try {
        const run = cli(["run", "test/fixtures/engine/features.json", "--paths", "100", "--out", join(ro, "out")]);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(`marketfutures: cannot write ${join(ro, "out")}: read-only file system; nothing was changed\n`);
        const report = cli(["report", "--from", "test/fixtures/results/small.json", "--out", join(ro, "report")]);
        expect(report.code).toBe(1);
        expect(report.stderr).toBe(`marketfutures: cannot write ${join(ro, "report")}: read-only file system; nothing was changed\n`);
      } finally {
        spawnSync("umount", [ro]);
      }
    },
    120_000,
  );
});
