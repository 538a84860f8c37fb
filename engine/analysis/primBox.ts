/**
 * The box of the PRIM search (prim.ts): its limits, the rows it holds, and
 * the candidate peels and pastes with their scores. The algorithm, its
 * references and its choices are documented in prim.ts.
 */

/** One box of the peeling and pasting trajectory, with its coverage, density and mass. */
export interface PrimStep {
  kind: "start" | "peel" | "paste";
  /** Rows in the box. */
  count: number;
  coverage: number;
  density: number;
  mass: number;
  /** Box limits, one per input (inclusive). */
  lower: number[];
  upper: number[];
}

/** A move of one limit: input j, side, new value, the box it gives, and its score (higher is better). */
export interface Move {
  j: number;
  side: "lower" | "upper";
  limit: number;
  count: number;
  hits: number;
  density: number;
  score: number;
}

/** The current box: its limits, which rows it holds, and their counts. */
export class Box {
  readonly lower: number[];
  readonly upper: number[];
  readonly inside: Uint8Array;
  count: number;
  hits: number;

  constructor(
    private readonly columns: readonly Float64Array[],
    private readonly outcome: Uint8Array,
    private readonly positives: number,
  ) {
    this.lower = columns.map((c) => c.reduce((a, b) => Math.min(a, b), Infinity));
    this.upper = columns.map((c) => c.reduce((a, b) => Math.max(a, b), -Infinity));
    this.inside = new Uint8Array(outcome.length).fill(1);
    this.count = outcome.length;
    this.hits = positives;
  }

  density(): number {
    return this.hits / this.count;
  }

  step(kind: PrimStep["kind"]): PrimStep {
    const n = this.outcome.length;
    return {
      kind,
      count: this.count,
      coverage: this.hits / this.positives,
      density: this.density(),
      mass: this.count / n,
      lower: [...this.lower],
      upper: [...this.upper],
    };
  }

  /** The best peel keeping at least minCount rows, or null if none is possible. */
  bestPeel(alpha: number, minCount: number): Move | null {
    const rows = this.rows();
    const m = rows.length;
    if (m < 2) return null;
    const k = Math.max(1, Math.floor(alpha * m));
    let best: Move | null = null;
    for (let j = 0; j < this.columns.length; j++) {
      const x = this.columns[j];
      const sorted = Float64Array.from(rows, (r) => x[r]).sort();
      for (const side of ["lower", "upper"] as const) {
        // The new limit: the first value beyond the k-th from this side (ties with it dropped too).
        let i = side === "lower" ? k : m - 1 - k;
        const cut = side === "lower" ? sorted[k - 1] : sorted[m - k];
        if (side === "lower") while (i < m && sorted[i] === cut) i++;
        else while (i >= 0 && sorted[i] === cut) i--;
        if (i < 0 || i >= m) continue;
        const limit = sorted[i];
        let count = 0;
        let hits = 0;
        for (const r of rows) {
          if (side === "lower" ? x[r] >= limit : x[r] <= limit) {
            count++;
            hits += this.outcome[r] !== 0 ? 1 : 0;
          }
        }
        if (count === m || count < minCount) continue;
        const density = hits / count;
        best = better(best, { j, side, limit, count, hits, density, score: (density - this.density()) / (m - count) });
      }
    }
    return best;
  }

  /** The best paste, or null if no row lies outside the box along a single input. */
  bestPaste(alpha: number): Move | null {
    const k = Math.max(1, Math.floor(alpha * this.count));
    const d = this.columns.length;
    // Rows outside the box along exactly one input, by input and side.
    const near: number[][] = Array.from({ length: 2 * d }, () => []);
    for (let r = 0; r < this.outcome.length; r++) {
      if (this.inside[r]) continue;
      let only = -1;
      for (let j = 0; j < d; j++) {
        const v = this.columns[j][r];
        const side = v < this.lower[j] ? 0 : v > this.upper[j] ? 1 : -1;
        if (side < 0) continue;
        if (only >= 0) {
          only = -2;
          break;
        }
        only = 2 * j + side;
      }
      if (only >= 0) near[only].push(r);
    }
    let best: Move | null = null;
    for (let j = 0; j < d; j++) {
      const x = this.columns[j];
      for (const [s, side] of [
        [0, "lower"],
        [1, "upper"],
      ] as const) {
        const cand = near[2 * j + s];
        if (cand.length === 0) continue;
        // Nearest first: descending x below the box, ascending above it.
        const values = Float64Array.from(cand, (r) => x[r]).sort();
        const limit = side === "lower" ? values[Math.max(0, values.length - k)] : values[Math.min(k, values.length) - 1];
        let count = this.count;
        let hits = this.hits;
        for (const r of cand) {
          if (side === "lower" ? x[r] >= limit : x[r] <= limit) {
            count++;
            hits += this.outcome[r] !== 0 ? 1 : 0;
          }
        }
        best = better(best, { j, side, limit, count, hits, density: hits / count, score: hits / count });
      }
    }
    return best;
  }

  apply(move: Move): void {
    if (move.side === "lower") this.lower[move.j] = move.limit;
    else this.upper[move.j] = move.limit;
    for (let r = 0; r < this.outcome.length; r++) {
      let ok = 1;
      for (let j = 0; j < this.columns.length && ok; j++) {
        const v = this.columns[j][r];
        if (v < this.lower[j] || v > this.upper[j]) ok = 0;
      }
      this.inside[r] = ok;
    }
    this.count = move.count;
    this.hits = move.hits;
  }

  private rows(): Uint32Array {
    const out = new Uint32Array(this.count);
    let i = 0;
    for (let r = 0; r < this.inside.length; r++) if (this.inside[r]) out[i++] = r;
    return out;
  }
}

/** The move of higher score; on a tie the one found first. */
function better(a: Move | null, b: Move): Move {
  return a === null || b.score > a.score ? b : a;
}
