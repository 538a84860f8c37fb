import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { calibratedText } from "../../engine/analysis/calibrate.js";
import { UserError } from "../../engine/diagnostics.js";
import { loadScenario } from "../../engine/load/index.js";
import { calibrateFile, calibrationSimulator } from "../../bin/commands/calibrate.js";

const dir = mkdtempSync(join(tmpdir(), "mf-calibrate-"));
for (const f of ["baseline.json", "hyperscaler-hegemony.json", "scenario.schema.json"]) cpSync(join("scenarios", f), join(dir, f));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PATHS = 2000;
const SEED = "7";

describe("calibrate", () => {
  it("hits the 70% median of hyperscaler-hegemony; the written file reproduces it", async () => {
    const input = join(dir, "hyperscaler-hegemony.json");
    const { result, out } = await calibrateFile(input, { paths: String(PATHS), seed: SEED });
    expect(out).toBe(join(dir, "hyperscaler-hegemony.calibrated.json"));
    const [t] = result.targets;
    expect(t.id).toBe("us_big_three_70");
    expect(Math.abs(t.residual)).toBeLessThan(Math.max(1e-4, 2 * t.se));
    // Comments/layout kept, value replaced in the file's own parameter entry.
    const text = readFileSync(out, "utf8");
    expect(text).toContain(`"value": ${result.parameters[0].value}`);
    expect(text).toContain("calibration knob");
    const { scenario } = await loadScenario(out);
    const [again] = await calibrationSimulator(out, PATHS, SEED)(scenario);
    console.log(
      `us_push = ${result.parameters[0].value}; median ${t.achieved} ± ${t.se} (re-run ${again.value} ± ${again.se}); ${result.simulations} simulations`,
    );
    expect(Math.abs(again.value - 0.7)).toBeLessThan(Math.max(1e-4, 2 * again.se));
    // Never overwrite without --force.
    await expect(calibrateFile(input, { paths: String(PATHS), seed: SEED })).rejects.toThrow(/already exists/);
  }, 60_000);

  it("reports an unreachable target with the best value and the bound that stops it", async () => {
    const input = join(dir, "narrow.json");
    const text = readFileSync(join(dir, "hyperscaler-hegemony.json"), "utf8").replace('"min": 0, "max": 0.15', '"min": 0, "max": 0.01');
    expect(text).toContain('"max": 0.01');
    writeFileSync(input, text);
    const err = await calibrateFile(input, { paths: "500", seed: SEED }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/out of reach/);
    expect((err as Error).message).toMatch(/us_push is at its max \(0\.01\)/);
    expect((err as Error).message).toMatch(/best value reached is median of us_big_three_70 = 0\.\d{4}/);
    expect(existsSync(join(dir, "narrow.calibrated.json"))).toBe(false);
  }, 60_000);

  it("adds an override entry for a parameter defined only in the parent", () => {
    const text = '{\n  // child\n  "extends": "baseline.json",\n  "parameters": []\n}\n';
    const r = { parameters: [{ parameter: "p", min: 0, max: 1, value: 0.25 }], targets: [{ id: "t" }] } as Parameters<typeof calibratedText>[1];
    const out = calibratedText(text, r);
    expect(out).toContain("// child");
    const doc = JSON.parse(out.replace("// child", "")) as { parameters: { id: string; value: { value: number; assumption: string } }[] };
    expect(doc.parameters).toEqual([{ id: "p", value: { value: 0.25, assumption: "calibrated by marketfutures calibrate to targets t" } }]);
    const none = calibratedText('{ "id": "x" }', r);
    expect((JSON.parse(none) as { parameters: unknown[] }).parameters).toHaveLength(1);
  });
});
