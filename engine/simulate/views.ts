/**
 * What each view summarises besides its players' shares, for one block of
 * paths (column-major, nb rows): with several regions, the global shares
 * (revenues s_ri M_r summed over regions, over the total market, MODEL.md
 * section 2) and the total market; then in every view the group shares,
 * HHI and CR3 (MODEL.md section 6) and the user metrics. Each operation is
 * a loop over the block's paths. A context with viewSteps computes only the
 * views and steps it names (the global view at step t also needs the
 * global shares of step t); the other columns are left as they were.
 */
import { buffer, type KernelContext } from "./kernelContext.js";

export function writeViews(ctx: KernelContext, nb: number, out: Float64Array): void {
  const { model, viewSteps } = ctx;
  const T1 = model.T + 1;
  for (let t = 0; t <= model.T; t++) {
    // only the (view, step) pairs asked for, when the context says (a runner that records a few columns)
    if (!model.singleRegion && (!viewSteps || viewSteps[t])) globalShares(ctx, t, nb, out);
    for (let v = 0; v < model.views.length; v++) if (!viewSteps || viewSteps[v * T1 + t]) writeView(ctx, v, t, nb, out);
  }
}

/** Global player shares and total market at step t, from the regions' shares and sizes. */
function globalShares(ctx: KernelContext, t: number, nb: number, out: Float64Array): void {
  const { model, slotColumn, marketColumn } = ctx;
  const T1 = model.T + 1;
  const R = model.regionIds.length;
  const global = model.viewColumns[0];
  const total = out.subarray((global.marketCell * T1 + t) * nb, (global.marketCell * T1 + t + 1) * nb);
  total.fill(0);
  for (let r = 0; r < R; r++) {
    const m = (marketColumn[r] + t) * nb;
    for (let q = 0; q < nb; q++) total[q] += out[m + q];
  }
  const players = global.playerCell;
  for (let i = 0; i < players.length; i++) out.fill(0, (players[i] * T1 + t) * nb, (players[i] * T1 + t + 1) * nb);
  for (let j = 0; j < model.S; j++) {
    const o = (slotColumn[j] + t) * nb;
    const g = (players[model.slotPlayer[j]] * T1 + t) * nb;
    const m = (marketColumn[model.slotRegion[j]] + t) * nb;
    for (let q = 0; q < nb; q++) out[g + q] += out[o + q] * out[m + q];
  }
  const inv = buffer(ctx, "inverseTotal", nb, false);
  for (let q = 0; q < nb; q++) inv[q] = 1 / total[q];
  for (let i = 0; i < players.length; i++) {
    const g = (players[i] * T1 + t) * nb;
    for (let q = 0; q < nb; q++) out[g + q] *= inv[q];
  }
}

/** Group shares, HHI, CR3 and user metrics of one view at step t, from its player columns. */
function writeView(ctx: KernelContext, view: number, t: number, nb: number, out: Float64Array): void {
  const { model } = ctx;
  const T1 = model.T + 1;
  const cols = model.viewColumns[view];
  const NP = cols.playerCell.length;
  const G = model.groupIds.length;
  const col = (cell: number) => (cell * T1 + t) * nb;
  const summariseGroups = G > 0 && cols.groupCell[0] >= 0;
  let groups: Float64Array | undefined;
  if (summariseGroups || model.metrics.length > 0) {
    groups = buffer(ctx, "groups", G * nb, true);
    for (let i = 0; i < NP; i++) {
      if (cols.playerCell[i] < 0) continue;
      const o = col(cols.playerCell[i]);
      const g = model.playerGroup[i] * nb;
      for (let q = 0; q < nb; q++) groups[g + q] += out[o + q];
    }
    if (summariseGroups) for (let g = 0; g < G; g++) out.set(groups.subarray(g * nb, (g + 1) * nb), col(cols.groupCell[g]));
  }
  if (cols.hhiCell >= 0) {
    const present = Array.from(cols.playerCell)
      .filter((c) => c >= 0)
      .map(col);
    const hhi = col(cols.hhiCell);
    const cr3 = col(cols.cr3Cell);
    for (let q = 0; q < nb; q++) {
      let h = 0;
      let s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let k = 0; k < present.length; k++) {
        const s = out[present[k] + q];
        h += s * s;
        if (s > s1) {
          s3 = s2;
          s2 = s1;
          s1 = s;
        } else if (s > s2) {
          s3 = s2;
          s2 = s;
        } else if (s > s3) s3 = s;
      }
      // HHI on percentage shares (0..10,000), as in the 2023 US Merger Guidelines.
      out[hhi + q] = 10000 * h;
      out[cr3 + q] = s1 + s2 + s3;
    }
  }
  if (model.metrics.length > 0) {
    const args = buffer(ctx, "metricArgs", NP + G + 2, false);
    args[NP + G] = t;
    args[NP + G + 1] = model.baseYear + t;
    const metricCols = Array.from(cols.metricCell, col);
    // Only the shares some metric reads are set, path by path (a metric of two groups need not
    // copy every player's share); a player absent from the view reads 0.
    const fromOut: number[] = [];
    const fromGroups: number[] = [];
    for (const i of model.metricInputs) {
      if (i >= NP + G) continue; // t and year, set above
      if (i >= NP) fromGroups.push(i, (i - NP) * nb);
      else if (cols.playerCell[i] >= 0) fromOut.push(i, col(cols.playerCell[i]));
      else args[i] = 0;
    }
    for (let q = 0; q < nb; q++) {
      for (let k = 0; k < fromOut.length; k += 2) args[fromOut[k]] = out[fromOut[k + 1] + q];
      for (let k = 0; k < fromGroups.length; k += 2) args[fromGroups[k]] = groups![fromGroups[k + 1] + q];
      for (let k = 0; k < metricCols.length; k++) out[metricCols[k] + q] = model.metrics[k].evaluate(args);
    }
  }
}
