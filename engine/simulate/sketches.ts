/**
 * Quantile sketches of output columns, as plain data that crosses a worker
 * boundary (structured clone) and merges exactly (integer counts).
 */
import { DenseStore, LinearSketch, LogSketch, type QuantileSketch } from "../summary/quantileSketch.js";
import type { Cell } from "./model.js";

/** Share quantile error <= 1e-4 (one bin); sizes and HHI: relative error <= 1e-4. */
export const SHARE_BIN = 1e-4;
export const LOG_ALPHA = 1e-4;

export function newSketch(kind: Cell["sketch"]): QuantileSketch {
  return kind === "linear" ? new LinearSketch(SHARE_BIN) : new LogSketch(LOG_ALPHA);
}

export interface StoreState {
  offset: number;
  counts: Float64Array;
}

export type SketchState =
  { kind: "linear"; n: number; store: StoreState } | { kind: "log"; n: number; positive: StoreState; negative: StoreState; zeros: number };

const storeState = (s: DenseStore): StoreState => ({ offset: s.offset, counts: s.counts });

export function sketchState(s: QuantileSketch): SketchState {
  if (s instanceof LinearSketch) return { kind: "linear", n: s.count(), store: storeState(s.store) };
  const l = s as LogSketch;
  return { kind: "log", n: l.count(), positive: storeState(l.positive), negative: storeState(l.negative), zeros: l.zeros };
}

/** A sketch holding a state (its arrays taken, not copied). */
export function sketchFromState(st: SketchState): QuantileSketch {
  if (st.kind === "linear") {
    const s = new LinearSketch(SHARE_BIN);
    s.store.offset = st.store.offset;
    s.store.counts = st.store.counts;
    s.n = st.n;
    return s;
  }
  const s = new LogSketch(LOG_ALPHA);
  mergeSketchState(s, st);
  return s;
}

/** Add a sketch's state into a sketch of the same kind (exact: counts are integers). */
export function mergeSketchState(into: QuantileSketch, st: SketchState): void {
  if (st.kind === "linear") (into as LinearSketch).store.addCounts(st.store.offset, st.store.counts);
  else {
    (into as LogSketch).positive.addCounts(st.positive.offset, st.positive.counts);
    (into as LogSketch).negative.addCounts(st.negative.offset, st.negative.counts);
    (into as LogSketch).zeros += st.zeros;
  }
  (into as LinearSketch | LogSketch).n += st.n;
}
