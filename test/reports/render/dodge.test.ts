import { describe, expect, it } from "vitest";
import { dodge } from "../../../reports/render/dodge.js";

describe("dodge(wanted, gap, min, max)", () => {
  it("leaves labels already apart where they are", () => {
    expect(dodge([0.1, 0.5, 0.9], 0.05, 0, 1)).toEqual([0.1, 0.5, 0.9]);
  });
  it("pushes overlapping labels apart around their mean, keeping order", () => {
    const out = dodge([0.5, 0.51, 0.9], 0.05, 0, 1);
    expect(out[1] - out[0]).toBeCloseTo(0.05, 12);
    expect((out[0] + out[1]) / 2).toBeCloseTo(0.505, 12);
    expect(out[2]).toBe(0.9);
  });
  it("keeps every label inside [min, max] with no overlap, even when all want the same place", () => {
    const out = dodge([1, 1, 1, 1], 0.1, 0, 1);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(Math.max(...out)).toBeLessThanOrEqual(1 + 1e-12);
  });
});
