/**
 * The hindcast's figure and table (reports/history/) on a hindcast of the two-player model: the
 * title states the coverage that the results hold, each observed point is drawn with its band, the
 * PIT histogram's counts are the results', no NaN reaches the SVG, in English and French.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hindcastCsv } from "../../../engine/history/hindcastCsv.js";
import { hindcastScenarios } from "../../../engine/run/hindcastScenarios.js";
import { hindcastFigures } from "../../../reports/history/hindcastFigures.js";
import { formatHindcastTable } from "../../../reports/history/hindcastTable.js";
import { createDocument } from "../../../reports/render/dom.js";
import { serializeSvg } from "../../../reports/render/serialize.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-hindcast-fig-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("hindcast figure and table", () => {
  it("say the coverage the results hold, draw every observed point, count the PIT histogram", async () => {
    const file = join(tmp, "h.csv");
    writeFileSync(
      file,
      [
        "period,view,entity,measure,value,unit,rounding,error,definition,source",
        "2021,global,a,share,40,%,0.5,,d,S",
        "2022,global,a,share,41,%,0.5,1,d,S",
        "2023,global,a,share,47,%,0.5,1,d,S",
        "2024,global,a,share,30,%,0.5,1,d,S",
      ].join("\n") + "\n",
    );
    const { hindcast, track } = await hindcastScenarios(["test/fixtures/engine/lognormal.json"], { history: [file], from: 2021, paths: 4000, threads: 1 });
    const s = hindcast.scenarios[0];
    const inside = s.points.filter((p) => p.in90).length;
    expect(s.points.some((p) => !p.in90)).toBe(true); // 30% in 2024 is far below
    for (const lang of ["en", "fr"] as const) {
      const [figure] = hindcastFigures(hindcast, track.results, { document: await createDocument(), lang });
      const svg = serializeSvg(figure.svg);
      expect(svg).not.toMatch(/NaN/);
      const pct = `${Math.round((inside / 3) * 100)}${lang === "fr" ? "\u202F%" : "%"}`;
      expect(figure.title).toContain(pct);
      const observed = figure.csv.split("\n").filter((l) => l.includes(",observed,"));
      expect(observed).toHaveLength(3);
      const [header, ...lines] = figure.csv.trim().split("\n");
      const count = header.split(",").indexOf("count");
      const pit = lines.filter((l) => l.includes(",pit,"));
      expect(pit.map((l) => Number(l.split(",")[count]))).toEqual(s.pitHistogram);
    }
    const table = formatHindcastTable(hindcast);
    expect(table).toContain(`coverage: 50% band ${s.points.filter((p) => p.in50).length}/3`);
    expect(table).toContain(`90% band ${inside}/3`);
    const csv = hindcastCsv(hindcast);
    expect(csv.points.trim().split("\n")).toHaveLength(4);
    expect(csv.coverage).toContain(`lognormal,all,3,${s.coverage50},${s.coverage90}`);
  }, 60_000);
});
