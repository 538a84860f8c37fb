/**
 * The clear version of the simulation kernel (STYLE.md, example 5): one path
 * of one chunk at a time, written straight from MODEL.md sections 2-3 and the
 * draw order documented in engine/simulate/kernel.ts, with one seedrandom
 * generator per stream called one draw at a time, the scalar ziggurat
 * sampler, Math.exp, and nothing shared between paths. Slow and obvious: the
 * optimised kernel (blocks, batch draws, fastExp) must give the same numbers.
 */
import seedrandom from "seedrandom";
import { makeDistribution } from "../../engine/distributions/index.js";
import { poissonInverse } from "../../engine/random/poisson.js";
import { openUnit, streamKey, type Uniform } from "../../engine/random/streams.js";
import { normal } from "../../engine/random/ziggurat.js";
import { columnCount, type CompiledModel, type ValueSource } from "../../engine/simulate/model.js";

/** Outputs of the chunk's n paths, column-major like the kernel's: out[(cell (T + 1) + step) n + p]. */
export function naiveChunk(model: CompiledModel, seed: string, chunk: number, n: number, x: Float64Array): Float64Array {
  const { T, S, baseYear } = model;
  const R = model.regionIds.length;
  const K = model.factorIds.length;
  const stream = (quantity: string): Uniform => seedrandom.alea(streamKey(seed, model.scenarioId, quantity, chunk));
  const factorRng = model.factorIds.map((id) => stream(`factor:${id}`));
  const noiseRng = Array.from({ length: S }, (_, j) => stream(`noise:${model.regionIds[model.slotRegion[j]]}:${model.playerIds[model.slotPlayer[j]]}`));
  const marketRng = model.regionIds.map((id) => stream(`market:${id}`));
  const occursRng = model.regimes.map((g) => stream(`event:${g.id}:occurs`));
  const countRng = model.shocks.map((s) => stream(`event:${s.id}:count`));
  const jumpRng = model.shocks.map((s) => stream(`event:${s.id}:jump`));
  const jumpDist = model.shocks.map((s) => (s.jump.kind === "perEvent" ? makeDistribution(s.jump.dist) : undefined));
  const T1 = T + 1;
  const out = new Float64Array(columnCount(model) * n);
  const put = (cell: number, t: number, p: number, v: number) => (out[(cell * T1 + t) * n + p] = v);

  for (let p = 0; p < n; p++) {
    // An expression where a per-path value is expected is an event's number: no t or year, one value per path.
    const value = (src: ValueSource): number =>
      src.kind === "const" ? src.value : src.kind === "dim" ? x[src.dim * n + p] : model.exprs[src.expr].evaluate(exprArgs(1));
    const exprArgs = (t: number) => Float64Array.from([t, baseYear + t, ...model.parameterSources.map(value), ...model.leverValues]);
    const rate = (src: ValueSource, t: number) => (src.kind === "expr" ? model.exprs[src.expr].evaluate(exprArgs(t)) : value(src));

    // Events of this path: extra drift and jumps per (slot, step), extra growth per (region, step).
    const extra = Array.from({ length: S }, () => new Array<number>(T + 1).fill(0));
    const extraGrowth = Array.from({ length: R }, () => new Array<number>(T + 1).fill(0));
    model.regimes.forEach((reg, g) => {
      if (!(occursRng[g]() < value(reg.probability))) return;
      const start = Math.round(value(reg.year)) - baseYear;
      for (let t = 1; t <= T; t++) {
        const active = t >= start && t <= start + reg.duration - 1;
        for (const fx of reg.effects)
          for (const j of fx.slots) {
            if (active && fx.drift) extra[j][t] += value(fx.drift);
            if (t === start && fx.jump) extra[j][t] += value(fx.jump);
          }
        if (active) for (const gr of reg.growth) for (const r of gr.regions) extraGrowth[r][t] += value(gr.change);
      }
    });
    model.shocks.forEach((sh, e) => {
      const lambda = value(sh.rate);
      for (let t = sh.fromStep; t <= sh.toStep; t++)
        for (const target of sh.players) {
          const events = poissonInverse(countRng[e](), lambda, Math.exp(-lambda));
          let jump = 0;
          for (let m = 0; m < events; m++)
            jump += jumpDist[e]
              ? jumpDist[e]!.quantile(openUnit(jumpRng[e]()))
              : sh.jump.kind === "perPath"
                ? value({ kind: "expr", expr: sh.jump.expr })
                : (sh.jump as { value: number }).value;
          for (const j of target.slots) extra[j][t] += jump;
        }
    });

    const a = Array.from({ length: S }, (_, j) => Math.log(value(model.slotShare[j])));
    const size = model.regionSize.map(value);
    for (let t = 0; t <= T; t++) {
      if (t > 0) {
        const f = factorRng.map((rng) => normal(rng));
        for (let r = 0; r < R; r++) {
          let z = model.regionIdio[r] * normal(marketRng[r]);
          for (let k = 0; k < K; k++) z += model.regionBeta[r * K + k] * f[k];
          size[r] *= Math.exp(Math.log1p(rate(model.regionGrowth[r], t)) + extraGrowth[r][t] + value(model.regionTau[r]) * z);
        }
        for (let j = 0; j < S; j++) {
          let z = model.slotIdio[j] * normal(noiseRng[j]);
          for (let k = 0; k < K; k++) z += model.slotBeta[j * K + k] * f[k];
          let drift = extra[j][t];
          for (const term of model.driftTerms) if (term.slot === j) drift += rate(term.source, t);
          a[j] += drift + value(model.slotSigma[j]) * z;
        }
      }
      // Shares per region: softmax; then every view.
      const regionShare = new Array<number>(S);
      for (let r = 0; r < R; r++) {
        const slots = Array.from({ length: S }, (_, j) => j).filter((j) => model.slotRegion[j] === r);
        const max = Math.max(...slots.map((j) => a[j]));
        const total = slots.reduce((acc, j) => acc + Math.exp(a[j] - max), 0);
        for (const j of slots) regionShare[j] = Math.exp(a[j] - max) / total;
      }
      const market = size.reduce((acc, m) => acc + m, 0);
      model.views.forEach((_, v) => {
        const region = model.viewRegion[v];
        const cols = model.viewColumns[v];
        const share = model.playerIds.map((__, i) => {
          let revenue = 0;
          for (let j = 0; j < S; j++)
            if (model.slotPlayer[j] === i && (region < 0 || model.slotRegion[j] === region)) revenue += regionShare[j] * size[model.slotRegion[j]];
          return revenue / (region < 0 ? market : size[region]);
        });
        share.forEach((s, i) => cols.playerCell[i] >= 0 && put(cols.playerCell[i], t, p, s));
        put(cols.marketCell, t, p, region < 0 ? market : size[region]);
        const groups = model.groupIds.map((__, g) => share.reduce((acc, s, i) => (model.playerGroup[i] === g && cols.playerCell[i] >= 0 ? acc + s : acc), 0));
        groups.forEach((s, g) => cols.groupCell[g] >= 0 && put(cols.groupCell[g], t, p, s));
        const present = share.filter((_s, i) => cols.playerCell[i] >= 0);
        if (cols.hhiCell >= 0) put(cols.hhiCell, t, p, 10000 * present.reduce((acc, s) => acc + s * s, 0));
        if (cols.cr3Cell >= 0)
          put(
            cols.cr3Cell,
            t,
            p,
            [...present]
              .sort((u, w) => w - u)
              .slice(0, 3)
              .reduce((acc, s) => acc + s, 0),
          );
        const args = Float64Array.from([...share.map((s, i) => (cols.playerCell[i] >= 0 ? s : 0)), ...groups, t, baseYear + t]);
        model.metrics.forEach((m, k) => put(cols.metricCell[k], t, p, m.evaluate(args)));
      });
    }
  }
  return out;
}
