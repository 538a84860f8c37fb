/** The progress bar of `run`: only on a terminal, never with --quiet, throttled, cleared; and its line. */
import { describe, expect, it } from "vitest";
import { createProgress, etaEstimator, formatDuration, formatProgress, type RunProgress } from "../../bin/progress.js";

function fakeStream(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  const stream = { isTTY, columns, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

const at = (done: number, total = 1000, index = 0, count = 2, scenario = "paradigm-shift"): RunProgress => ({ scenario, index, count, done, total });

describe("formatProgress", () => {
  it("shows the scenario, its place, paths done/total, percent, elapsed and ETA", () => {
    const line = formatProgress(at(12000, 40000, 1, 3), 12_000, 28_000, 100, false);
    expect(line).toBe("paradigm-shift (2/3) █████████░░░░░░░░░░░░░░░░░░░░░ 12,000/40,000  30%  0:12 elapsed, ETA 0:28");
  });

  it("leaves out the place for a single scenario and says -:-- before the first paths", () => {
    expect(formatProgress(at(0, 500, 0, 1), 0, undefined, 80, false)).toMatch(/^paradigm-shift ░+ 0\/500 {3}0% {2}0:00 elapsed, ETA -:--$/);
  });

  it("fits the width: the bar shrinks, then goes, then the name is cut", () => {
    for (const width of [120, 80, 70, 60, 50, 40, 20]) {
      const line = formatProgress(at(500, 1000, 0, 2, "a-rather-long-scenario-name"), 1000, 1000, width, false);
      expect([...line].length).toBeLessThanOrEqual(width);
      expect(line).toContain("500/1,000");
    }
  });

  it("colours the bar only when asked", () => {
    expect(formatProgress(at(500), 1000, 1000, 80, true)).toContain("\u001b[36m");
    expect(formatProgress(at(500), 1000, 1000, 80, false)).not.toContain("\u001b");
  });

  it("formats durations as m:ss and h:mm:ss", () => {
    expect([0, 999, 61_000, 3_599_000, 3_600_000, 37_230_000].map(formatDuration)).toEqual(["0:00", "0:01", "1:01", "59:59", "1:00:00", "10:20:30"]);
  });
});

describe("etaEstimator", () => {
  it("counts the paths left in this scenario and in the scenarios to come", () => {
    const eta = etaEstimator();
    eta.record(at(100, 400, 0, 2));
    expect(eta.remaining(at(100, 400, 0, 2), 1000)).toBe(7000); // (300 + 400) paths at 10 ms each
    eta.record(at(400, 400, 0, 2));
    eta.record(at(200, 400, 1, 2));
    expect(eta.remaining(at(200, 400, 1, 2), 6000)).toBe(2000); // 600 done in 6 s; 200 left
  });

  it("is unknown before any path is done", () => {
    const eta = etaEstimator();
    eta.record(at(0));
    expect(eta.remaining(at(0), 500)).toBeUndefined();
  });
});

describe("createProgress", () => {
  it("draws nothing when stderr is not a terminal, or with --quiet", () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { stream, writes } = fakeStream(tty);
      const p = createProgress({ stream, quiet });
      expect(p.active).toBe(false);
      p.update(at(10));
      p.stop();
      expect(writes).toEqual([]);
    }
  });

  it("redraws at most every 100 ms, without colour under NO_COLOR, and clears the line at the end", () => {
    expect(process.env.NO_COLOR).toBe("1"); // vitest.config.ts
    let t = 0;
    const { stream, writes } = fakeStream(true);
    const p = createProgress({ stream, now: () => t });
    expect(p.active).toBe(true);
    for (const [time, done] of [
      [0, 0],
      [50, 10],
      [99, 20],
      [100, 30],
      [150, 40],
      [250, 50],
    ]) {
      t = time;
      p.update(at(done));
    }
    expect(writes).toHaveLength(3);
    expect(writes.map((w) => /(\d+)\/1,000/.exec(w)?.[1])).toEqual(["0", "30", "50"]);
    for (const w of writes) {
      expect(w.startsWith("\r")).toBe(true);
      expect(w.endsWith("\u001b[K")).toBe(true);
      expect(w).not.toMatch(new RegExp(String.raw`\x1b\[\d+m`));
    }
    p.stop();
    p.stop();
    expect(writes.slice(3)).toEqual(["\r\u001b[K"]);
    p.update(at(60));
    expect(writes).toHaveLength(4);
  });
});
