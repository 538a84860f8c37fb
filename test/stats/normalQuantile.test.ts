import { describe, expect, it } from "vitest";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { normalQuantile, normalQuantiles } from "../../engine/stats/normalQuantile.js";
import { normalCdf, normalPdf } from "../../engine/stats/normalCdf.js";
import { expectRelClose } from "./close.js";

describe("normalQuantile(p)", () => {
  it("matches Wichura's (1988, AS 241) test values: Φ⁻¹(0.25), Φ⁻¹(0.001), Φ⁻¹(1e-20), one per branch", () => {
    // Published to 16 digits; R's qnorm (same algorithm) documents -3.0902323061678131921 and
    // -9.2623400897984051738 at more digits, hence the 3e-16 relative tolerance.
    expectRelClose(normalQuantile(0.25), -0.6744897501960817, 5e-16);
    expectRelClose(normalQuantile(0.001), -3.090232306167814, 5e-16);
    expectRelClose(normalQuantile(1e-20), -9.262340089798408, 5e-16);
  });

  it("gives the brief's values Φ⁻¹(0.975) = 1.959963984540054 and Φ⁻¹(1e-10) = -6.361340902404056", () => {
    expectRelClose(normalQuantile(0.975), 1.959963984540054, 3e-16);
    expectRelClose(normalQuantile(1e-10), -6.361340902404056, 3e-16);
  });

  /** test/stats/reference/normal.py: Newton in 50 digits on the exact double p. */
  const REF: [number, number][] = [
    [0.975, 1.9599639845400538],
    [0.001, -3.0902323061678136],
    [1e-10, -6.361340902404057],
    [1e-20, -9.262340089798407],
    [1e-100, -21.273453560965326],
    [1e-300, -37.0470962993612],
    [0.9, 1.2815515655446006],
    [0.6, 0.2533471031357997],
  ];
  it.each(REF)("Φ⁻¹(%d) = %d (50-digit reference) within 4e-16 relative", (p, z) => {
    expectRelClose(normalQuantile(p), z, 4e-16);
  });

  it("is exactly 0 at 1/2 and ±Infinity at 0 and 1", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it("throws RangeError outside [0, 1] and on NaN", () => {
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
  });

  it("round-trips: Φ(Φ⁻¹(p)) = p for p in [1e-300, 0.5], to the error implied by 1e-15 relative on z (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }), (e) => {
        const p = 10 ** e;
        const back = normalCdf(normalQuantile(p));
        // A relative error ε of z moves p by |Δp/p| = φ(z)/p · |z| ε (about z² ε in the tail).
        // Measured against the 50-digit reference, AS 241 errs by up to ~6e-16 relative (3 ulps
        // near z = -2.9), so ε = 1e-15, plus 1e-15 for Φ's own rounding.
        const z = normalQuantile(p);
        return Math.abs(back - p) / p <= (normalPdf(z) / p) * Math.abs(z) * 1e-15 + 1e-15;
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it("round-trips: Φ⁻¹(Φ(x)) = x for x in [-37, 0] within 1e-15 relative + 1e-16 absolute (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 0, noNaN: true }), (x) => {
        const back = normalQuantile(normalCdf(x));
        return Math.abs(back - x) <= 1e-15 * Math.abs(x) + 1e-16;
      }),
      { seed: 43, numRuns: 3000 },
    );
  });

  it("is monotone non-decreasing (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return normalQuantile(lo) <= normalQuantile(hi);
      }),
      { seed: 44, numRuns: 3000 },
    );
  });
});

describe("normalQuantiles(u, from, to, out, mean, sd)", () => {
  it("writes exactly mean + sd normalQuantile(u) over [from, to), also at the branch edges, and nothing else", () => {
    const u = Float64Array.from([
      0.075,
      0.075 - 2 ** -50,
      0.925,
      0.925 + 2 ** -50,
      0.5,
      1e-300,
      0,
      1,
      ...Array.from({ length: 2000 }, (_, i) => (i + 0.5) / 2000),
    ]);
    const out = new Float64Array(u.length + 2).fill(-7);
    normalQuantiles(u, 0, u.length, out, 0.02, 0.3);
    for (let j = 0; j < u.length; j++) expect(out[j]).toBe(0.02 + 0.3 * normalQuantile(u[j]));
    expect([out[u.length], out[u.length + 1]]).toEqual([-7, -7]);
    expect(() => normalQuantiles(Float64Array.of(0.5, 1.5), 0, 2, out, 0, 1)).toThrow(RangeError);
  });
});

describe("normalQuantiles' central branch, written out in its loop", () => {
  it("equal normalQuantile on a million uniforms and around the edges of its branches (|q| = 0.425, r = 5)", () => {
    const edges = [0.075, 0.925, Math.exp(-25), 1 - Math.exp(-25)].flatMap((p) =>
      Array.from({ length: 41 }, (_, k) => p + (k - 20) * Math.max(Number.EPSILON * p, 5e-324)),
    );
    const rng = seedrandom("normalQuantiles");
    const u = Float64Array.from([...edges, ...Array.from({ length: 1_000_000 }, () => rng()), 1e-12, 1e-11, 1e-300, 5e-324]);
    const out = new Float64Array(u.length);
    normalQuantiles(u, 0, u.length, out, -0.5, 2);
    let differ = 0;
    for (let j = 0; j < u.length; j++) if (out[j] !== -0.5 + 2 * normalQuantile(u[j])) differ++;
    expect(differ).toBe(0);
  });
});
