/**
 * The simulation kernel: the paths of one chunk, MODEL.md sections 2-3.
 *
 *   a_ri(0) = ln s_ri(0)
 *   a_ri(t) = a_ri(t-1) + mu_ri(t) + sigma_i z_ri(t) + J_ri(t)
 *   z_ri(t) = sum_k beta_ik f_k(t) + sqrt(1 - sum_k beta_ik^2) eps_ri(t)
 *   s_ri(t) = softmax_i(a_ri(t))                      (Cooper & Nakanishi 1988)
 *   M_r(t)  = M_r(t-1) exp(g_r(t) + tau_r z_r(t)),  g_r = ln(1 + CAGR_r) + regime changes
 *   global share of i = sum_r s_ri M_r / sum_r M_r
 *
 * Step t (1..T) moves from year Y0 + t - 1 to year Y0 + t. A regime starting
 * in year Y acts on the steps ending in years Y .. Y + duration - 1, its jump
 * on the step ending in Y. Shock events may happen in the steps whose year is
 * inside the event's `years`.
 *
 * Draw order within a chunk (part of the reproducibility contract): every
 * random quantity has its own stream (engine/random/streams.ts):
 *   input:<key>           the per-path inputs (engine/simulate/inputs.ts)
 *   event:<id>:occurs     one uniform per path, in path order (regime events)
 *   event:<id>:count      one uniform per (step in range, targeted player, path), in that nesting order
 *   event:<id>:jump       one uniform per event, in the same order (random jumps only)
 *   factor:<id>           one normal per (step, path), step-major
 *   noise:<region>:<player>  one normal per (step, path), step-major
 *   market:<region>       one normal per (step, path), step-major
 * Normals come from the ziggurat sampler (engine/random/ziggurat.ts).
 *
 * The increments of the log-attractions (drift + jumps + shocks) are built
 * first for the whole chunk, one slot at a time over contiguous memory; then
 * the step loop (evolve) accumulates them and takes the softmax per region,
 * each operation a loop over the chunk's paths.
 */
import { UserError } from "../diagnostics.js";
import type { Distribution } from "../distributions/index.js";
import { makeDistribution } from "../distributions/index.js";
import { poissonInverse } from "../random/poisson.js";
import { fillUniforms } from "../random/alea.js";
import { openState, openStream, openUnit } from "../random/streams.js";
import { fillNormalsAlea } from "../random/ziggurat.js";
import { designValues, sampleDesign, type ChunkInputs } from "./inputs.js";
import { columnCount, type CompiledModel, type ValueSource } from "./model.js";

export interface ChunkWork {
  seed: string;
  chunk: number;
  /** paths in this chunk */
  n: number;
  /** global index of the chunk's first path, for messages */
  firstPath: number;
  /** a uniform design to use instead of the chunk's own (column-major D x n), e.g. for Sobol designs */
  design?: Float64Array;
}

export interface ChunkPaths {
  inputs: ChunkInputs;
  /** outputs, column-major: out[column * n + p], column = cell * (T + 1) + step */
  out: Float64Array;
}

/** A non-finite number met while simulating: names the scenario, the quantity, the year and the path. */
export class SimulationError extends UserError {
  constructor(scenario: string, quantity: string, year: number, path: number, value: number, hint: string) {
    super(`scenario ${scenario}: ${quantity} is ${value} in ${year} on path ${path}; ${hint}`);
  }
}

/** Per-model data the kernel reuses across chunks. */
export interface KernelContext {
  model: CompiledModel;
  dists: Distribution[];
  /** the first output column of each slot's player cell in its region view (and the global view with one region) */
  slotColumn: Int32Array;
  jumpDists: (Distribution | undefined)[];
  /** buffers reused from chunk to chunk (no allocation, no GC in the steady state) */
  scratch: Map<string, Float64Array>;
}

/** A reusable buffer of at least `size` doubles, zeroed if asked. */
function buffer(ctx: KernelContext, name: string, size: number, zero: boolean): Float64Array {
  let b = ctx.scratch.get(name);
  if (!b || b.length < size) ctx.scratch.set(name, (b = new Float64Array(size)));
  else if (b.length > size) b = b.subarray(0, size);
  if (zero) b.fill(0);
  return b;
}

