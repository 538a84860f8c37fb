/** The observations format: rows read into Observation, every problem at once at file:line:col, the shipped files. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseObservations } from "../../engine/observe/observations.js";

const HEADER = "period,view,entity,measure,value,unit,rounding,error,definition,source";

describe("parseObservations", () => {
  it("reads a year and a quarter, percent with or without %, empty rounding or error as 0, the columns in any order", () => {
    const text = `${HEADER},note\n2026Q1,global,aws,share,28%,%,0.5,,cloud_infrastructure_services,"Synergy, 2026",q\n2026,global,market_size,growth,35,%,,2,cis,S,\n`;
    const { observations, diagnostics } = parseObservations(text, "obs.csv");
    expect(diagnostics).toEqual([]);
    expect(observations[0]).toMatchObject({
      line: 2,
      period: "2026Q1",
      year: 2026,
      quarter: 1,
      entity: "aws",
      measure: "share",
      value: 28,
      rounding: 0.5,
      error: 0,
      entityMatch: "same",
      source: "Synergy, 2026",
      note: "q",
      columns: { period: 1, value: 5, source: 10, note: 11 },
    });
    expect(observations[1]).toMatchObject({ year: 2026, measure: "growth", value: 35, rounding: 0, error: 2 });
    expect("quarter" in observations[1]).toBe(false);
    const shuffled = parseObservations("source,value,unit,measure,entity,view,period,definition,error\nS,13,%,share,google,global,2025,cis,1\n", "o.csv");
    expect(shuffled.diagnostics).toEqual([]);
    expect(shuffled.observations[0]).toMatchObject({ value: 13, entity: "google", columns: { value: 2, period: 7 } });
  });

  it("reports every problem of every row at once, each at its line and CSV column, with a hint", () => {
    const text = [
      HEADER,
      "2026Q5,global,aws,share,28,%,0.5,1,cis,S", // period: column 1
      "2026,Global,aws,shares,28,pct,0.5,1,cis,S", // view 2, measure 4 (the unit is checked against a known measure only)
      "2026,global,aws,share,128,%,0.5,1,cis,", // value 5, source 10
      "2026,global,aws,share,28,5,%,0,0,cis", // a column shifted: definition 9 ("0"), unit 6 ("5"), rounding 7 ("%")
      "2026,global,aws,share,28,%,0.5", // too few fields
      '2026,global,aws,share,"28,5",%,0.5,1,cis,S', // a decimal comma
    ].join("\n");
    const { observations, diagnostics } = parseObservations(text, "data/obs.csv");
    expect(observations).toEqual([]);
    const places = diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.path}`);
    expect(places).toEqual([
      "data/obs.csv:2:1 period",
      "data/obs.csv:3:2 view",
      "data/obs.csv:3:4 measure",
      "data/obs.csv:4:5 value",
      "data/obs.csv:4:10 source",
      "data/obs.csv:5:9 definition",
      "data/obs.csv:5:6 unit",
      "data/obs.csv:5:7 rounding",
      "data/obs.csv:6:7 ",
      "data/obs.csv:7:5 value",
    ]);
    expect(diagnostics.every((d) => d.severity === "error")).toBe(true);
    expect(diagnostics.find((d) => d.path === "measure")!.hint).toBe('did you mean "share"?');
    expect(diagnostics.find((d) => d.line === 7)!.hint).toBe("write decimals with a point: 28.5");
    expect(diagnostics.find((d) => d.line === 6)!.message).toBe("this row has 7 fields, the header 10");
  });

  it("refuses a figure with neither rounding nor error: its likelihood would be zero on every path", () => {
    const { diagnostics } = parseObservations(`${HEADER}\n2026,global,aws,share,28,%,,,cis,S\n`, "o.csv");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 7, path: "rounding" });
    expect(diagnostics[0].message).toMatch(/neither rounding nor error/);
  });

  it("checks the header first: unknown (with a suggestion), doubled and missing columns", () => {
    const { diagnostics } = parseObservations("period,veiw,entity,measure,value,value,unit,source\n2026,global,aws,share,28,28,%,S\n", "o.csv");
    expect(diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [1, 2, 'unknown column "veiw"', 'did you mean "view"?'],
      [1, 6, 'column "value" appears twice', "keep one of them"],
      [1, 1, "missing columns: view, definition", expect.stringContaining("period,view,entity")],
    ]);
  });

  it("warns (does not refuse) when the same figure appears twice: two rows count as two measurements", () => {
    const { observations, diagnostics } = parseObservations(
      `${HEADER}\n2026,global,aws,share,28,%,0.5,1,cis,A\n2026,global,aws,share,29,%,0.5,1,cis,B\n`,
      "o.csv",
    );
    expect(observations).toHaveLength(2);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "warning", line: 3, column: 1, message: expect.stringContaining("also on line 2") })]);
  });

  it("an empty file and a header alone are errors", () => {
    expect(parseObservations("", "o.csv").diagnostics[0].message).toMatch(/no header/);
    expect(parseObservations(`${HEADER}\n`, "o.csv").diagnostics[0].message).toMatch(/no observation/);
  });
});

describe("the shipped observations (scenarios/observations/*.csv)", () => {
  const dir = "scenarios/observations";
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));

  it("are read without a problem, every row with its source (a publication and its date) and the market definition it measures", () => {
    expect(files.sort()).toEqual(["europe-shares.csv", "market-size.csv", "worldwide-big-three.csv", "worldwide-growth.csv", "worldwide-shares.csv"]);
    let rows = 0;
    for (const f of files) {
      const { observations, diagnostics } = parseObservations(readFileSync(`${dir}/${f}`, "utf8"), f);
      expect(diagnostics, f).toEqual([]);
      for (const o of observations) {
        expect(o.source, `${f}:${o.line}`).toMatch(/Synergy Research Group.*(19|20)\d\d/);
        expect(o.source).toMatch(/https:\/\//);
        expect(o.definition).toBe("cloud_infrastructure_services");
      }
      rows += observations.length;
    }
    // observations.md: 29 worldwide shares, 8 of the big three, 8 growth rates, 10 European figures, 15 sizes
    expect(rows).toBe(29 + 8 + 8 + 10 + 15);
  });

  it("mark Synergy's European providers as broader than the scenarios' eu_providers (SAP, Deutsche Telekom... are not in it)", () => {
    const { observations } = parseObservations(readFileSync(`${dir}/europe-shares.csv`, "utf8"), "europe-shares.csv");
    const eu = observations.filter((o) => o.entity === "eu_providers");
    expect(eu.map((o) => [o.period, o.value, o.entityMatch])).toEqual([
      ["2017", 28, "broader"],
      ["2022Q2", 13, "broader"],
      ["2022", 15, "broader"],
      ["2024", 15, "broader"],
    ]);
    expect(observations.filter((o) => o.entity === "us_hyperscalers").every((o) => o.entityMatch === "same")).toBe(true);
  });
});
