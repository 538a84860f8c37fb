/**
 * The hindcast (engine/run/hindcastScenarios.ts) against the two-player closed form: started from an
 * observed share, ln(s_a/s_b) in a later year is normal (MODEL.md section 2), so an observation's
 * percentile is a one-dimensional integral (Simpson's rule here). Tolerance: 4 of the engine's Monte
 * Carlo standard errors plus one sketch bin. And what a hindcast refuses.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError, UserError } from "../../engine/diagnostics.js";
import { hindcastScenarios } from "../../engine/run/hindcastScenarios.js";
import { logistic, normalCdf, normalPdf } from "../engine/helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-hindcast-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HEADER = "period,view,entity,measure,value,unit,rounding,error,definition,source";
const FILE = "test/fixtures/engine/lognormal.json"; // drifts 0.03 / -0.01, sigma 0.1 / 0.05, rho 0.3; a starts at 30%

function history(rows: string[]): string {
  const f = join(tmp, `h${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(f, [HEADER, ...rows].join("\n") + "\n");
  return f;
}

function simpson(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe("hindcast of the two-player model from an observed share", () => {
  it("starts from the figure and places a later one at its closed-form percentile", async () => {
    const file = history(["2021,global,a,share,40,%,0.005,,d,S", "2024,global,a,share,45,%,0.005,1,d,S", "2024,global,b,share,55,%,0.005,1,d,S"]);
    const { hindcast } = await hindcastScenarios([FILE], { history: [file], from: 2021, paths: 20_000, threads: 1, seed: "7" });
    const s = hindcast.scenarios[0];
    expect([s.from, s.to]).toEqual([2021, 2024]);
    expect(s.start).toEqual([{ view: "global", entity: "a", observed: 0.4, scenario: 0.3, periods: ["2021"] }]);
    const m = Math.log(0.4 / 0.6) + 3 * 0.04;
    const v = 3 * (0.01 + 0.0025 - 2 * 0.1 * 0.05 * 0.3);
    const sd = Math.sqrt(v);
    const omega = Math.sqrt((0.005 * 0.005) / 3 + 1) / 100;
    const gauss = (y: number) => normalPdf((y - m) / sd) / sd;
    const pitA = simpson((y) => normalCdf((0.45 - logistic(y)) / omega) * gauss(y), m - 12 * sd, m + 12 * sd, 20_000);
    const pitB = simpson((y) => normalCdf((0.55 - (1 - logistic(y))) / omega) * gauss(y), m - 12 * sd, m + 12 * sd, 20_000);
    const [a, b] = s.points;
    expect(Math.abs(a.pit - pitA), `engine ${a.pit} ± ${a.pitSe}, quadrature ${pitA}`).toBeLessThanOrEqual(4 * a.pitSe + 1e-4);
    expect(Math.abs(b.pit - pitB), `engine ${b.pit} ± ${b.pitSe}, quadrature ${pitB}`).toBeLessThanOrEqual(4 * b.pitSe + 1e-4);
    expect(a.in50).toBe(a.pit >= 0.25 && a.pit <= 0.75);
    expect(s.coverage90).toBe([a, b].filter((p) => p.pit >= 0.05 && p.pit <= 0.95).length / 2);
    expect(s.pitHistogram.reduce((x, y) => x + y, 0)).toBe(2);
    // the figure's bands: the share of a in 2021 is the start value
    const band = s.bands.find((x) => x.entity === "a")!;
    expect(band.years[0]).toBe(2021);
    expect(Math.abs(band.p50[0] - 0.4)).toBeLessThanOrEqual(1e-4);
  }, 60_000);

  it("refuses a start year without shares (exit 1, with the years that have some) and one at or after the last year (usage)", async () => {
    const file = history(["2021,global,a,share,40,%,0.5,,d,S", "2024,global,a,share,45,%,0.5,1,d,S"]);
    const noStart = hindcastScenarios([FILE], { history: [file], from: 2022, paths: 100, threads: 1 });
    await expect(noStart).rejects.toThrow(UserError);
    await noStart.catch((e: UserError) => expect(e.diagnostics[0].hint).toMatch(/years with shares: 2021, 2024/));
    await expect(hindcastScenarios([FILE], { history: [file], from: 2024, paths: 100, threads: 1 })).rejects.toThrow(UsageError);
    const unknown = history(["2021,global,zz,share,40,%,0.5,,d,S", "2024,global,zz,share,45,%,0.5,1,d,S"]);
    await hindcastScenarios([FILE], { history: [unknown], from: 2021, paths: 100, threads: 1 }).then(
      () => expect.unreachable(),
      (e: UserError) =>
        expect(e.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toContain(
          '2:3 the scenario has no player or group "zz" to start from this figure',
        ),
    );
  }, 60_000);
});