export function kernelContext(model: CompiledModel, dists: Distribution[]): KernelContext {
  const T1 = model.T + 1;
  const slotColumn = new Int32Array(model.S);
  for (let j = 0; j < model.S; j++) {
    const view = model.singleRegion ? 0 : model.slotRegion[j] + 1;
    slotColumn[j] = model.viewColumns[view].playerCell[model.slotPlayer[j]] * T1;
  }
  const jumpDists = model.shocks.map((s) => (s.jump.kind === "perEvent" ? makeDistribution(s.jump.dist) : undefined));
  return { model, dists, slotColumn, jumpDists, scratch: new Map() };
}

export function simulateChunk(ctx: KernelContext, work: ChunkWork): ChunkPaths {
  const { model } = ctx;
  const { n, seed, chunk } = work;
  const { T, S, baseYear, scenarioId } = model;
  const nT = n * T;
  const u = work.design ?? sampleDesign(model, seed, chunk, n);
  const x = designValues(ctx.dists, u, n);
  const value = (src: ValueSource, p: number): number => (src.kind === "const" ? src.value : src.kind === "dim" ? x[src.dim * n + p] : NaN);
  const stream = (quantity: string) => openStream(seed, scenarioId, quantity, chunk);
  const state = (quantity: string) => openState(seed, scenarioId, quantity, chunk);
  /** index of (step t in 1..T, path p) in a per-slot or per-region block */
  const at = (t: number, p: number) => (t - 1) * n + p;

  // Expression arguments per path: [t, year, parameters...].
  const P = model.parameterSources.length;
  const args = new Float64Array(2 + P);
  const setPathArgs = (p: number) => {
    for (let k = 0; k < P; k++) args[2 + k] = value(model.parameterSources[k], p);
  };
  /** Adds a rate (constant, per-path or expression) to buf[base + at(t, p)] for all paths and steps. */
  const addRate = (buf: Float64Array, base: number, src: ValueSource, map: (v: number) => number, quantity: string) => {
    if (src.kind === "expr") {
      const e = model.exprs[src.expr];
      for (let p = 0; p < n; p++) {
        setPathArgs(p);
        for (let t = 1; t <= T; t++) {
          args[0] = t;
          args[1] = baseYear + t;
          const v = map(e.evaluate(args));
          if (!Number.isFinite(v))
            throw new SimulationError(scenarioId, `${quantity} (expression "${e.source}" at ${e.where})`, baseYear + t, work.firstPath + p, v, "check the expression and the parameters it uses");
          buf[base + at(t, p)] += v;
        }
      }
      return;
    }
    // A constant or per-path value: the same for every step, added row by row over contiguous memory.
    const vals = buffer(ctx, "rate", n, false);
    for (let p = 0; p < n; p++) {
      const v = map(value(src, p));
      if (!Number.isFinite(v)) throw new SimulationError(scenarioId, quantity, baseYear + 1, work.firstPath + p, v, "check its distribution");
      vals[p] = v;
    }
    for (let t = 1; t <= T; t++) {
      const row = base + at(t, 0);
      for (let p = 0; p < n; p++) buf[row + p] += vals[p];
    }
  };

  // 1. Increments of log-attractions, slot-major then step-major: inc[slot * nT + at(t, p)].
  const inc = buffer(ctx, "inc", S * nT, true);
  for (const term of model.driftTerms) addRate(inc, term.slot * nT, term.source, identity, `drift of ${slotName(model, term.slot)}`);

  // 2. Market log growth: growth[r * nT + at(t, p)].
  const R = model.regionIds.length;
  const growth = buffer(ctx, "growth", R * nT, true);
  model.regionGrowth.forEach((src, r) => addRate(growth, r * nT, src, Math.log1p, `market growth of ${model.regionIds[r]} (log(1 + CAGR))`));

  // 3. Regime events.
  for (const reg of model.regimes) {
    const occurs = stream(`event:${reg.id}:occurs`);
    for (let p = 0; p < n; p++) {
      const hit = occurs() < value(reg.probability, p);
      if (!hit) continue;
      const start = Math.round(value(reg.year, p)) - baseYear;
      const last = Math.min(T, start + reg.duration - 1);
      for (const fx of reg.effects) {
        const drift = fx.drift ? value(fx.drift, p) : 0;
        const jump = fx.jump ? value(fx.jump, p) : 0;
        for (const j of fx.slots) {
          for (let t = Math.max(1, start); t <= last; t++) inc[j * nT + at(t, p)] += drift;
          if (start >= 1 && start <= T) inc[j * nT + at(start, p)] += jump;
        }
      }
      for (const g of reg.growth) {
        const change = value(g.change, p);
        for (const r of g.regions) for (let t = Math.max(1, start); t <= last; t++) growth[r * nT + at(t, p)] += change;
      }
    }
  }

  // 4. Shock events: Poisson counts by inversion (draw order: step, targeted player, path),
  //    jumps constant or drawn per event in the same order.
  model.shocks.forEach((sh, e) => {
    const steps = sh.toStep - sh.fromStep + 1;
    if (steps <= 0) return;
    const draws = n * steps * sh.players.length;
    const counts = buffer(ctx, "counts", draws, false);
    fillUniforms(state(`event:${sh.id}:count`), counts, 0, draws);
    const jumpDist = ctx.jumpDists[e];
    const jumps = jumpDist ? stream(`event:${sh.id}:jump`) : undefined;
    const constJump = sh.jump.kind === "const" ? sh.jump.value : 0;
    const lambda = buffer(ctx, "lambda", n, false);
    const expMinus = buffer(ctx, "expMinus", n, false);
    for (let p = 0; p < n; p++) {
      lambda[p] = value(sh.rate, p);
      expMinus[p] = Math.exp(-lambda[p]);
    }
    let draw = 0;
    for (let t = sh.fromStep; t <= sh.toStep; t++) {
      for (let q = 0; q < sh.players.length; q++) {
        const slots = sh.players[q].slots;
        for (let p = 0; p < n; p++) {
          const k = poissonInverse(counts[draw++], lambda[p], expMinus[p]);
          if (k === 0) continue;
          let total = 0;
          if (jumps) for (let m = 0; m < k; m++) total += jumpDist!.quantile(openUnit(jumps()));
          else total = k * constJump;
          for (let s = 0; s < slots.length; s++) inc[slots[s] * nT + at(t, p)] += total;
        }
      }
    }
  });

  // 5. Correlated noise (draw order: step, path): factors shared by all slots and regions.
  const K = model.factorIds.length;
  const factors = buffer(ctx, "factors", K * nT, false);
  model.factorIds.forEach((id, k) => fillNormalsAlea(state(`factor:${id}`), factors, k * nT, nT));
  const eps = buffer(ctx, "eps", nT, false);
  const zScratch = buffer(ctx, "z", nT, false);
  for (let j = 0; j < S; j++) {
    const region = model.regionIds[model.slotRegion[j]];
    fillNormalsAlea(state(`noise:${region}:${model.playerIds[model.slotPlayer[j]]}`), eps, 0, nT);
    addNoise(inc, j * nT, eps, factors, model.slotBeta, j * K, K, model.slotIdio[j], model.slotSigma[j], x, n, T, zScratch);
  }
  for (let r = 0; r < R; r++) {
    fillNormalsAlea(state(`market:${model.regionIds[r]}`), eps, 0, nT);
    addNoise(growth, r * nT, eps, factors, model.regionBeta, r * K, K, model.regionIdio[r], model.regionTau[r], x, n, T, zScratch);
  }

  // 6. Paths.
  // Every cell is written for every (path, step), so `out` needs no zeroing.
  const out = buffer(ctx, "out", columnCount(model) * n, false);
  evolve(ctx, n, x, inc, growth, out, work.firstPath);
  return { inputs: { n, u, x }, out };
}

