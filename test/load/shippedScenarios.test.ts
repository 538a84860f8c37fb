/** Every shipped scenario (scenarios/*.json) loads without errors. */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UserError } from "../../engine/diagnostics.js";
import { loadScenario } from "../../engine/load/index.js";
import { formatDiagnostic } from "../../bin/format.js";

const files = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
  .sort()
  .map((f) => `scenarios/${f}`);

describe("shipped scenarios", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s loads without errors", async (file) => {
    try {
      const { scenario } = await loadScenario(file);
      expect(scenario.players.length).toBeGreaterThan(0);
    } catch (err) {
      if (err instanceof UserError) throw new Error(err.diagnostics.map((d) => formatDiagnostic(d)).join("\n"), { cause: err });
      throw err;
    }
  });
});