const identity = (v: number) => v;

function slotName(model: CompiledModel, slot: number): string {
  return `${model.playerIds[model.slotPlayer[slot]]} in ${model.regionIds[model.slotRegion[slot]]}`;
}

/** buf[base + i] += sigma_p (sum_k beta_k f_k[i] + idio eps[i]) over the chunk's (step, path) pairs, i = (t - 1) n + p. */
function addNoise(
  buf: Float64Array,
  base: number,
  eps: Float64Array,
  factors: Float64Array,
  beta: Float64Array,
  betaOffset: number,
  K: number,
  idio: number,
  sigma: ValueSource,
  x: Float64Array,
  n: number,
  T: number,
  /** nT doubles of scratch, for a per-path sigma */
  scratch: Float64Array,
): void {
  const nT = n * T;
  const sigmaCol = sigma.kind === "dim" ? sigma.dim * n : -1;
  const s0 = sigma.kind === "const" ? sigma.value : 0;
  if (sigmaCol < 0 && s0 === 0) return;
  // One pass per term over contiguous memory; a per-path sigma multiplies the sum at the end.
  const z = sigmaCol < 0 ? buf : scratch.fill(0);
  const zBase = sigmaCol < 0 ? base : 0;
  const scale = sigmaCol < 0 ? s0 : 1;
  const si = scale * idio;
  for (let i = 0; i < nT; i++) z[zBase + i] += si * eps[i];
  for (let k = 0; k < K; k++) {
    const sb = scale * beta[betaOffset + k];
    if (sb === 0) continue;
    const f = k * nT;
    for (let i = 0; i < nT; i++) z[zBase + i] += sb * factors[f + i];
  }
  if (sigmaCol >= 0) for (let i = 0; i < nT; i++) buf[base + i] += x[sigmaCol + (i % n)] * z[i];
}

/**
 * All paths of the chunk, a step at a time, each operation a loop over paths
 * on contiguous memory: accumulate increments, softmax per region (shifted by
 * the maximum, so that exp never overflows), market sizes, global shares by
 * revenue, then groups, concentration and metrics per view.
 */
function evolve(ctx: KernelContext, n: number, x: Float64Array, inc: Float64Array, growth: Float64Array, out: Float64Array, firstPath: number): void {
  const { model, slotColumn } = ctx;
  const { T, S, regionStart, slotRegion } = model;
  const T1 = T + 1;
  const nT = n * T;
  const R = model.regionIds.length;
  const a = buffer(ctx, "a", S * n, false);
  const size = buffer(ctx, "size", R * n, false);
  const max = buffer(ctx, "max", n, false);
  const sum = buffer(ctx, "sum", n, false);
  const total = buffer(ctx, "total", n, false);
  const fill = (dst: Float64Array, off: number, src: ValueSource, f: (v: number) => number) => {
    if (src.kind === "const") dst.fill(f(src.value), off, off + n);
    else for (let p = 0; p < n; p++) dst[off + p] = f(x[(src as { dim: number }).dim * n + p]);
  };
  for (let j = 0; j < S; j++) fill(a, j * n, model.slotShare[j], Math.log);
  for (let r = 0; r < R; r++) fill(size, r * n, model.regionSize[r], identity);

  for (let t = 0; t <= T; t++) {
    const off = (t - 1) * n;
    if (t > 0) {
      for (let r = 0; r < R; r++) {
        const sr = r * n;
        const gr = r * nT + off;
        for (let p = 0; p < n; p++) size[sr + p] *= Math.exp(growth[gr + p]);
      }
    }
    for (let r = 0; r < R; r++) {
      const lo = regionStart[r];
      const hi = regionStart[r + 1];
      max.fill(-Infinity);
      // One pass per slot: add the step's increment and track the maximum.
      for (let j = lo; j < hi; j++) {
        const aj = j * n;
        if (t > 0) {
          const ij = j * nT + off;
          for (let p = 0; p < n; p++) {
            const v = a[aj + p] + inc[ij + p];
            a[aj + p] = v;
            if (v > max[p]) max[p] = v;
          }
        } else for (let p = 0; p < n; p++) if (a[aj + p] > max[p]) max[p] = a[aj + p];
      }
      sum.fill(0);
      for (let j = lo; j < hi; j++) {
        const aj = j * n;
        const o = (slotColumn[j] + t) * n;
        for (let p = 0; p < n; p++) {
          const e = Math.exp(a[aj + p] - max[p]);
          out[o + p] = e;
          sum[p] += e;
        }
      }
      for (let p = 0; p < n; p++) sum[p] = 1 / sum[p];
      for (let j = lo; j < hi; j++) {
        const o = (slotColumn[j] + t) * n;
        for (let p = 0; p < n; p++) out[o + p] *= sum[p];
      }
    }
    if (model.singleRegion) {
      writeView(ctx, 0, size.subarray(0, n), t, n, out);
    } else {
      total.fill(0);
      for (let r = 0; r < R; r++) for (let p = 0; p < n; p++) total[p] += size[r * n + p];
      // Global shares: revenues s_ri M_r summed over regions, over the total market.
      const global = model.viewColumns[0].playerCell;
      for (let i = 0; i < global.length; i++) out.fill(0, (global[i] * T1 + t) * n, (global[i] * T1 + t + 1) * n);
      for (let j = 0; j < S; j++) {
        const o = (slotColumn[j] + t) * n;
        const g = (global[model.slotPlayer[j]] * T1 + t) * n;
        const m = slotRegion[j] * n;
        for (let p = 0; p < n; p++) out[g + p] += out[o + p] * size[m + p];
      }
      for (let p = 0; p < n; p++) sum[p] = 1 / total[p];
      for (let i = 0; i < global.length; i++) {
        const g = (global[i] * T1 + t) * n;
        for (let p = 0; p < n; p++) out[g + p] *= sum[p];
      }
      for (let r = 0; r < R; r++) writeView(ctx, r + 1, size.subarray(r * n, (r + 1) * n), t, n, out);
      writeView(ctx, 0, total, t, n, out);
    }
    for (let r = 0; r < R; r++)
      for (let p = 0; p < n; p++)
        if (!Number.isFinite(size[r * n + p]))
          throw new SimulationError(model.scenarioId, `market size of ${model.regionIds[r]}`, model.baseYear + t, firstPath + p, size[r * n + p], "check the market size, growth and volatility");
  }
}

/** Market size, group shares, HHI, CR3 and user metrics of one view at step t, from its player columns. */
function writeView(ctx: KernelContext, view: number, market: Float64Array, t: number, n: number, out: Float64Array): void {
  const { model } = ctx;
  const T1 = model.T + 1;
  const cols = model.viewColumns[view];
  const NP = cols.playerCell.length;
  const G = model.groupIds.length;
  const col = (cell: number) => (cell * T1 + t) * n;
  out.set(market, col(cols.marketCell));
  const summariseGroups = G > 0 && cols.groupCell[0] >= 0;
  let groups: Float64Array | undefined;
  if (summariseGroups || model.metrics.length > 0) {
    groups = buffer(ctx, "groups", G * n, true);
    for (let i = 0; i < NP; i++) {
      if (cols.playerCell[i] < 0) continue;
      const o = col(cols.playerCell[i]);
      const g = model.playerGroup[i] * n;
      for (let p = 0; p < n; p++) groups[g + p] += out[o + p];
    }
    if (summariseGroups) for (let g = 0; g < G; g++) out.set(groups.subarray(g * n, (g + 1) * n), col(cols.groupCell[g]));
  }
  if (cols.hhiCell >= 0) {
    const present = Array.from(cols.playerCell).filter((c) => c >= 0).map(col);
    const hhi = col(cols.hhiCell);
    const cr3 = col(cols.cr3Cell);
    for (let p = 0; p < n; p++) {
      let h = 0;
      let s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < present.length; k++) {
        const s = out[present[k] + p];
        h += s * s;
        if (s > s1) { s3 = s2; s2 = s1; s1 = s; }
        else if (s > s2) { s3 = s2; s2 = s; }
        else if (s > s3) s3 = s;
      }
      // HHI on percentage shares (0..10,000), as in the 2023 US Merger Guidelines.
      out[hhi + p] = 10000 * h;
      out[cr3 + p] = s1 + s2 + s3;
    }
  }
  if (model.metrics.length > 0) {
    const args = new Float64Array(NP + G + 2);
    args[NP + G] = t;
    args[NP + G + 1] = model.baseYear + t;
    const metricCols = Array.from(cols.metricCell, col);
    for (let p = 0; p < n; p++) {
      for (let i = 0; i < NP; i++) args[i] = cols.playerCell[i] >= 0 ? out[col(cols.playerCell[i]) + p] : 0;
      for (let g = 0; g < G; g++) args[NP + g] = groups![g * n + p];
      for (let k = 0; k < metricCols.length; k++) out[metricCols[k] + p] = model.metrics[k].evaluate(args);
    }
  }
}
